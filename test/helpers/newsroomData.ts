import type { Payload } from 'payload'

import { fixtures } from './fixtures'

export const password = 'correct-horse-battery-1'

/** Users of every role, and their REST tokens. */
export const createStaff = async (
  payload: Payload,
  login: (email: string, password: string) => Promise<string>,
) => {
  const roles = ['admin', 'editor', 'writer', 'ingest'] as const
  const users: Record<string, { id: number | string; token: string }> = {}
  for (const role of roles) {
    const user = await payload.create({
      collection: 'users',
      data: { email: `${role}@newsroom.test`, name: `${role} user`, password, roles: [role] },
    })
    users[role] = { id: user.id, token: await login(`${role}@newsroom.test`, password) }
  }
  return users as Record<(typeof roles)[number], { id: number | string; token: string }>
}

/** A source, sections and an approved third-party disclaimer, plus a builder for syndicated articles. */
export const createNewsroomBasics = async (payload: Payload) => {
  const make = fixtures(payload)
  const source = await make.source({
    creditLine: 'Agence Horizon Presse',
    name: 'Agence Horizon Presse',
  })
  const world = await make.section({ name: 'Monde' })
  const markets = await make.section({
    name: 'Marchés',
    requiredDisclaimerKinds: ['not-financial-advice'],
  })
  const thirdParty = await make.disclaimer({ key: 'third-party-content', kind: 'third-party' })
  let item = 0
  const syndicated = (data: Record<string, any> = {}, options: { draft?: boolean } = {}) =>
    make.article(
      {
        attribution: {
          originalUrl: 'https://horizon-presse.example/depeches/1',
          source: source.id,
          sourceItemId: `item-${++item}`,
        },
        origin: 'syndicated',
        section: world.id,
        ...data,
      },
      options,
    )
  return { make, markets, source, syndicated, thirdParty, world }
}

/**
 * The article's published version as the public sees it, or null when nothing is published.
 * `internal: true` reads the same version with the fields only staff see (the snapshot, createdBy).
 */
export const publishedVersion = async (
  payload: Payload,
  id: number | string,
  { internal = false } = {},
) => {
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    draft: false,
    overrideAccess: internal,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
  })
  return (docs[0] as Record<string, any> | undefined) ?? null
}
