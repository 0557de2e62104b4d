import type { CollectionSlug, Config, Payload, PayloadRequest, SanitizedConfig } from 'payload'

import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { buildConfig, createLocalReq, getPayload } from 'payload'
import { inject } from 'vitest'

import type { NewsroomPluginOptions, WorkflowAction } from 'payload-newsroom'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { inTransaction, runWorkflowAction } from 'payload-newsroom/server'
import { createDatabaseAdapter } from '../../host/database/adapter'
import { createAppConfig } from '../../host/appConfig'
import { projectRoot, scratchDatabase } from '../testDatabase'
import { graphqlClient } from './graphql'
import { restClient } from './rest'

type PoolClient = {
  once: (event: 'end', listener: () => void) => void
  release?: (destroy?: boolean) => void
}

/**
 * Test infrastructure only: Payload's destroy() leaves the PostgreSQL adapter's pool open, with one
 * client kept checked out for its reconnect listener on an existing database. Every connection is
 * closed here, so that dropping the database afterwards cuts none of them.
 */
export const closePostgresPool = async (payload: Payload) => {
  const pool = (
    payload.db as unknown as {
      pool?: { _clients: PoolClient[]; _idle: { client: PoolClient }[]; end: () => Promise<void> }
    }
  ).pool
  if (!pool) return
  const clients = [...pool._clients]
  const idle = new Set(pool._idle.map((item) => item.client))
  const closed = clients.map(
    (client) => new Promise<void>((resolve) => client.once('end', resolve)),
  )
  for (const client of clients) if (!idle.has(client)) client.release?.(true)
  await pool.end()
  await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 5_000))])
}

export type TestNewsroom = Awaited<ReturnType<typeof startNewsroom>>

/** The loopback address the tests' own HTTP servers listen on. */
export const testOutboundAddresses = ['127.0.0.1']

/**
 * The host app on a fresh, isolated database for one test file, with clients for the three
 * surfaces: the Local API, REST and GraphQL (Payload's own route handlers, called with real Requests).
 * Call `stop()` in afterAll: it closes the connection and deletes the database.
 */
export const startNewsroom = async (
  options: {
    /** Changes the host's config before it is built (a host collection of its own, say). */
    configure?: (config: Config) => Config
    newsroom?: NewsroomPluginOptions
    onQuery?: (query: string) => void
    push?: boolean
  } = {},
) => {
  const configure = options.configure ?? ((config: Config) => config)
  const testDatabase = inject('testDatabase')
  const name = `${testDatabase.runPrefix}${randomUUID().replaceAll('-', '')}`
  const database = scratchDatabase(testDatabase, name)
  // Each test file's uploads in a folder of its own, removed with its database.
  const mediaDir = path.join(projectRoot, '.tmp', 'media', name)

  const config: Promise<SanitizedConfig> = buildConfig(
    configure(
      createAppConfig({
        db: createDatabaseAdapter(testDatabase.kind, database.url, {
          onQuery: options.onQuery,
          projectRoot,
          push: options.push,
        }),
        // The in-memory rate limiter would count every test's requests as one client's: off, except
        // where a test sets its own limits (test/api/accountSafety.test.ts). Feed and webhook servers
        // of the tests listen on 127.0.0.1, which outgoing requests may reach only when allowed.
        mediaDir,
        newsroom: {
          outbound: { allowAddresses: testOutboundAddresses },
          rateLimit: false,
          ...options.newsroom,
        },
        projectRoot,
      }),
    ),
  )
  const payload: Payload = await getPayload({ config })

  /**
   * Another app instance on this test's database, as a second server would be: its own config,
   * connection pool and Payload, none of the first one's in-process state. (Payload's REST handlers
   * always use the process's default instance, so this one is driven through the Local API, as its
   * own endpoints would drive it.) Server databases only: an embedded SQLite file serves one instance,
   * unless the first stays idle while this one writes. `newsroom` changes its plugin options.
   */
  const startAnotherInstance = async (changed: { newsroom?: NewsroomPluginOptions } = {}) => {
    const otherConfig: Promise<SanitizedConfig> = buildConfig(
      configure(
        createAppConfig({
          db: createDatabaseAdapter(testDatabase.kind, database.url, { projectRoot, push: false }),
          mediaDir,
          newsroom: {
            outbound: { allowAddresses: testOutboundAddresses },
            rateLimit: false,
            ...options.newsroom,
            ...changed.newsroom,
          },
          projectRoot,
        }),
      ),
    )
    const other = await getPayload({ config: otherConfig, key: `instance-${randomUUID()}` })
    /** Acts as the user, with access control: `{ status, body }` as REST would answer. */
    const asUser = async <T>(
      userID: number | string,
      work: (req: PayloadRequest) => Promise<T>,
    ) => {
      const user = await other.findByID({ collection: 'users', depth: 0, id: userID })
      const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, other)
      try {
        return {
          body: { doc: await inTransaction(req, () => work(req)) } as Record<string, any>,
          status: 200,
        }
      } catch (error) {
        const { message, status } = error as { message: string; status?: number }
        return { body: { errors: [{ message }] } as Record<string, any>, status: status ?? 500 }
      }
    }
    return {
      payload: other,
      /** POST /api/articles/:id/workflow on this instance. */
      workflow: (userID: number | string, id: number | string, action: WorkflowAction) =>
        asUser(userID, (req) =>
          runWorkflowAction(req, pluginOptionsOf(other.config), { action, id }),
        ),
      /** PATCH /api/<collection>/:id on this instance. */
      update: (
        userID: number | string,
        collection: CollectionSlug,
        id: number | string,
        data: Record<string, unknown>,
      ) =>
        asUser(userID, (req) =>
          other.update({ collection, data: data as never, id, overrideAccess: false, req }),
        ),
      stop: async () => {
        await other.destroy()
        await closePostgresPool(other)
      },
    }
  }

  const stop = async () => {
    if (testDatabase.kind === 'mongodb') {
      // Test infrastructure only: the plugin itself never reaches below Payload's adapter API.
      await (
        payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }
      ).connection.dropDatabase()
    }
    await payload.destroy()
    if (testDatabase.kind === 'postgres') await closePostgresPool(payload)
    await database.remove()
    await rm(mediaDir, { force: true, recursive: true })
  }

  return {
    config,
    /** The database's URL, for a script run against this test's data in another process. */
    databaseUrl: database.url,
    graphql: graphqlClient(config),
    payload,
    rest: restClient(config),
    startAnotherInstance,
    stop,
  }
}
