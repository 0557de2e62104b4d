/**
 * `npm run bench:http`: requests per second over HTTP on the production build of the demo (run
 * `npm run build` first), the plugin's read endpoints beside Payload's own REST handler, measured in
 * one run: a scratch database with the demo newsroom and `--articles` synthetic ones, `next start`
 * on 127.0.0.1 with the rate limit off, and autocannon (`--connections` at once, `--seconds` per
 * case, `--rounds` rounds, cases interleaved so the machine's load hits them alike; the median round
 * counts). Writes its table into docs/BENCHMARKS.md unless `--no-write`. Never part of `npm test`.
 *
 *   npm run bench:http [-- --articles 1000] [--connections 20] [--seconds 10] [--rounds 3] [--no-write]
 */
import autocannon from 'autocannon'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { startBuiltApp } from '../test/helpers/server'
import { fullViewSelection } from '../test/helpers/readSelections'
import {
  prepareTestDatabase,
  projectRoot,
  removeTestScratch,
  scratchDatabase,
} from '../test/testDatabase'
import { benchCommandLine } from './cli'
import { describeMachine, readMachine } from './environment'
import { summarize } from './stats'
import { updateBenchmarksDoc } from './report'

const { commandLine, flag, positiveInteger } = benchCommandLine({
  description:
    'Requests per second over HTTP on the production build: the plugin’s reads beside Payload’s own REST handler.',
  options: {
    articles: { type: 'string' },
    connections: { type: 'string' },
    'no-write': { type: 'boolean' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
  },
  usage:
    '  npm run bench:http [-- --articles 1000] [--connections 20] [--seconds 10] [--rounds 3] [--no-write]',
})
const articles = positiveInteger('articles', 1000)
const connections = positiveInteger('connections', 20)
const seconds = positiveInteger('seconds', 10)
const rounds = positiveInteger('rounds', 3)

if (!fs.existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.')
  process.exit(2)
}

const started = Date.now()
const machine = readMachine()
const { stop, testDatabase } = await prepareTestDatabase()
console.log(testDatabase.description.replace('per test file', 'for this run'))
const database = scratchDatabase(testDatabase, `bench_http_${process.pid}`)
const scratch = path.join(projectRoot, '.tmp', `bench-http-${process.pid}`)
const port = 3200
const base = `http://127.0.0.1:${port}`
const env = {
  ...process.env,
  DATABASE_URI: database.url,
  NEWSROOM_DATABASE_ANNOUNCED: '1',
  NEWSROOM_MEDIA_DIR: path.join(scratch, 'media'),
  NEWSROOM_RATE_LIMIT: 'off',
  NEWSROOM_SITE_URL: base,
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: 'bench-http-secret',
}

/** The seed in development mode (Payload pushes the schema), then the synthetic articles. */
const seed = (...args: string[]) => {
  const run = spawnSync(
    process.execPath,
    ['--no-deprecation', '--conditions=development', '--import', 'tsx', 'seed/index.ts', ...args],
    { cwd: projectRoot, encoding: 'utf8', env: { ...env, NODE_ENV: 'development' } },
  )
  if (run.status !== 0) throw new Error(`seed ${args.join(' ')} failed: ${run.stderr}`)
}
seed()
seed('--synthetic', String(articles))
const server = await startBuiltApp(port, env)

type Case = {
  /** The status every answer must have: a faster wrong answer does not count. */
  expect: number
  headers?: Record<string, string>
  body?: string
  method?: 'GET' | 'POST'
  name: string
  path: string
}

const feedPath = '/api/articles/feed/fr?section=monde&limit=20'
const viewSlug = 'la-bce-maintient-ses-taux'
const first = await fetch(`${base}${feedPath}`)
const etag = first.headers.get('etag')
if (first.status !== 200 || !etag) throw new Error(`the feed answered ${first.status}, tag ${etag}`)
const monde = (await (await fetch(`${base}/api/sections?where[slug][equals]=monde&limit=1`)).json())
  .docs[0].id

// What a feed card reads of an article (the plugin's `feedCardSelect`), as REST's `select`.
const cardFields = [
  'aiDisclosure][level',
  'attribution][source',
  'byline',
  'featuredImage',
  'language',
  'origin',
  'pinned',
  'pinnedUntil',
  'publishedAt',
  'section',
  'slug',
  'standfirst',
  'summary][status',
  'title',
]
  .map((field) => `select[${field}]=true`)
  .join('&')

const cases: Case[] = [
  // Payload's own handler, reading one small document: the throughput a route of ours can aim at.
  {
    expect: 200,
    name: 'Payload REST, bare: GET /api/sections?limit=1',
    path: '/api/sections?limit=1&depth=0',
  },
  {
    expect: 200,
    name: 'Payload REST: the same 20 articles, the feed’s fields (GET /api/articles?where…&select…)',
    path: `/api/articles?where[language][equals]=fr&where[section][equals]=${monde}&where[_status][equals]=published&sort=-pinned,-publishedAt&limit=20&depth=0&${cardFields}`,
  },
  { expect: 200, name: 'feed endpoint, uncached (cards with names)', path: feedPath },
  {
    expect: 304,
    headers: { 'if-none-match': etag },
    name: 'feed endpoint, revalidated (If-None-Match: 304)',
    path: feedPath,
  },
  { expect: 200, name: 'view endpoint (REST)', path: `/api/articles/view/fr/${viewSlug}` },
  {
    body: JSON.stringify({
      query: `query { ArticleView(language: "fr", slug: "${viewSlug}") { ${fullViewSelection} } }`,
    }),
    expect: 200,
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    name: 'view over GraphQL (ArticleView, every field)',
    path: '/api/graphql',
  },
  // Payload's own GraphQL handler reading what the bare REST case reads: its fixed cost over REST,
  // which bounds how close any GraphQL read of ours can come to its REST twin.
  {
    body: JSON.stringify({ query: 'query { Sections(limit: 1) { docs { id } } }' }),
    expect: 200,
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    name: 'Payload GraphQL, bare: Sections(limit: 1) { docs { id } }',
    path: '/api/graphql',
  },
]

type Measured = { latencyMs: number; requestsPerSecond: number }
const measured = new Map<string, Measured[]>(cases.map((entry) => [entry.name, []]))

const run = (entry: Case, duration: number) =>
  autocannon({
    body: entry.body,
    connections,
    duration,
    headers: entry.headers,
    method: entry.method ?? 'GET',
    url: `${base}${entry.path}`,
  })

const load = async (entry: Case): Promise<Measured> => {
  const result = await run(entry, seconds)
  const answered = result.statusCodeStats?.[String(entry.expect) as '200']?.count ?? 0
  if (result.errors > 0 || answered !== result.requests.total) {
    throw new Error(
      `${entry.name}: ${result.requests.total} requests, ${answered} answered ${entry.expect}, ${result.errors} errors (${JSON.stringify(result.statusCodeStats)})`,
    )
  }
  return { latencyMs: result.latency.p50, requestsPerSecond: result.requests.total / seconds }
}

try {
  // A warm-up of each case (the JIT, Payload's caches), then the timed rounds, rotating the first case.
  for (const entry of cases) await run(entry, 2)
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < cases.length; index++) {
      const entry = cases[(index + round) % cases.length]!
      measured.get(entry.name)!.push(await load(entry))
      console.log(
        `round ${round + 1}: ${entry.name}: ${measured.get(entry.name)!.at(-1)!.requestsPerSecond.toFixed(0)} req/s`,
      )
    }
  }
} finally {
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  await database.remove()
  await stop()
  removeTestScratch(testDatabase)
  fs.rmSync(scratch, { force: true, recursive: true })
}

const rate = (name: string) =>
  summarize(measured.get(name)!.map((entry) => entry.requestsPerSecond)).median
const bare = rate(cases[0]!.name)
const goals: Record<string, [goal: string, met: (value: number) => boolean]> = {
  [cases[2]!.name]: ['≥ 400 req/s', (value) => value >= 400],
  [cases[3]!.name]: ['≥ 0.8× bare', (value) => value >= 0.8 * bare],
  [cases[5]!.name]: [
    '≥ 0.8× the REST view (≤ 1.25× its time)',
    (value) => value >= rate(cases[4]!.name) / 1.25,
  ],
}
const rows = cases.map((entry) => {
  const value = rate(entry.name)
  const latency = summarize(measured.get(entry.name)!.map((item) => item.latencyMs)).median
  const [goal, met] = goals[entry.name] ?? ['—', undefined]
  return `| ${entry.name} | ${value.toFixed(0)} | ${latency} ms | ${(value / bare).toFixed(2)}× | ${goal} | ${met ? (met(value) ? 'yes' : '**no**') : '—'} |`
})
const table = [
  '| case | requests/s (median round) | p50 latency | vs Payload bare | goal | met? |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
].join('\n')
console.log(`\n${table}`)
machine.loadAverage.end = (await import('node:os')).loadavg()[0]
if (!flag('no-write')) {
  const section = [
    `### HTTP throughput (${testDatabase.kind}, ${articles.toLocaleString('en')} synthetic articles and the demo)`,
    '',
    `- Command: \`${commandLine('bench:http')}\` (after \`npm run build\`)`,
    `- Run: ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((Date.now() - started) / 1000)} s in all`,
    `- Machine: ${describeMachine(machine)}; load average ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end?.toFixed(2)} at the end; autocannon runs on the same machine as the server`,
    `- \`next start\` on 127.0.0.1, rate limit off (\`NEWSROOM_RATE_LIMIT=off\`); ${connections} connections, ${seconds} s per case, ${rounds} rounds interleaved; every answer checked for its status`,
    '',
    table,
  ].join('\n')
  updateBenchmarksDoc([articles], `http-${testDatabase.kind}`, section)
  console.log('table updated in docs/BENCHMARKS.md')
}
process.exit(0)
