import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'

const password = 'correct-horse-battery-1'

describe('the newsroom app through the Local API, REST and GraphQL', () => {
  let newsroom: TestNewsroom
  let adminToken: string
  let writerToken: string
  let writerId: number | string

  beforeAll(async () => {
    newsroom = await startNewsroom()
    await newsroom.payload.create({
      collection: 'users',
      // Asks for nothing special: the first account is made an admin regardless.
      data: { email: 'ada@newsroom.test', name: 'Ada Admin', password, roles: ['writer'] },
    })
    const writer = await newsroom.payload.create({
      collection: 'users',
      data: { email: 'walt@newsroom.test', name: 'Walt Writer', password, roles: ['writer'] },
    })
    writerId = writer.id
    adminToken = await newsroom.rest.login('ada@newsroom.test', password)
    writerToken = await newsroom.rest.login('walt@newsroom.test', password)
  })

  afterAll(async () => {
    await newsroom?.stop()
  })

  it('makes the first account an admin and later ones writers', async () => {
    const { docs } = await newsroom.payload.find({ collection: 'users', sort: 'createdAt' })
    expect(docs.map((user) => user.roles)).toEqual([['admin'], ['writer']])
  })

  it('creates a section through the Local API and reads its name per locale, with fallback', async () => {
    const created = await newsroom.payload.create({
      collection: 'sections',
      data: { name: 'Marchés et économie' },
      locale: 'fr',
    })
    expect(created.slug).toBe('marches-et-economie')

    // No English name yet: English readers fall back to the French one.
    const fallback = await newsroom.payload.findByID({
      id: created.id,
      collection: 'sections',
      locale: 'en',
    })
    expect(fallback.name).toBe('Marchés et économie')

    await newsroom.payload.update({
      id: created.id,
      collection: 'sections',
      data: { name: 'Markets and economy' },
      locale: 'en',
    })
    const [fr, en] = await Promise.all(
      (['fr', 'en'] as const).map((locale) =>
        newsroom.payload.findByID({ id: created.id, collection: 'sections', locale }),
      ),
    )
    expect([fr.name, en.name]).toEqual(['Marchés et économie', 'Markets and economy'])
    // The slug is stable: renaming did not change it.
    expect(en.slug).toBe('marches-et-economie')
  })

  it('lets an admin create over REST and anyone read it back anonymously', async () => {
    const created = await newsroom.rest.post('/sections', {
      body: { name: 'Monde' },
      token: adminToken,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ name: 'Monde', slug: 'monde' })

    const anonymous = await newsroom.rest.get('/sections', {
      query: { 'where[slug][equals]': 'monde' },
    })
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.docs).toHaveLength(1)
    expect(anonymous.body.docs[0].id).toBe(created.body.doc.id)
  })

  it('refuses writes without the right role (403) and leaves nothing behind', async () => {
    const anonymous = await newsroom.rest.post('/sections', { body: { name: 'Pirates' } })
    const writer = await newsroom.rest.post('/sections', {
      body: { name: 'Pirates' },
      token: writerToken,
    })
    expect([anonymous.status, writer.status]).toEqual([403, 403])
    const { totalDocs } = await newsroom.payload.count({
      collection: 'sections',
      where: { name: { equals: 'Pirates' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('answers bad input with a field-level 400 ValidationError in the request language', async () => {
    for (const [language, message] of [
      ['en', /lowercase letters, digits and single hyphens/],
      ['fr', /lettres minuscules, des chiffres et des traits d’union/],
    ] as const) {
      const response = await newsroom.rest.post('/sections', {
        body: { name: 'Technologie', slug: 'Not A Slug' },
        headers: { 'accept-language': language },
        token: adminToken,
      })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].name).toBe('ValidationError')
      expect(response.body.errors[0].data.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(message), path: 'slug' }),
      ])
    }
    const { totalDocs } = await newsroom.payload.count({
      collection: 'sections',
      where: { slug: { equals: 'technologie' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('lets staff see each other (to pick authors) and the public no one', async () => {
    const asWriter = await newsroom.rest.get('/users', { token: writerToken })
    expect(asWriter.body.docs.map((user: any) => user.email).sort()).toEqual([
      'ada@newsroom.test',
      'walt@newsroom.test',
    ])
    expect((await newsroom.rest.get('/users')).status).toBe(403)
  })

  it('ignores a writer trying to give themselves the admin role', async () => {
    const response = await newsroom.rest.patch(`/users/${writerId}`, {
      body: { name: 'Walt W.', roles: ['admin'] },
      token: writerToken,
    })
    expect(response.status).toBe(200)
    const stored = await newsroom.payload.findByID({ id: writerId, collection: 'users' })
    expect(stored).toMatchObject({ name: 'Walt W.', roles: ['writer'] })
  })

  it('answers GraphQL queries anonymously and mutations for an admin only', async () => {
    const create = /* GraphQL */ `
      mutation ($name: String!) {
        createSection(data: { name: $name }) {
          id
          name
          slug
        }
      }
    `
    const refused = await newsroom.graphql(create, { variables: { name: 'Crypto' } })
    expect(refused.body.data?.createSection ?? null).toBeNull()
    expect(refused.body.errors?.[0]?.extensions?.statusCode).toBe(403)

    const created = await newsroom.graphql(create, {
      token: adminToken,
      variables: { name: 'Crypto' },
    })
    expect(created.body.errors).toBeUndefined()
    expect(created.body.data.createSection).toMatchObject({ name: 'Crypto', slug: 'crypto' })

    const listed = await newsroom.graphql(/* GraphQL */ `
      {
        Sections(where: { slug: { equals: "crypto" } }) {
          totalDocs
          docs {
            id
            name
          }
        }
      }
    `)
    expect(listed.status).toBe(200)
    expect(listed.body.data.Sections).toEqual({
      docs: [{ id: created.body.data.createSection.id, name: 'Crypto' }],
      totalDocs: 1,
    })
  })
})
