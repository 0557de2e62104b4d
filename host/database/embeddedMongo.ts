import path from 'node:path'

import type { MongodLookup } from './selectDatabase'

/** One line a person can read: the error's message with its details, whitespace folded. */
const summarize = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 240)

/**
 * Finds a `mongod` the way mongodb-memory-server does (MONGOMS_SYSTEM_BINARY, its cache, a download),
 * with the binaries kept inside the project rather than in the home folder.
 */
export const findMongod = async (projectRoot: string): Promise<MongodLookup> => {
  process.env.MONGOMS_DOWNLOAD_DIR ??= path.join(projectRoot, '.cache', 'mongodb-binaries')
  try {
    const { MongoBinary } = await import('mongodb-memory-server')
    return { found: true, path: await MongoBinary.getPath() }
  } catch (error) {
    return { found: false, reason: summarize(error) }
  }
}

export type EmbeddedMongo = {
  stop: () => Promise<void>
  uri: string
}

type StartArgs = {
  binaryPath: string
  /** Folder for persistent data; without it the data lives in a temporary folder removed on stop. */
  dbPath?: string
  dbName: string
  /** A fixed port for persistent data: the replica set's config records the member's address. */
  port?: number
}

/** A single-member replica set, so that Payload's transactions work as in production. */
export const startEmbeddedMongo = async ({
  binaryPath,
  dbName,
  dbPath,
  port,
}: StartArgs): Promise<EmbeddedMongo> => {
  const { MongoMemoryReplSet } = await import('mongodb-memory-server')
  const replSet = await MongoMemoryReplSet.create({
    binary: { systemBinary: binaryPath },
    instanceOpts: [{ dbPath, port, storageEngine: 'wiredTiger' }],
    replSet: { count: 1, name: 'newsroom', storageEngine: 'wiredTiger' },
  })
  const persistent = Boolean(dbPath)
  return {
    stop: async () => {
      await replSet.stop({ doCleanup: !persistent, force: !persistent })
    },
    uri: replSet.getUri(dbName),
  }
}
