/**
 * Feed query at several sizes: 20 published articles of one language and section, newest first, as
 * an anonymous reader through the Local API. Never part of `npm test`.
 *
 *   npm run bench:feed -- --sizes 1000,10000
 */
import os from 'node:os'
import { buildConfig, getPayload } from 'payload'

import { createDatabaseAdapter } from '../src/database/adapter'
import { createAppConfig } from '../src/host/appConfig'
import { ensureReferenceData } from '../seed/referenceData'
import { generateSyntheticArticles } from '../seed/synthetic'
import { prepareTestDatabase, projectRoot, removeTestScratch, scratchDatabase } from '../test/testDatabase'
import { formatMs, measure } from './stats'

const sizesArgument = process.argv.find((arg, index, all) => all[index - 1] === '--sizes') ?? '1000,10000'
const sizes = sizesArgument.split(',').map(Number)

const { stop, testDatabase } = await prepareTestDatabase()
console.log(testDatabase.description.replace('per test file', 'per size'))
console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`)

// One database that grows from size to size: Payload pushes the SQLite schema once per process.
const database = scratchDatabase(testDatabase, `bench_feed_${process.pid}`)
const config = buildConfig(
  createAppConfig({ db: createDatabaseAdapter(testDatabase.kind, database.url, { sqliteTransactions: true }), projectRoot }),
)
const payload = await getPayload({ config })
const references = await ensureReferenceData(payload)
const section = references.sections.get('monde')!

const feed = () =>
  payload.find({
    collection: 'articles',
    depth: 0,
    limit: 20,
    overrideAccess: false,
    select: { publishedAt: true, slug: true, standfirst: true, title: true },
    sort: '-publishedAt',
    where: { and: [{ language: { equals: 'fr' } }, { section: { equals: section } }] },
  })

const rows: string[] = []
let loaded = 0
for (const size of sizes) {
  const loadStarted = performance.now()
  await generateSyntheticArticles(payload, {
    count: size - loaded,
    firstIndex: loaded,
    randomSeed: 42,
    references: {
      disclaimerIDs: [...references.disclaimers.values()],
      sectionIDs: [...references.sections.values()],
      sourceIDs: [...references.sources.values()],
    },
  })
  const loadRate = (size - loaded) / ((performance.now() - loadStarted) / 1000)
  loaded = size

  const result = await feed()
  const timing = await measure(feed)
  rows.push(
    `| ${size} | ${result.totalDocs} | ${formatMs(timing.median)} | ${formatMs(timing.p95)} | ${loadRate.toFixed(0)} articles/s |`,
  )
}
await payload.destroy()
database.remove()
await stop()
removeTestScratch(testDatabase)

console.log('\n| articles | matching feed | median | p95 | load rate |\n| --- | --- | --- | --- | --- |')
console.log(rows.join('\n'))
process.exit(0)
