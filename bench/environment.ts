import type { NewsroomPluginOptions } from 'payload-newsroom'

import os from 'node:os'
import { buildConfig, getPayload, type Payload, type SanitizedConfig } from 'payload'

import { createDatabaseAdapter } from '../host/database/adapter'
import { createAppConfig } from '../host/appConfig'
import { graphqlClient } from '../test/helpers/graphql'
import { restClient } from '../test/helpers/rest'
import { closePostgresPool } from '../test/helpers/newsroom'
import {
  prepareTestDatabase,
  projectRoot,
  removeTestScratch,
  scratchDatabase,
} from '../test/testDatabase'
import { createQueryLog } from './queryLog'

export type Machine = {
  cpuModel: string
  cpus: number
  /** 1-minute load average when the run started and when it ended: another build on the machine shows here. */
  loadAverage: { end?: number; start: number }
  memoryGiB: number
  node: string
}

export const readMachine = (): Machine => ({
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
  cpus: os.cpus().length,
  loadAverage: { start: os.loadavg()[0]! },
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
})

export const describeMachine = (machine: Machine) =>
  `${machine.cpuModel} × ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}`

export type BenchInstance = {
  config: Promise<SanitizedConfig>
  graphql: ReturnType<typeof graphqlClient>
  payload: Payload
  rest: ReturnType<typeof restClient>
}

type StartOptions = {
  /**
   * getPayload's cache key. Payload's REST and GraphQL route handlers resolve the instance under the
   * default key, so the instance the surfaces are measured on must be the one started without a key.
   */
  key?: string
  newsroom?: NewsroomPluginOptions
}

/**
 * One fresh scratch database for the whole run (Payload pushes the SQLite schema once per process,
 * so the database grows from size to size instead of being recreated) and the Payload instances on it.
 * Prints which adapter was chosen and why, as the run's first line.
 */
export const openBenchDatabase = async (name: string) => {
  const { stop, testDatabase } = await prepareTestDatabase()
  const description = testDatabase.description.replace('per test file', 'for this run')
  console.log(description)

  const database = scratchDatabase(testDatabase, `${name}_${process.pid}`)
  const queryLog = createQueryLog()
  const instances: Payload[] = []

  const start = async ({ key, newsroom }: StartOptions = {}): Promise<BenchInstance> => {
    const db = createDatabaseAdapter(testDatabase.kind, database.url, {
      // The app's own adapter settings, so what is timed is what the app does.
      onQuery: queryLog.onQuery,
    })
    // The in-memory rate limiter would count every measured request as one client's (and refuse the
    // 601st read in a minute): the benchmarks measure the API, as the tests do, without it.
    const config = buildConfig(
      createAppConfig({ db, newsroom: { rateLimit: false, ...newsroom }, projectRoot }),
    )
    const payload = await getPayload({ config, key })
    instances.push(payload)
    return { config, graphql: graphqlClient(config), payload, rest: restClient(config) }
  }

  const close = async () => {
    if (testDatabase.kind === 'mongodb' && instances[0]) {
      // The server may be a shared one (TEST_DATABASE_URI): leave nothing behind on it.
      await (
        instances[0].db as unknown as { connection: { dropDatabase: () => Promise<void> } }
      ).connection.dropDatabase()
    }
    for (const payload of instances) {
      await payload.destroy()
      if (testDatabase.kind === 'postgres') await closePostgresPool(payload)
    }
    await database.remove()
    await stop()
    removeTestScratch(testDatabase)
  }

  return { close, description, queryLog, start, testDatabase, url: database.url }
}

export type BenchDatabase = Awaited<ReturnType<typeof openBenchDatabase>>
