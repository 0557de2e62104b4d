/**
 * The section feed alone, at several sizes: 20 published articles of one language and section,
 * pinned first then newest, light projection, as an anonymous reader through the Local API, REST
 * and GraphQL, against the raw-driver floor; with the seed throughput of each increment. The same
 * scenarios as `npm run bench`, which also writes the results. Never part of `npm test`.
 *
 *   npm run bench:feed -- --sizes 1000,10000 [--show-queries]
 */
import { benchCommandLine } from './cli'
import { buildRows, markdownTable, printQueries } from './report'
import { runSuite } from './suite'

const { flag, sizesOption, timingOptions } = benchCommandLine({
  description:
    'The section feed alone at several sizes, on every surface, against the raw-driver floor.',
  options: { sizes: { type: 'string' } },
  usage:
    '  npm run bench:feed [-- --sizes 1000,10000] [--repetitions 100] [--warmup 10] [--show-queries]',
})
const results = await runSuite({
  ...timingOptions(),
  publishArticles: 0,
  scenarios: new Set(['feed']),
  sizes: sizesOption(),
})
console.log(`\n${markdownTable(buildRows(results))}`)
if (flag('show-queries')) printQueries(results)
process.exit(0)
