/**
 * Publish cost of the guarantee: the same syndicated drafts published through an instance with the
 * plugin active and one with `disabled: true`, on one database, alternating, with the queries each
 * publish sends counted through the adapter's query log. Never part of `npm test`.
 *
 *   npm run bench:publish -- --articles 200
 */
import os from 'node:os'
import { buildConfig, getPayload, type Payload } from 'payload'

import { createDatabaseAdapter } from '../src/database/adapter'
import { createAppConfig } from '../src/host/appConfig'
import { ensureReferenceData } from '../seed/referenceData'
import { prepareTestDatabase, projectRoot, removeTestScratch, scratchDatabase } from '../test/testDatabase'
import { formatMs } from './stats'

const count = Number(process.argv.find((arg, index, all) => all[index - 1] === '--articles') ?? 200)

const { stop, testDatabase } = await prepareTestDatabase()
console.log(testDatabase.description.replace('per test file', 'for the run'))
console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`)

const database = scratchDatabase(testDatabase, `bench_publish_${process.pid}`)
let queries = 0
// BENCH_SHOW_QUERIES=1 prints the statements of the first measured publish of each side.
let showQueries = false
const instance = (key: string, disabled: boolean) =>
  getPayload({
    config: buildConfig(
      createAppConfig({
        db: createDatabaseAdapter(testDatabase.kind, database.url, {
          onQuery: (query) => {
            queries++
            if (showQueries) {
              console.log(`  query: ${query.slice(0, 160)}`)
            }
          },
        }),
        newsroom: { disabled },
        projectRoot,
      }),
    ),
    key,
  })
const enabled = await instance('enabled', false)
const disabled = await instance('disabled', true)

const references = await ensureReferenceData(enabled)
const drafts: (number | string)[] = []
for (let index = 0; index < count * 2; index++) {
  const draft = await enabled.create({
    collection: 'articles',
    data: {
      attribution: {
        originalUrl: `https://horizon-presse.example/depeches/${index}`,
        source: references.sources.get('agence-horizon')!,
        sourceItemId: `bench-${process.pid}-${index}`,
      },
      disclaimers: [references.disclaimers.get('third-party-content')!],
      language: 'fr',
      origin: 'syndicated',
      section: references.sections.get('monde')!,
      title: `Dépêche de test numéro ${index}`,
    } as never,
    draft: true,
  })
  drafts.push(draft.id)
}

const publishOne = async (payload: Payload, id: number | string) => {
  const before = queries
  const started = performance.now()
  await payload.update({ id, collection: 'articles', data: { _status: 'published' } as never })
  return { ms: performance.now() - started, queries: queries - before }
}

// Warm both instances, then alternate so drift on the machine hits both sides alike.
for (const payload of [enabled, disabled]) {
  for (let index = 0; index < 5; index++) {
    await publishOne(payload, drafts.pop()!)
  }
}
const samples = { disabled: [] as { ms: number; queries: number }[], enabled: [] as { ms: number; queries: number }[] }
for (let index = 0; drafts.length >= 2 && index < count; index++) {
  showQueries = index === 0 && process.env.BENCH_SHOW_QUERIES === '1'
  if (showQueries) console.log('plugin active:')
  samples.enabled.push(await publishOne(enabled, drafts.pop()!))
  if (showQueries) console.log('plugin disabled:')
  samples.disabled.push(await publishOne(disabled, drafts.pop()!))
  showQueries = false
}

const summary = (list: { ms: number; queries: number }[]) => {
  const ms = list.map((sample) => sample.ms).sort((a, b) => a - b)
  const perPublish = list.map((sample) => sample.queries).sort((a, b) => a - b)
  return {
    median: ms[Math.floor(ms.length / 2)]!,
    p95: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]!,
    queries: perPublish[Math.floor(perPublish.length / 2)]!,
  }
}
const on = summary(samples.enabled)
const off = summary(samples.disabled)
console.log(`\npublishes per side: ${samples.enabled.length}`)
console.log('| plugin | median | p95 | queries per publish (median) |\n| --- | --- | --- | --- |')
console.log(`| active | ${formatMs(on.median)} | ${formatMs(on.p95)} | ${on.queries} |`)
console.log(`| disabled | ${formatMs(off.median)} | ${formatMs(off.p95)} | ${off.queries} |`)
console.log(`ratio of medians: ${(on.median / off.median).toFixed(2)}×; extra queries per publish: ${on.queries - off.queries}`)

await enabled.destroy()
await disabled.destroy()
database.remove()
await stop()
removeTestScratch(testDatabase)
process.exit(0)
