import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { findMongod, startEmbeddedMongo } from '../host/database/embeddedMongo'
import {
  type DatabaseKind,
  decideDatabase,
  describeDatabase,
  parseDatabaseMode,
  redactUri,
  sqliteUrlForFile,
} from '../host/database/selectDatabase'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Scratch space of test runs and benchmarks, inside the project and git-ignored. */
const scratchRoot = path.join(projectRoot, '.tmp')

/** What each test file is handed: which adapter, and for a server database the server to use. */
export type TestDatabase = {
  description: string
  kind: DatabaseKind
  /** MongoDB server URL; each test file creates its own database on it. */
  mongoUrl?: string
  /** PostgreSQL server URL; each test file creates its own database on it and drops it afterwards. */
  postgresUrl?: string
  /** Prefix of this run's database names, so that what a run leaves behind can be found and counted. */
  runPrefix: string
  /** This run's own folder for SQLite files (one per run, so concurrent runs never clash); removed at the end. */
  scratchDir: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabase
  }
}

/** Where `npm test` passes the prepared database on to vitest. */
export const testDatabaseEnv = 'NEWSROOM_TEST_DATABASE'

/**
 * Chooses the database for a whole test run with the app's own rules (PAYLOAD_DATABASE=auto|mongodb|postgres|sqlite;
 * TEST_DATABASE_URI rather than DATABASE_URI, so a test run never writes into the app's database) and
 * starts one throwaway MongoDB replica set when that is the choice.
 */
export const prepareTestDatabase = async (): Promise<{
  stop: () => Promise<void>
  testDatabase: TestDatabase
}> => {
  const decision = await decideDatabase({
    embeddedState: 'none',
    findMongod: () => findMongod(projectRoot),
    mode: parseDatabaseMode(process.env.PAYLOAD_DATABASE),
    uri: process.env.TEST_DATABASE_URI?.trim() || undefined,
  })

  let stop = async () => {}
  let mongoUrl = decision.kind === 'mongodb' ? decision.url : undefined
  const postgresUrl = decision.kind === 'postgres' ? decision.url : undefined
  if (postgresUrl) await checkPostgresReachable(postgresUrl)
  if (decision.kind === 'mongodb' && !mongoUrl) {
    const mongo = await startEmbeddedMongo({ binaryPath: decision.mongodBinary!, dbName: 'test' })
    mongoUrl = mongo.uri
    stop = mongo.stop
  }

  const scratchDir = path.join(scratchRoot, `run-${process.pid}`)
  const location =
    decision.kind === 'sqlite'
      ? `a fresh file per test file in ${path.relative(projectRoot, scratchDir)}`
      : `a fresh database per test file on ${decision.url ? redactUri(decision.url) : 'a throwaway replica set'}`
  return {
    stop,
    testDatabase: {
      description: describeDatabase(decision.kind, location, decision.reason),
      kind: decision.kind,
      mongoUrl,
      postgresUrl,
      runPrefix: `newsroom_test_${process.pid}_`,
      scratchDir,
    },
  }
}

/**
 * The PostgreSQL databases of this run still on the server after every test file stopped (test
 * infrastructure only): dropped here, and returned so that the run fails when it left any behind.
 */
export const dropLeftoverDatabases = async (testDatabase: TestDatabase): Promise<string[]> => {
  if (testDatabase.kind !== 'postgres') return []
  return withPostgresAdmin(testDatabase.postgresUrl!, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [testDatabase.runPrefix],
    )
    for (const { datname } of rows)
      await client.query(`drop database if exists "${datname}" with (force)`)
    return rows.map((row) => row.datname)
  })
}

/** Removes the run's scratch files, and `.tmp` itself when nothing else is in it. */
export const removeTestScratch = (testDatabase: TestDatabase) => {
  fs.rmSync(testDatabase.scratchDir, { force: true, recursive: true })
  try {
    fs.rmdirSync(scratchRoot)
  } catch {
    // not empty, or already gone
  }
}

/** The server's maintenance database, from which test databases are created and dropped (test infrastructure only). */
const withPostgresAdmin = async <T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> => {
  const url = new URL(serverUrl)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Fails fast, with the reason, when the PostgreSQL server does not answer (never hangs, never skips). */
const checkPostgresReachable = async (serverUrl: string) => {
  try {
    await withPostgresAdmin(serverUrl, (client) => client.query('select 1'))
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${redactUri(serverUrl)} is not reachable: ${(error as Error).message}`,
    )
  }
}

/** Where a fresh database called `name` lives: a SQLite file in the scratch folder, or a database on the server. */
export const scratchDatabase = (testDatabase: TestDatabase, name: string) => {
  if (testDatabase.kind === 'postgres') {
    const url = new URL(testDatabase.postgresUrl!)
    url.pathname = `/${name}`
    return {
      // Payload's adapter creates the database on first connection; the test drops it at the end.
      remove: () =>
        withPostgresAdmin(testDatabase.postgresUrl!, (client) =>
          client.query(`drop database if exists "${name}" with (force)`),
        ),
      url: url.toString(),
    }
  }
  const sqliteFile = path.join(testDatabase.scratchDir, `${name}.sqlite`)
  if (testDatabase.kind === 'sqlite') {
    fs.mkdirSync(testDatabase.scratchDir, { recursive: true })
    return {
      remove: async () => {
        for (const suffix of ['', '-journal', '-wal', '-shm']) {
          fs.rmSync(`${sqliteFile}${suffix}`, { force: true })
        }
      },
      url: sqliteUrlForFile(sqliteFile),
    }
  }
  const url = new URL(testDatabase.mongoUrl!)
  url.pathname = `/${name}`
  return { remove: async () => {}, url: url.toString() }
}
