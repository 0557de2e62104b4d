/**
 * Loads synthetic articles `--from` → `--to` into the bench's database, in a process of its own:
 * run by the seed scenario, chunk after chunk. @libsql/client keeps the native memory of every file
 * transaction (tursodatabase/libsql-client-ts#350, about 0.4 MB per article loaded here), which only
 * the end of the process gives back; loading 100,000 articles in one process outgrew 24 GB.
 *
 *   node --import tsx bench/loadChunk.ts --kind sqlite --url file:… --from 0 --to 10000
 */
import { buildConfig, getPayload } from 'payload'

import type { DatabaseKind } from '../src/database/selectDatabase'

import { ensureReferenceData } from '../seed/referenceData'
import { generateSyntheticArticles } from '../seed/synthetic'
import { createDatabaseAdapter } from '../src/database/adapter'
import { createAppConfig } from '../src/host/appConfig'
import { projectRoot } from '../test/testDatabase'
import { option, positiveInteger } from './cli'
import { progressReporter } from '../seed/progress'
import { benchRandomSeed } from './scenarios/seed'

const kind = option('kind') as DatabaseKind
const url = option('url')!
const from = Number(option('from'))
const to = positiveInteger('to', 1)

const payload = await getPayload({
  config: buildConfig(createAppConfig({ db: createDatabaseAdapter(kind, url, { sqliteTransactions: true }), projectRoot })),
})
const references = await ensureReferenceData(payload)
const progress = progressReporter(`loading ${from} → ${to}`, process.stderr)
await generateSyntheticArticles(payload, {
  count: to - from,
  firstIndex: from,
  onProgress: (done, total) => progress.update(done, total),
  randomSeed: benchRandomSeed,
  references: {
    disclaimerIDs: [...references.disclaimers.values()],
    sectionIDs: [...references.sections.values()],
    sourceIDs: [...references.sources.values()],
  },
})
progress.finish(to - from)
await payload.destroy()
process.exit(0)
