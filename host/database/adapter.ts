import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'

import path from 'node:path'
import { serialiseWriteTransactions } from 'payload-newsroom/server'
import {
  type DatabaseKind,
  databaseKindOfUri,
  DatabaseSelectionError,
  describeDatabase,
  embeddedPaths,
  parseDatabaseMode,
  readEmbeddedState,
  redactUri,
  sqliteUrlForFile,
} from './selectDatabase'

/**
 * Committed migrations per SQL engine (`npm run migrate:create` writes them): production databases
 * are migrated by `npm start`, never pushed. MongoDB needs none for the schema.
 */
export const migrationDir = (projectRoot: string, kind: 'postgres' | 'sqlite'): string =>
  path.join(projectRoot, 'host', 'migrations', kind)

type AdapterOptions = {
  /** Push the schema on connect outside production (Payload's default); false to use migrations only. */
  push?: boolean
  /** Where host/migrations is (default: the working directory, as for Payload's CLI). */
  projectRoot?: string
  /** Called for every query the adapter sends (benchmarks count queries with it). */
  onQuery?: (query: string) => void
}

type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: 'deferred' | 'read' | 'write') => Promise<unknown>
}

/**
 * SQLite in write-ahead-log mode: readers never wait for the writer, and a crash mid-write leaves the
 * last committed state (the mode is stored in the file; setting it again is harmless). Transactions
 * begin DEFERRED, taking the write lock at their first write instead of at BEGIN: Payload writes
 * outside a transaction it has just opened (forgot-password reserves its request interval so), and
 * under BEGIN IMMEDIATE that write meets the lock and fails. Writes still take turns (everyWrite).
 */
const tuneEmbeddedSqlite = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const instance = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & {
      client: LibsqlClient
    }
    const connect = instance.connect?.bind(instance)
    instance.connect = async (options) => {
      await connect?.(options)
      await instance.client.execute('PRAGMA journal_mode = WAL')
      const transaction = instance.client.transaction.bind(instance.client)
      instance.client.transaction = (mode) => transaction(mode === 'read' ? mode : 'deferred')
    }
    return instance
  },
})

export const createDatabaseAdapter = (
  kind: DatabaseKind,
  url: string,
  { onQuery, projectRoot = process.cwd(), push }: AdapterOptions = {},
): DatabaseAdapterObj => {
  if (kind === 'mongodb') {
    const adapter = mongooseAdapter({ url })
    if (onQuery) {
      const init = adapter.init
      adapter.init = (args) => {
        const instance = init(args) as ReturnType<typeof init> & {
          mongoose: { set: (key: string, value: unknown) => void }
        }
        instance.mongoose.set('debug', (collection: string, method: string) =>
          onQuery(`${collection}.${method}`),
        )
        return instance
      }
    }
    return adapter
  }
  if (kind === 'postgres') {
    // Transactions start in turn (Payload's own read-then-write steps, a preference's upsert, a bulk
    // update of a host collection, were not meant to interleave), and those the plugin's write locks
    // order (an article, each disclaimer it attaches, a source's item) then run beside each other,
    // up to half the pool (node-postgres' default is 10 connections), in this process as across app
    // instances.
    return serialiseWriteTransactions(
      postgresAdapter({
        // UUIDs, as on SQLite: IDs stay opaque strings.
        idType: 'uuid',
        logger: onQuery ? { logQuery: (query) => onQuery(query) } : undefined,
        migrationDir: migrationDir(projectRoot, 'postgres'),
        pool: { connectionString: url },
        push,
      }),
      { everyWrite: true, transactionsAtOnce: 5 },
    )
  }
  // Every multi-step write is one transaction, as on the server databases. SQLite allows one writer
  // at a time: every write in the process (Payload's own included) takes its turn instead of
  // failing with SQLITE_BUSY.
  return serialiseWriteTransactions(
    tuneEmbeddedSqlite(
      sqliteAdapter({
        client: { url },
        // UUIDs keep IDs opaque strings on both adapters, so no code can come to rely on integers.
        idType: 'uuid',
        logger: onQuery ? { logQuery: (query) => onQuery(query) } : undefined,
        migrationDir: migrationDir(projectRoot, 'sqlite'),
        push,
        transactionOptions: {},
      }),
    ),
    { everyWrite: true },
  )
}

const announced = Symbol.for('payload-newsroom.databaseAnnounced')
const announceOnce = (line: string) => {
  const state = globalThis as { [announced]?: boolean }
  if (!state[announced] && !process.env.NEWSROOM_DATABASE_ANNOUNCED) {
    state[announced] = true
    console.log(line)
  }
}

/**
 * The adapter for `payload.config.ts`. The launchers (`npm run dev`, `start`, `seed`, the CLI
 * wrapper) resolve the database first, start an embedded MongoDB when there is one, and pass it on
 * as `DATABASE_URI`. Loaded without a launcher, the config cannot start a `mongod`, so it keeps to
 * embedded SQLite unless `.data/` already holds an embedded MongoDB.
 */
export const databaseAdapterFromEnv = (
  projectRoot: string,
  adapterOptions: AdapterOptions = {},
): DatabaseAdapterObj => {
  const uri = process.env.DATABASE_URI?.trim()
  if (uri) {
    const kind = databaseKindOfUri(uri)
    announceOnce(describeDatabase(kind, redactUri(uri), 'from DATABASE_URI'))
    return createDatabaseAdapter(kind, uri, { projectRoot, ...adapterOptions })
  }

  const dataDir = path.join(projectRoot, '.data')
  const mode = parseDatabaseMode(process.env.PAYLOAD_DATABASE)
  const state = readEmbeddedState(dataDir)
  if (mode === 'mongodb' || (mode === 'auto' && (state === 'mongodb' || state === 'both'))) {
    throw new DatabaseSelectionError(
      'the embedded MongoDB is started by the launchers: use `npm run dev` (or `npm start`), ' +
        'or set DATABASE_URI',
    )
  }
  const file = embeddedPaths(dataDir).sqlite
  fs.mkdirSync(dataDir, { recursive: true })
  announceOnce(
    describeDatabase(
      'sqlite',
      path.relative(projectRoot, file),
      state === 'sqlite'
        ? 'kept: .data/ already holds the embedded SQLite database'
        : 'no DATABASE_URI and not started through `npm run dev`, so no mongod was looked for',
    ),
  )
  return createDatabaseAdapter('sqlite', sqliteUrlForFile(file), { projectRoot, ...adapterOptions })
}
