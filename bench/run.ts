/**
 * `npm run bench`: the benchmark suite on a fresh embedded database, or on PostgreSQL with
 * `PAYLOAD_DATABASE=postgres` (a scratch database on the server; the adapter is said first).
 * Loads synthetic articles up to each size and prints one markdown table: seed throughput, the
 * section feed on every surface against the raw-driver floor (at each size), the render-ready
 * article read and the publish cost of the guarantee (once, at the largest size), each with its
 * goal. Writes the results as JSON to docs/benchmarks/ and the table into docs/BENCHMARKS.md.
 * Never part of `npm test`.
 *
 *   npm run bench                                       sizes 1000,10000
 *   npm run bench -- --sizes 1000,10000,100000          the big one (about half an hour of loading)
 *   npm run bench -- --sizes 200,500 --publish-articles 30 --no-write    a quick look, nothing written
 *
 * Options: --sizes a,b,c  --publish-articles N (default 200)  --ingest-items N (default 1000)  --ingest-batch N (default 100)
 * --summary-articles N (default 100)  --repetitions N (default 100)
 * --warmup N (default 10)  --show-queries (print the statements of one request per case)  --no-write
 */
import path from 'node:path'

import { projectRoot } from '../test/testDatabase'
import { benchCommandLine } from './cli'
import {
  buildRows,
  docSection,
  markdownTable,
  printQueries,
  resultsFile,
  updateBenchmarksDoc,
  writeResults,
} from './report'
import { runSuite } from './suite'

const { commandLine, flag, positiveInteger, sizesOption, timingOptions } = benchCommandLine({
  description:
    'The benchmark suite on a fresh database: seed, feed, article view, ingest, summaries and publish cost; writes docs/BENCHMARKS.md.',
  options: {
    'ingest-batch': { type: 'string' },
    'ingest-items': { type: 'string' },
    'no-write': { type: 'boolean' },
    'publish-articles': { type: 'string' },
    sizes: { type: 'string' },
    'summary-articles': { type: 'string' },
  },
  usage: [
    '  npm run bench [-- --sizes 1000,10000] [--publish-articles 200] [--ingest-items 1000] [--ingest-batch 100]',
    '                [--summary-articles 100] [--repetitions 100] [--warmup 10] [--show-queries] [--no-write]',
  ].join('\n'),
})
const command = commandLine('bench')
const results = await runSuite({
  ...timingOptions(),
  ingestBatch: positiveInteger('ingest-batch', 100),
  ingestItems: positiveInteger('ingest-items', 1000),
  summaryArticles: positiveInteger('summary-articles', 100),
  publishArticles: positiveInteger('publish-articles', 200),
  scenarios: new Set(['feed', 'ingest', 'publish', 'summaries', 'view']),
  sizes: sizesOption(),
})
const rows = buildRows(results)

console.log(`\n${markdownTable(rows)}`)
if (flag('show-queries')) {
  printQueries(results)
}
if (!flag('no-write')) {
  const file = resultsFile(results.options.sizes, results.database.kind)
  writeResults(file, results, rows, command)
  const doc = updateBenchmarksDoc(
    results.options.sizes,
    results.database.kind,
    docSection(results, rows, command, file),
  )
  console.log(
    `\nresults: ${path.relative(projectRoot, file)}; table updated in ${path.relative(projectRoot, doc)}`,
  )
}
console.log(`took ${(results.durationSeconds / 60).toFixed(1)} min`)
process.exit(0)
