/**
 * `npm run bench:ceiling`: what Payload's own database adapter costs on a collection as plain as a
 * feed can be (eight scalar fields, no hooks, no access rules, no plugin), against the driver's raw
 * statements on the same table. No read through `payload.db` can be cheaper than this, so it bounds
 * what any feed built on `payload.db` can reach against the raw floor.
 */
import { buildConfig, getPayload, type Payload, type Where } from 'payload'

import { createDatabaseAdapter } from '../host/database/adapter'
import { closePostgresPool } from '../test/helpers/newsroom'
import { prepareTestDatabase, removeTestScratch, scratchDatabase } from '../test/testDatabase'
import { benchCommandLine } from './cli'
import { feedPageSize } from './scenarios/feedFloor'
import { formatMs, formatRatio, measureInterleaved } from './stats'

const commandLine = benchCommandLine({
  description:
    "Payload's adapter on a minimal collection against the raw driver on the same table.",
  options: { rows: { type: 'string' } },
  usage: 'npm run bench:ceiling -- [--rows 1000] [--repetitions 100] [--warmup 10]',
})
const rows = commandLine.positiveInteger('rows', 1000)
const timing = commandLine.timingOptions()

const { stop, testDatabase } = await prepareTestDatabase()
if (testDatabase.kind === 'mongodb') {
  console.error('bench:ceiling measures the SQL adapters (SQLite, PostgreSQL) only.')
  process.exit(2)
}
const database = scratchDatabase(testDatabase, `ceiling_${process.pid}`)
const payload: Payload = await getPayload({
  config: buildConfig({
    collections: [
      {
        fields: [
          { name: 'language', type: 'text' },
          { name: 'section', type: 'text' },
          { name: 'pinned', type: 'checkbox' },
          { name: 'publishedAt', type: 'date' },
          { name: 'title', type: 'text' },
          { name: 'slug', type: 'text' },
          { name: 'standfirst', type: 'text' },
          { name: 'card', type: 'json' },
        ],
        indexes: [{ fields: ['language', 'section', 'pinned', 'publishedAt'] }],
        slug: 'entries',
      },
    ],
    db: createDatabaseAdapter(testDatabase.kind, database.url, { push: true }),
    secret: 'bench-ceiling-secret-not-for-production',
    telemetry: false,
  }),
  key: 'ceiling',
})

try {
  for (let index = 0; index < rows; index++) {
    await payload.db.create({
      collection: 'entries',
      data: {
        card: { byline: 'Robot', section: { name: 'Marchés', slug: 'marches' } },
        language: index % 2 ? 'fr' : 'en',
        pinned: index % 97 === 0,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
        section: String(index % 3),
        slug: `entry-${index}`,
        standfirst: 'A standfirst of a plausible length, a sentence or two. '.repeat(2),
        title: `Entry ${index}`,
      },
    })
  }
  const where: Where = { and: [{ language: { equals: 'fr' } }, { section: { equals: '1' } }] }
  const find = (pagination: boolean) => () =>
    payload.db.find({
      collection: 'entries',
      limit: feedPageSize,
      pagination,
      sort: ['-pinned', '-publishedAt'],
      where,
    })
  const [one, two] = testDatabase.kind === 'postgres' ? ['$1', '$2'] : ['?', '?']
  const filter = `from "entries" where "language" = ${one} and "section" = ${two}`
  const pageSql = `select * ${filter} order by "pinned" desc, "published_at" desc, "created_at" desc limit ${feedPageSize}`
  const execute =
    testDatabase.kind === 'postgres'
      ? (sql: string) =>
          (
            payload.db as unknown as {
              pool: { query: (s: string, v: unknown[]) => Promise<unknown> }
            }
          ).pool.query(sql, ['fr', '1'])
      : (sql: string) =>
          (
            payload.db as unknown as {
              client: { execute: (s: { args: unknown[]; sql: string }) => Promise<unknown> }
            }
          ).client.execute({ args: ['fr', '1'], sql })
  const results = await measureInterleaved(
    {
      'payload.db.find, page and count': find(true),
      'payload.db.find, page only': find(false),
      'raw driver, page and count': async () => {
        await execute(`select count(*) as "total" ${filter}`)
        await execute(pageSql)
      },
      'raw driver, page only': () => execute(pageSql),
    },
    timing,
  )
  const floor = results['raw driver, page and count'].median
  console.log(
    `\n${testDatabase.kind}, ${rows} rows, ${feedPageSize} per page (median of ${timing.repetitions})\n`,
  )
  console.log('| case | median | to raw page and count |\n| --- | --- | --- |')
  for (const [name, result] of Object.entries(results)) {
    console.log(`| ${name} | ${formatMs(result.median)} | ${formatRatio(result.median / floor)} |`)
  }
  console.log(`\n${commandLine.commandLine('bench:ceiling')}`)
} finally {
  await payload.destroy()
  if (testDatabase.kind === 'postgres') await closePostgresPool(payload)
  await database.remove()
  await stop()
  removeTestScratch(testDatabase)
}
