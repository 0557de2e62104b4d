import type { Payload, SanitizedConfig } from 'payload'

import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { buildConfig, getPayload } from 'payload'
import { inject } from 'vitest'

import type { NewsroomPluginOptions } from '../../src/types'

import { createDatabaseAdapter } from '../../src/database/adapter'
import { sqliteUrlForFile } from '../../src/database/selectDatabase'
import { createAppConfig } from '../../src/host/appConfig'
import { projectRoot, testScratchDir } from '../testDatabase'
import { graphqlClient } from './graphql'
import { restClient } from './rest'

export type TestNewsroom = Awaited<ReturnType<typeof startNewsroom>>

/** Adds a database name to a MongoDB URL, keeping its query (replicaSet…). */
const withDatabaseName = (mongoUrl: string, name: string): string => {
  const url = new URL(mongoUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * The host app on a fresh, isolated database for one test file, with clients for the three
 * surfaces: the Local API, REST and GraphQL (Payload's own route handlers, called with real Requests).
 * Call `stop()` in afterAll: it closes the connection and deletes the database.
 */
export const startNewsroom = async (options: { newsroom?: NewsroomPluginOptions } = {}) => {
  const testDatabase = inject('testDatabase')
  const name = `newsroom_test_${randomUUID().replaceAll('-', '')}`
  const sqliteFile = path.join(testScratchDir, `${name}.sqlite`)
  const url =
    testDatabase.kind === 'sqlite'
      ? sqliteUrlForFile(sqliteFile)
      : withDatabaseName(testDatabase.mongoUrl!, name)

  const config: Promise<SanitizedConfig> = buildConfig(
    createAppConfig({
      db: createDatabaseAdapter(testDatabase.kind, url),
      newsroom: options.newsroom,
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
    for (const suffix of ['', '-journal', '-wal', '-shm']) {
      fs.rmSync(`${sqliteFile}${suffix}`, { force: true })
    }
  }

  return {
    config,
    graphql: graphqlClient(config),
    payload,
    rest: restClient(config),
    stop,
  }
}
