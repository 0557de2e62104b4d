import type { Payload, SanitizedConfig } from 'payload'

import { randomUUID } from 'node:crypto'
import { buildConfig, getPayload } from 'payload'
import { inject } from 'vitest'

import type { NewsroomPluginOptions } from 'payload-newsroom'

import { createDatabaseAdapter } from '../../host/database/adapter'
import { createAppConfig } from '../../host/appConfig'
import { projectRoot, scratchDatabase } from '../testDatabase'
import { graphqlClient } from './graphql'
import { restClient } from './rest'

export type TestNewsroom = Awaited<ReturnType<typeof startNewsroom>>

/**
 * The host app on a fresh, isolated database for one test file, with clients for the three
 * surfaces: the Local API, REST and GraphQL (Payload's own route handlers, called with real Requests).
 * Call `stop()` in afterAll: it closes the connection and deletes the database.
 */
export const startNewsroom = async (
  options: { newsroom?: NewsroomPluginOptions; onQuery?: (query: string) => void; push?: boolean } = {},
) => {
  const testDatabase = inject('testDatabase')
  const name = `newsroom_test_${randomUUID().replaceAll('-', '')}`
  const database = scratchDatabase(testDatabase, name)

  const config: Promise<SanitizedConfig> = buildConfig(
    createAppConfig({
      db: createDatabaseAdapter(testDatabase.kind, database.url, { onQuery: options.onQuery, projectRoot, push: options.push }),
      // The in-memory rate limiter would count every test's requests as one client's: off, except
      // where a test sets its own limits (test/api/accountSafety.test.ts).
      newsroom: { rateLimit: false, ...options.newsroom },
      projectRoot,
    }),
  )
  const payload: Payload = await getPayload({ config })

  const stop = async () => {
    if (testDatabase.kind === 'mongodb') {
      // Test infrastructure only: the plugin itself never reaches below Payload's adapter API.
      await (payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }).connection.dropDatabase()
    }
    await payload.destroy()
    if (testDatabase.kind === 'postgres') {
      // Test infrastructure only: Payload's destroy() leaves the adapter's pool open, and dropping the
      // database would then cut its idle connections with an error.
      await (payload.db as unknown as { pool: { end: () => Promise<void> } }).pool.end()
    }
    await database.remove()
  }

  return {
    config,
    /** The database's URL, for a script run against this test's data in another process. */
    databaseUrl: database.url,
    graphql: graphqlClient(config),
    payload,
    rest: restClient(config),
    stop,
  }
}
