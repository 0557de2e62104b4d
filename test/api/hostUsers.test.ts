import type { CollectionConfig, Config, Payload } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { randomUUID } from 'node:crypto'
import { buildConfig, getPayload } from 'payload'
import { afterAll, describe, expect, inject, it } from 'vitest'

import { newsroomPlugin } from 'payload-newsroom'

import { createDatabaseAdapter } from '../../host/database/adapter'
import { closePostgresPool } from '../helpers/newsroom'
import { projectRoot, scratchDatabase } from '../testDatabase'

/** The host's users collection: its slug is not in this project's generated types. */
const staffSlug = 'staff' as never

/** A host app's own users collection, as it was before the plugin: email login, a name, no roles (new each time: Payload sanitizes configs in place). */
const staff = (): CollectionConfig => ({
  auth: true,
  fields: [{ name: 'displayName', type: 'text' }],
  slug: 'staff',
})

describe('a host app with its own users collection gets administrators and API keys', () => {
  const testDatabase = inject('testDatabase')
  const databases: ReturnType<typeof scratchDatabase>[] = []
  const running: Payload[] = []

  /** The host on a database of its own, with or without the plugin. */
  const startHost = async (
    database: ReturnType<typeof scratchDatabase>,
    plugins: Config['plugins'] = [],
  ) => {
    const config = buildConfig({
      admin: { user: 'staff' },
      collections: [staff()],
      db: createDatabaseAdapter(testDatabase.kind, database.url, { projectRoot, push: true }),
      editor: lexicalEditor(),
      localization: { defaultLocale: 'en', locales: ['en', 'de'] },
      plugins,
      secret: 'host-users-test-secret',
    })
    const payload = await getPayload({ config, key: `host-users-${randomUUID()}` })
    running.push(payload)
    return payload
  }
  const stopHost = async (payload: Payload) => {
    running.splice(running.indexOf(payload), 1)
    await payload.destroy()
    if (testDatabase.kind === 'postgres') await closePostgresPool(payload)
  }
  const newDatabase = () => {
    const database = scratchDatabase(
      testDatabase,
      `${testDatabase.runPrefix}${randomUUID().replaceAll('-', '')}`,
    )
    databases.push(database)
    return database
  }
  const withNewsroom = (initialAdmins?: string[]) => [
    newsroomPlugin({
      collections: { users: { slug: 'staff' } },
      initialAdmins,
      languages: ['en', 'de'],
      rateLimit: false,
    }),
  ]

  afterAll(async () => {
    for (const payload of [...running]) await stopHost(payload)
    for (const database of databases) await database.remove()
  })

  it('makes the first account of a fresh host an administrator, and later ones writers', async () => {
    const payload = await startHost(newDatabase(), withNewsroom())
    const first = await payload.create({
      collection: staffSlug,
      data: { email: 'first@host.test', password: 'a long password 1', roles: ['writer'] } as never,
    })
    const second = await payload.create({
      collection: staffSlug,
      data: { email: 'second@host.test', password: 'a long password 2' } as never,
    })
    expect([(first as any).roles, (second as any).roles]).toEqual([['admin'], ['writer']])
    await stopHost(payload)
  })

  it('names the administrators of a host whose users existed before the plugin (initialAdmins), and gives its users API keys', async () => {
    const database = newDatabase()
    const before = await startHost(database)
    for (const email of ['owner@host.test', 'reporter@host.test']) {
      await before.create({
        collection: staffSlug,
        data: { email, password: 'a long password 3' } as never,
      })
    }
    await stopHost(before)

    // Installed, naming the owner (as typed in the config: the case does not matter).
    const payload = await startHost(database, withNewsroom(['Owner@Host.test']))
    const { docs } = (await payload.find({
      collection: staffSlug,
      depth: 0,
      overrideAccess: true,
      sort: 'email',
    })) as unknown as { docs: Record<string, any>[] }
    expect(docs.map((user: any) => [user.email, user.roles?.includes('admin') ?? false])).toEqual([
      ['owner@host.test', true],
      ['reporter@host.test', false],
    ])

    // The owner, an administrator now, gives a wire client the ingest role and an API key through the API.
    const owner = { ...docs[0], collection: 'staff' }
    const apiKey = `ingest-${randomUUID()}`
    const wire = await payload.create({
      collection: staffSlug,
      data: {
        apiKey,
        email: 'wire@host.test',
        enableAPIKey: true,
        password: 'a long password 4',
        roles: ['ingest'],
      } as never,
      overrideAccess: false,
      user: owner as never,
    })
    expect((wire as any).roles).toEqual(['ingest'])
    const promoted = await payload.update({
      collection: staffSlug,
      data: { roles: ['editor'] } as never,
      id: docs[1]!.id,
      overrideAccess: false,
      user: owner as never,
    })
    expect((promoted as any).roles).toEqual(['editor'])
    const { user } = await payload.auth({
      headers: new Headers({ authorization: `staff API-Key ${apiKey}` }),
    })
    expect(user).toMatchObject({ email: 'wire@host.test', roles: ['ingest'] })
    await stopHost(payload)
  })
})
