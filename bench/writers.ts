/**
 * Publishes per second with 1, 4 and 16 concurrent writers: syndicated drafts (one source, one
 * section, one disclaimer, so every publisher reads the same entities) published through the Local
 * API by writers alternating between two Payload instances on one database, as two app instances
 * would. What the plugin's write locks cost when writers do not touch the same article. Never part of
 * `npm test`; meant for PostgreSQL (on SQLite, transactions take turns in the process anyway).
 *
 *   PAYLOAD_DATABASE=postgres npm run bench:writers -- [--publishes 160] [--writers 1,4,16]
 */
import type { Payload } from 'payload'

import { ensureReferenceData } from '../seed/referenceData'
import { benchCommandLine } from './cli'
import { describeMachine, openBenchDatabase, readMachine } from './environment'
import { createSyndicatedDrafts } from './scenarios/publish'
import { summarize } from './stats'

type ID = number | string

const { commandLine, positiveInteger, text } = benchCommandLine({
  description: 'Publishes per second with concurrent writers on two instances of one database.',
  options: { publishes: { type: 'string' }, writers: { type: 'string' } },
  usage: '  npm run bench:writers [-- --publishes 160] [--writers 1,4,16]',
})

const publishes = positiveInteger('publishes', 160)
const writerCounts = (text('writers') ?? '1,4,16').split(',').map(Number)
if (writerCounts.some((count) => !Number.isInteger(count) || count < 1)) {
  console.error(`--writers takes positive integers separated by commas, not "${text('writers')}"`)
  process.exit(2)
}

type Round = {
  failures: Record<string, number>
  latencies: number[]
  ms: number
  publishes: number
  statements: number
  writers: number
}

/** `writers` loops publishing drafts from one queue until it is empty, each on its own instance in turn. */
const publishConcurrently = async (instances: Payload[], drafts: ID[], writers: number) => {
  const queue = [...drafts]
  const latencies: number[] = []
  const failures: Record<string, number> = {}
  const writer = async (index: number) => {
    const payload = instances[index % instances.length]!
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      const started = performance.now()
      try {
        await payload.update({
          id,
          collection: 'articles',
          data: { _status: 'published' } as never,
          depth: 0,
        })
        latencies.push(performance.now() - started)
      } catch (error) {
        const status = String((error as { status?: number }).status ?? 'error')
        failures[status] = (failures[status] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)))
  return { failures, latencies }
}

const bench = await openBenchDatabase('writers')
const machine = readMachine()
const rounds: Round[] = []
try {
  const first = await bench.start()
  const second = await bench.start({ key: 'second instance' })
  const references = await ensureReferenceData(first.payload)
  // Warm both instances (JIT, statement caches) before the first timed round.
  const warm = await createSyndicatedDrafts(first.payload, references, 10, 'writers-warmup')
  await publishConcurrently([first.payload, second.payload], warm, 2)
  for (const writers of writerCounts) {
    const drafts = await createSyndicatedDrafts(
      first.payload,
      references,
      publishes,
      `writers-${writers}`,
    )
    const before = bench.queryLog.count()
    const started = performance.now()
    const { failures, latencies } = await publishConcurrently(
      [first.payload, second.payload],
      drafts,
      writers,
    )
    const ms = performance.now() - started
    const { totalDocs } = await first.payload.count({
      collection: 'articles',
      where: { and: [{ id: { in: drafts } }, { _status: { equals: 'published' } }] },
    })
    if (totalDocs !== latencies.length)
      throw new Error(
        `${writers} writers: ${latencies.length} publishes answered, ${totalDocs} stored published`,
      )
    rounds.push({
      failures,
      latencies,
      ms,
      publishes: latencies.length,
      statements: bench.queryLog.count() - before,
      writers,
    })
  }
} finally {
  await bench.close()
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))
console.log(`\n${commandLine('bench:writers')}`)
console.log(`${describeMachine(machine)}; ${bench.description}\n`)
console.log(
  '| Writers | Publishes | Publishes/s | Median ms | p95 ms | Statements per publish | Refused |',
)
console.log('|---:|---:|---:|---:|---:|---:|---|')
for (const round of rounds) {
  const { median, p95 } = summarize(round.latencies)
  const refused =
    Object.entries(round.failures)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ') || 'none'
  console.log(
    `| ${round.writers} | ${round.publishes} | ${format((round.publishes / round.ms) * 1000)} | ${format(median)} | ${format(p95)} | ${format(round.statements / Math.max(1, round.publishes))} | ${refused} |`,
  )
}
process.exit(0)
