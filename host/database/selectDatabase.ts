import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Which database the app, the CLI scripts and the tests use. Production points `DATABASE_URI` at a
 * MongoDB replica set or a PostgreSQL server; without it we run an embedded database, MongoDB when a
 * `mongod` can be had, SQLite otherwise, and always say which and why.
 */
export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'
export type DatabaseMode = 'auto' | DatabaseKind

export type DatabaseDecision = {
  kind: DatabaseKind
  /** Path of the `mongod` to start, for an embedded MongoDB. */
  mongodBinary?: string
  /** Why this database was chosen, in words for the startup line. */
  reason: string
  /** Set when the database is external (from `DATABASE_URI`); embedded ones get their URL when opened. */
  url?: string
}

export type MongodLookup = { found: false; reason: string } | { found: true; path: string }

/** What `.data/` already holds: an embedded database is kept once created, so content never "disappears". */
export type EmbeddedState = 'both' | 'mongodb' | 'none' | 'sqlite'

export class DatabaseSelectionError extends Error {
  override name = 'DatabaseSelectionError'
}

export const acceptedUriSchemes = [
  'mongodb://',
  'mongodb+srv://',
  'postgres://',
  'postgresql://',
  'file:',
] as const
export const databaseModes: readonly DatabaseMode[] = ['auto', 'mongodb', 'postgres', 'sqlite']

/** The server `PAYLOAD_DATABASE=postgres` uses without `DATABASE_URI`: a local one (these machines start it). */
export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/newsroom'

export const embeddedPaths = (dataDir: string) => ({
  mongodb: path.join(dataDir, 'mongodb'),
  sqlite: path.join(dataDir, 'newsroom.sqlite'),
})

export const parseDatabaseMode = (value: string | undefined): DatabaseMode => {
  const mode = (value ?? '').trim() || 'auto'
  if (!databaseModes.includes(mode as DatabaseMode)) {
    throw new DatabaseSelectionError(
      `PAYLOAD_DATABASE="${mode}" is not understood; use one of: ${databaseModes.join(', ')}`,
    )
  }
  return mode as DatabaseMode
}

export const databaseKindOfUri = (uri: string): DatabaseKind => {
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) {
    return 'mongodb'
  }
  if (uri.startsWith('postgres://') || uri.startsWith('postgresql://')) {
    return 'postgres'
  }
  if (uri.startsWith('file:')) {
    return 'sqlite'
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]
  throw new DatabaseSelectionError(
    `DATABASE_URI has ${scheme ? `the unsupported scheme "${scheme}:"` : 'no scheme'}; ` +
      `accepted: ${acceptedUriSchemes.join(', ')}`,
  )
}

/** Hides credentials so the startup line can be logged safely. */
export const redactUri = (uri: string): string => uri.replace(/\/\/([^/@:]+):[^/@]*@/, '//$1:***@')

export const readEmbeddedState = (dataDir: string): EmbeddedState => {
  const paths = embeddedPaths(dataDir)
  const hasSqlite = fs.existsSync(paths.sqlite)
  const hasMongo = fs.existsSync(paths.mongodb) && fs.readdirSync(paths.mongodb).length > 0
  if (hasSqlite && hasMongo) {
    return 'both'
  }
  return hasSqlite ? 'sqlite' : hasMongo ? 'mongodb' : 'none'
}

type DecideArgs = {
  /** Current contents of `.data/`; tests pass 'none' because each test file gets a fresh database. */
  embeddedState: EmbeddedState
  findMongod: () => Promise<MongodLookup>
  mode: DatabaseMode
  uri?: string
}

/** The selection rules, free of side effects other than looking for a `mongod`. */
export const decideDatabase = async ({
  embeddedState,
  findMongod,
  mode,
  uri,
}: DecideArgs): Promise<DatabaseDecision> => {
  if (uri) {
    const kind = databaseKindOfUri(uri)
    if (mode !== 'auto' && mode !== kind) {
      throw new DatabaseSelectionError(
        `PAYLOAD_DATABASE=${mode} contradicts DATABASE_URI, which points at ${kind}`,
      )
    }
    return { kind, reason: 'from DATABASE_URI', url: uri }
  }

  if (mode === 'sqlite') {
    return { kind: 'sqlite', reason: 'PAYLOAD_DATABASE=sqlite' }
  }
  if (mode === 'postgres') {
    return {
      kind: 'postgres',
      reason: 'PAYLOAD_DATABASE=postgres, no DATABASE_URI: the local server',
      url: defaultPostgresUrl,
    }
  }

  if (mode === 'auto' && embeddedState === 'both') {
    throw new DatabaseSelectionError(
      '.data/ holds both an embedded MongoDB (.data/mongodb) and an embedded SQLite database ' +
        '(.data/newsroom.sqlite); move one of them away to choose',
    )
  }
  if (mode === 'auto' && embeddedState === 'sqlite') {
    return { kind: 'sqlite', reason: 'kept: .data/ already holds the embedded SQLite database' }
  }

  const mongod = await findMongod()
  if (mongod.found) {
    const reason =
      mode === 'mongodb'
        ? 'PAYLOAD_DATABASE=mongodb'
        : embeddedState === 'mongodb'
          ? 'kept: .data/ already holds the embedded MongoDB'
          : 'a mongod is available'
    return { kind: 'mongodb', mongodBinary: mongod.path, reason }
  }
  if (mode === 'mongodb') {
    throw new DatabaseSelectionError(`PAYLOAD_DATABASE=mongodb but no mongod: ${mongod.reason}`)
  }
  if (embeddedState === 'mongodb') {
    throw new DatabaseSelectionError(
      `.data/mongodb holds the embedded MongoDB but no mongod can be had (${mongod.reason}); ` +
        'set MONGOMS_SYSTEM_BINARY, or move .data/mongodb away to start afresh on SQLite',
    )
  }
  return { kind: 'sqlite', reason: `mongod unavailable: ${mongod.reason}` }
}

/** The one startup line: which database, where, and why. */
export const describeDatabase = (kind: DatabaseKind, location: string, reason: string): string =>
  `database: ${kind} (${location}); ${reason}`

export const sqliteUrlForFile = (file: string): string => pathToFileURL(path.resolve(file)).href
