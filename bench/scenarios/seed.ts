import { spawn } from 'node:child_process'

import type { ensureReferenceData } from '../../seed/referenceData'

import { projectRoot } from '../../test/testDatabase'

export type NewsroomReferences = Awaited<ReturnType<typeof ensureReferenceData>>

export type SeedIncrement = {
  articles: number
  from: number
  /** Articles per second over the whole increment, transactions, hooks and process starts included. */
  rate: number
  seconds: number
  to: number
}

/** The fixed seed of every run: the same seed gives the same newsroom, so runs compare. */
export const benchRandomSeed = 42

/**
 * Articles per loading process. Loading leaves the bench's process because @libsql/client keeps the
 * native memory of every file transaction until the process ends
 * (tursodatabase/libsql-client-ts#350, about 0.4 MB per article here): 100,000 articles in one
 * process outgrew 24 GB.
 */
const articlesPerProcess = 10_000

/** `npm run seed -- --synthetic` itself, on the bench's database, for articles `from` → `to`. */
const loadChunk = (database: { url: string }, from: number, to: number) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...['--no-deprecation', '--conditions=development', '--import', 'tsx', 'seed/index.ts'],
        ...[
          '--synthetic',
          String(to - from),
          '--first-index',
          String(from),
          '--random-seed',
          String(benchRandomSeed),
        ],
      ],
      // The seed's progress goes to stderr, like the bench's own; stdout keeps to the adapter line and the table.
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URI: database.url, NEWSROOM_DATABASE_ANNOUNCED: '1' },
        stdio: ['ignore', process.stderr, 'inherit'],
      },
    )
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`loading ${from} → ${to} exited with ${code}`)),
    )
  })

/**
 * Grows the database from `from` to `to` articles with the synthetic generator (the code behind
 * `npm run seed -- --synthetic`, every hook on), in processes of 10,000 articles at most, timing
 * the whole increment.
 */
export const loadArticles = async (
  database: { url: string },
  { from, to }: { from: number; to: number },
): Promise<SeedIncrement> => {
  const started = performance.now()
  for (let chunk = from; chunk < to; chunk += articlesPerProcess) {
    await loadChunk(database, chunk, Math.min(to, chunk + articlesPerProcess))
  }
  const seconds = (performance.now() - started) / 1000
  return { articles: to - from, from, rate: (to - from) / seconds, seconds, to }
}
