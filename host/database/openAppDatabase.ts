import fs from 'node:fs'
import path from 'node:path'

import { findMongod, startEmbeddedMongo } from './embeddedMongo'
import {
  type DatabaseKind,
  decideDatabase,
  describeDatabase,
  embeddedPaths,
  parseDatabaseMode,
  readEmbeddedState,
  redactUri,
  sqliteUrlForFile,
} from './selectDatabase'

export type OpenDatabase = {
  /** The startup line: which database, where, and why. */
  description: string
  kind: DatabaseKind
  stop: () => Promise<void>
  url: string
}

/** Port of the embedded MongoDB; fixed because the replica set's stored config names it. */
const embeddedMongoPort = (env: NodeJS.ProcessEnv): number =>
  Number(env.NEWSROOM_MONGO_PORT) || 27117

/**
 * Resolves the app's database and starts the embedded MongoDB when that is the choice.
 * Used by `npm run dev`, `npm start`, the seed and the Payload CLI wrapper alike.
 */
export const openAppDatabase = async (
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenDatabase> => {
  const dataDir = path.join(projectRoot, '.data')
  const decision = await decideDatabase({
    embeddedState: readEmbeddedState(dataDir),
    findMongod: () => findMongod(projectRoot),
    mode: parseDatabaseMode(env.PAYLOAD_DATABASE),
    uri: env.DATABASE_URI?.trim() || undefined,
  })
  const relative = (file: string) => path.relative(projectRoot, file)

  if (decision.url) {
    return {
      description: describeDatabase(decision.kind, redactUri(decision.url), decision.reason),
      kind: decision.kind,
      stop: async () => {},
      url: decision.url,
    }
  }

  const paths = embeddedPaths(dataDir)
  if (decision.kind === 'mongodb') {
    fs.mkdirSync(paths.mongodb, { recursive: true })
    const mongo = await startEmbeddedMongo({
      binaryPath: decision.mongodBinary!,
      dbPath: paths.mongodb,
      dbName: 'newsroom',
      port: embeddedMongoPort(env),
    })
    return {
      description: describeDatabase(
        'mongodb',
        `embedded, ${relative(paths.mongodb)}`,
        decision.reason,
      ),
      kind: 'mongodb',
      stop: mongo.stop,
      url: mongo.uri,
    }
  }

  fs.mkdirSync(dataDir, { recursive: true })
  return {
    description: describeDatabase('sqlite', relative(paths.sqlite), decision.reason),
    kind: 'sqlite',
    stop: async () => {},
    url: sqliteUrlForFile(paths.sqlite),
  }
}
