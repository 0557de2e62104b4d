/**
 * Publish cost of the guarantee alone: the same kind of syndicated drafts published through an
 * instance with the plugin active and one with `disabled: true`, on one database, alternating, with
 * the queries of each publish counted through the adapter's query log. The same scenario as
 * `npm run bench`, here on a database holding only the reference data. Never part of `npm test`.
 *
 *   npm run bench:publish -- --articles 200 [--show-queries]
 */
import { benchCommandLine } from './cli'
import { buildRows, markdownTable, printQueries } from './report'
import { runSuite } from './suite'

const { flag, positiveInteger } = benchCommandLine({
  description:
    'The publish cost of the guarantee alone: the plugin active against disabled, on one database.',
  options: { articles: { type: 'string' } },
  usage: '  npm run bench:publish [-- --articles 200] [--show-queries]',
})
const results = await runSuite({
  publishArticles: positiveInteger('articles', 200),
  repetitions: 0,
  scenarios: new Set(['publish']),
  sizes: [],
  warmup: 0,
})
console.log(`\n${markdownTable(buildRows(results))}`)
if (flag('show-queries') || process.env.BENCH_SHOW_QUERIES === '1') printQueries(results)
process.exit(0)
