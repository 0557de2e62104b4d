/**
 * Ingest throughput alone: ninjs items through `POST /api/articles/ingest`, the same items again,
 * and the same articles through plain Local API creates, on a database holding only the reference
 * data. The same scenario as `npm run bench`. Never part of `npm test`.
 *
 *   npm run bench:ingest -- --items 1000 [--batch 100] [--show-queries]
 */
import { benchCommandLine } from './cli'
import { buildRows, markdownTable, printQueries } from './report'
import { runSuite } from './suite'

const { flag, positiveInteger } = benchCommandLine({
  description:
    'Ingest throughput alone: ninjs items through the API against plain Local API creates, on one database.',
  options: { batch: { type: 'string' }, items: { type: 'string' } },
  usage: '  npm run bench:ingest [-- --items 1000] [--batch 100] [--show-queries]',
})
const results = await runSuite({
  ingestBatch: positiveInteger('batch', 100),
  ingestItems: positiveInteger('items', 1000),
  publishArticles: 0,
  repetitions: 0,
  scenarios: new Set(['ingest']),
  sizes: [],
  warmup: 0,
})
console.log(`\n${markdownTable(buildRows(results))}`)
if (flag('show-queries')) printQueries(results)
process.exit(0)
