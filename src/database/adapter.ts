import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'

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

type AdapterOptions = {
  /** Called for every query the adapter sends (benchmarks count queries with it). */
  onQuery?: (query: string) => void
  /**
   * SQLite only. Payload's SQLite adapter runs without transactions unless asked, and with them on,
   * concurrent requests over libsql fail with SQLITE_BUSY; the app keeps them off. Sequential bulk
   * loaders turn them on: grouping writes makes loading about twice as fast.
   */
  sqliteTransactions?: boolean
}

export const createDatabaseAdapter = (
  kind: DatabaseKind,
  url: string,
  { onQuery, sqliteTransactions = false }: AdapterOptions = {},
): DatabaseAdapterObj => {
  if (kind === 'mongodb') {
    const adapter = mongooseAdapter({ url })
    if (onQuery) {
      const init = adapter.init
      adapter.init = (args) => {
        const instance = init(args) as ReturnType<typeof init> & { mongoose: { set: (key: string, value: unknown) => void } }
        instance.mongoose.set('debug', (collection: string, method: string) => onQuery(`${collection}.${method}`))
        return instance
      }
    }
    return adapter
  }
  return sqliteAdapter({
    client: { url },
    // UUIDs keep IDs opaque strings on both adapters, so no code can come to rely on integers.
    idType: 'uuid',
    transactionOptions: sqliteTransactions ? {} : undefined,
    logger: onQuery ? { logQuery: (query) => onQuery(query) } : undefined,
  })
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
export const databaseAdapterFromEnv = (projectRoot: string, adapterOptions: AdapterOptions = {}): DatabaseAdapterObj => {
  const uri = process.env.DATABASE_URI?.trim()
  if (uri) {
    const kind = databaseKindOfUri(uri)
    announceOnce(describeDatabase(kind, redactUri(uri), 'from DATABASE_URI'))
    return createDatabaseAdapter(kind, uri, adapterOptions)
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
  return createDatabaseAdapter('sqlite', sqliteUrlForFile(file), adapterOptions)
}
