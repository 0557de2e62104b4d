import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../test/testDatabase'
import { describeMachine } from './environment'
import { shapeLabel, viewAnchors } from './scenarios/articleView'
import { feedSurfaceNames, withoutPlugin } from './scenarios/feed'
import { formatCount, formatMs, formatRatio, type Timing } from './stats'
import { type BenchResults, firstSizeWarmupFactor } from './suite'
import type { IngestPass } from './scenarios/ingest'

/** The goals of the benchmark issue; every "met?" cell is computed from the numbers against these. */
export const goals = {
  feedGraphqlOverRest: 1.25,
  feedGrowth: 1.3,
  feedEndpointOverFloor: 3,
  feedOverFloor: 3,
  notModifiedOverFloor: 1.5,
  viewGraphqlOverRest: 1.25,
  ingestUnchangedReadsPerItem: 2,
  ingestUnchangedWritesPerItem: 0,
  /** A publish that asks for a summary only queues a job: no more than this many extra statements. */
  summaryPublishExtraQueries: 2,
  publishExtraQueries: 1,
  publishRatio: 1.1,
  seedSeconds: 180,
  seedArticles: 10_000,
  viewOverAnchor: 2,
  viewQueries: 3,
}

/** One goal of one row: what it asks, whether the measured value meets it, and that value. */
type Check = { label: string; measured: string; met: boolean }

export type Row = {
  articles: string
  case: string
  checks: Check[]
  median?: string
  p95?: string
  queries?: number
  ratio?: string
  scenario: string
}

const atMost = (label: string, value: number, limit: number, measured: string): Check => ({
  label,
  measured,
  met: value <= limit,
})

const timed = (timing: Timing) => ({
  median: formatMs(timing.median),
  p95: formatMs(timing.p95),
  queries: timing.queries,
})

const secondsFor10k = (rate: number) => goals.seedArticles / rate

/** Seed throughput per increment, with the 10,000-article goal projected from each increment's rate, and measured when a size is 10,000. */
const seedRows = (seed: BenchResults['seed']): Row[] => {
  const rows: Row[] = seed.map((increment) => ({
    articles: formatCount(increment.to),
    case: `generator, ${formatCount(increment.from)} → ${formatCount(increment.to)} in ${increment.seconds.toFixed(1)} s`,
    checks: [
      atMost(
        `${formatCount(goals.seedArticles)} in < ${goals.seedSeconds} s`,
        secondsFor10k(increment.rate),
        goals.seedSeconds,
        `${secondsFor10k(increment.rate).toFixed(0)} s projected`,
      ),
    ],
    median: `${increment.rate.toFixed(1)} articles/s`,
    scenario: 'seed',
  }))
  const upTo10k = seed.filter((increment) => increment.to <= goals.seedArticles)
  if (upTo10k.at(-1)?.to === goals.seedArticles && upTo10k.length > 1) {
    const seconds = upTo10k.reduce((total, increment) => total + increment.seconds, 0)
    rows.push({
      articles: formatCount(goals.seedArticles),
      case: `generator, 0 → ${formatCount(goals.seedArticles)} in ${seconds.toFixed(1)} s`,
      checks: [
        atMost(`< ${goals.seedSeconds} s`, seconds, goals.seedSeconds, `${seconds.toFixed(0)} s`),
      ],
      median: `${(goals.seedArticles / seconds).toFixed(1)} articles/s`,
      scenario: 'seed',
    })
  }
  return rows
}

/** The feed at each size against its floor, GraphQL against REST, and the Local API's growth from the first size to the last. */
const feedRows = (feed: BenchResults['feed']): Row[] => {
  const rows: Row[] = []
  for (const result of feed) {
    const floor = result.timings.floor.median
    const articles = `${formatCount(result.size)} (${formatCount(result.matching)} in feed)`
    const versusFloor = (timing: Timing) => timing.median / floor
    rows.push(
      {
        articles,
        case: 'raw driver: page + count (floor)',
        checks: [],
        ...timed(result.timings.floor),
        ratio: formatRatio(1),
        scenario: 'feed',
      },
      {
        articles,
        case: 'raw driver: page only',
        checks: [],
        ...timed(result.timings['floor, page only']),
        ratio: formatRatio(versusFloor(result.timings['floor, page only'])),
        scenario: 'feed',
      },
    )
    for (const surface of feedSurfaceNames) {
      const ratio = versusFloor(result.timings[surface])
      rows.push({
        articles,
        case: surface,
        checks: [
          atMost(`≤ ${goals.feedOverFloor}× floor`, ratio, goals.feedOverFloor, formatRatio(ratio)),
        ],
        ...timed(result.timings[surface]),
        ratio: formatRatio(ratio),
        scenario: 'feed',
      })
    }
    const endpoint = versusFloor(result.timings['feed endpoint'])
    const notModified = versusFloor(result.timings['feed endpoint, 304'])
    rows.push(
      {
        articles,
        case: "the plugin's feed endpoint (REST, cards with names)",
        checks: [
          atMost(
            `≤ ${goals.feedEndpointOverFloor}× floor`,
            endpoint,
            goals.feedEndpointOverFloor,
            formatRatio(endpoint),
          ),
        ],
        ...timed(result.timings['feed endpoint']),
        ratio: formatRatio(endpoint),
        scenario: 'feed',
      },
      {
        articles,
        case: 'the feed endpoint answering If-None-Match (304)',
        checks: [
          atMost(
            `≤ ${goals.notModifiedOverFloor}× floor`,
            notModified,
            goals.notModifiedOverFloor,
            formatRatio(notModified),
          ),
        ],
        ...timed(result.timings['feed endpoint, 304']),
        ratio: formatRatio(notModified),
        scenario: 'feed',
      },
    )
    rows.push({
      articles,
      case: `${withoutPlugin} (Payload alone)`,
      checks: [],
      ...timed(result.timings[withoutPlugin]),
      ratio: formatRatio(versusFloor(result.timings[withoutPlugin])),
      scenario: 'feed',
    })
    const graphqlOverRest = result.timings.GraphQL.median / result.timings.REST.median
    rows.push({
      articles,
      case: 'GraphQL ÷ REST',
      checks: [
        atMost(
          `≤ ${goals.feedGraphqlOverRest}×`,
          graphqlOverRest,
          goals.feedGraphqlOverRest,
          formatRatio(graphqlOverRest),
        ),
      ],
      ratio: formatRatio(graphqlOverRest),
      scenario: 'feed',
    })
  }
  const [first, last] = [feed[0], feed.at(-1)]
  if (first && last && last !== first) {
    const growth = last.timings['Local API'].median / first.timings['Local API'].median
    rows.push({
      articles: `${formatCount(first.size)} → ${formatCount(last.size)}`,
      case: 'Local API growth',
      checks: [atMost(`≤ ${goals.feedGrowth}×`, growth, goals.feedGrowth, formatRatio(growth))],
      ratio: formatRatio(growth),
      scenario: 'feed',
    })
  }
  return rows
}

/** Each render-ready read against a bare findByID of the same article on the same surface (its median in the ratio cell). */
const viewRows = (view: NonNullable<BenchResults['view']>): Row[] =>
  view.results.flatMap((result) => [
    ...(['Local', 'REST'] as const).map((read) => {
      const timing = result.timings[read]
      const anchor = viewAnchors[read]
      const ratio = timing.median / result.timings[anchor].median
      return {
        articles: formatCount(view.size),
        case: `${read === 'Local' ? 'Local loadArticleView' : 'REST /view/fr/:slug'}, ${shapeLabel(result)}`,
        checks: [
          atMost(
            `≤ ${goals.viewOverAnchor}× ${anchor}`,
            ratio,
            goals.viewOverAnchor,
            formatRatio(ratio),
          ),
          atMost(
            `≤ ${goals.viewQueries} queries`,
            timing.queries ?? Infinity,
            goals.viewQueries,
            `${timing.queries} queries`,
          ),
        ],
        ...timed(timing),
        ratio: `${formatRatio(ratio)} (${anchor} ${formatMs(result.timings[anchor].median)})`,
        scenario: 'article view',
      }
    }),
    ((graphqlOverRest) => ({
      articles: formatCount(view.size),
      case: `GraphQL ArticleView (every field), ${shapeLabel(result)}`,
      checks: [
        atMost(
          `≤ ${goals.viewGraphqlOverRest}× REST view`,
          graphqlOverRest,
          goals.viewGraphqlOverRest,
          formatRatio(graphqlOverRest),
        ),
      ],
      ...timed(result.timings.GraphQL),
      ratio: `${formatRatio(graphqlOverRest)} (REST view ${formatMs(result.timings.REST.median)})`,
      scenario: 'article view',
    }))(result.timings.GraphQL.median / result.timings.REST.median),
  ])

const publishRows = (publish: NonNullable<BenchResults['publish']>): Row[] => {
  const { active, disabled } = publish.timings
  const ratio = active.median / disabled.median
  const extra = (active.queries ?? 0) - (disabled.queries ?? 0)
  const articles = `${formatCount(publish.size)} (${publish.publishes} per side)`
  return [
    {
      articles,
      case: 'plugin disabled (anchor)',
      checks: [],
      ...timed(disabled),
      ratio: formatRatio(1),
      scenario: 'publish',
    },
    {
      articles,
      case: 'plugin active',
      checks: [
        atMost(`≤ ${goals.publishRatio}×`, ratio, goals.publishRatio, formatRatio(ratio)),
        atMost(
          `≤ +${goals.publishExtraQueries} query`,
          extra,
          goals.publishExtraQueries,
          `+${extra} queries`,
        ),
      ],
      ...timed(active),
      ratio: formatRatio(ratio),
      scenario: 'publish',
    },
  ]
}

const perItem = (pass: IngestPass, value: number) => value / pass.items

const ingestRows = (ingest: NonNullable<BenchResults['ingest']>): Row[] => {
  const { again, first, localCreates, payloadCreates } = ingest
  const articles = formatCount(ingest.size)
  const pass = (label: string, result: IngestPass, extra: Partial<Row> = {}): Row => ({
    articles,
    case: `${label}: ${formatCount(result.items)} items in ${(result.ms / 1000).toFixed(1)} s, ${(result.items / (result.ms / 1000)).toFixed(1)} items/s; per item ${perItem(result, result.reads).toFixed(2)} reads, ${perItem(result, result.writes).toFixed(2)} writes`,
    checks: [],
    median: formatMs(result.ms / result.items),
    queries: Math.round(perItem(result, result.statements) * 100) / 100,
    scenario: 'ingest',
    ...extra,
  })
  return [
    pass('Local API creates of the same articles (anchor)', localCreates, {
      ratio: formatRatio(1),
    }),
    // Absent from results recorded before it was measured.
    ...(payloadCreates
      ? [
          pass('the same creates with the plugin disabled (Payload alone)', payloadCreates, {
            ratio: formatRatio(payloadCreates.ms / localCreates.ms),
          }),
        ]
      : []),
    pass(`ninjs through the API, ${ingest.batch} per call`, first, {
      ratio: formatRatio(first.ms / localCreates.ms),
    }),
    pass('the same items again (unchanged)', again, {
      checks: [
        atMost(
          `≤ ${goals.ingestUnchangedReadsPerItem} reads per item`,
          perItem(again, again.reads),
          goals.ingestUnchangedReadsPerItem,
          `${perItem(again, again.reads).toFixed(2)} reads`,
        ),
        // The run records (each call's log, created then finished) are not the items' writes.
        ((itemWrites) =>
          atMost(
            `${goals.ingestUnchangedWritesPerItem} item writes`,
            itemWrites,
            goals.ingestUnchangedWritesPerItem,
            `${itemWrites} item writes (+${again.writes - itemWrites} run-record writes)`,
          ))(again.writes - again.runRecordWrites),
      ],
      ratio: formatRatio(again.ms / localCreates.ms),
    }),
  ]
}

/** A pending summary's cost to the publish (the job's insert, nothing else), and the worker's throughput. */
const summaryRows = (summaries: NonNullable<BenchResults['summaries']>): Row[] => {
  const articles = formatCount(summaries.size)
  const { pending, without } = summaries.publish
  const extra = (pending.queries ?? 0) - (without.queries ?? 0)
  return [
    {
      articles,
      case: 'publish without a summary (anchor)',
      checks: [],
      ...timed(without),
      ratio: formatRatio(1),
      scenario: 'summaries',
    },
    {
      articles,
      case: 'publish leaving the summary pending (queues the job)',
      checks: [
        atMost(
          `≤ +${goals.summaryPublishExtraQueries} queries`,
          extra,
          goals.summaryPublishExtraQueries,
          `+${extra} queries`,
        ),
      ],
      ...timed(pending),
      ratio: formatRatio(pending.median / without.median),
      scenario: 'summaries',
    },
    {
      articles,
      case:
        `jobs worker, default extractive provider: ${formatCount(summaries.articles)} summaries at ${summaries.taskPerSecond.toFixed(1)} articles/s, ` +
        `${summaries.taskStatementsPerArticle.toFixed(1)} statements each (the provider alone: ${Math.round(summaries.providerPerSecond)} texts/s)`,
      checks: [],
      median: formatMs(1000 / summaries.taskPerSecond),
      queries: Math.round(summaries.taskStatementsPerArticle * 10) / 10,
      ratio: formatRatio(summaries.providerPerSecond / summaries.taskPerSecond),
      scenario: 'summaries',
    },
  ]
}

export const buildRows = (results: BenchResults): Row[] => [
  ...seedRows(results.seed),
  ...feedRows(results.feed),
  ...(results.view ? viewRows(results.view) : []),
  ...(results.publish ? publishRows(results.publish) : []),
  ...(results.ingest ? ingestRows(results.ingest) : []),
  ...(results.summaries ? summaryRows(results.summaries) : []),
]

const metCell = (checks: Check[]) =>
  checks.map((check) => `${check.met ? 'yes' : '**no**'} (${check.measured})`).join('; ')

/** The one table: every measurement, its ratio to its anchor, and the goals it is held to. */
export const markdownTable = (rows: Row[]) => {
  const header = [
    'scenario',
    'case',
    'articles',
    'median',
    'p95',
    'queries',
    'ratio',
    'goal',
    'met?',
  ]
  const lines = rows.map((row) =>
    [
      row.scenario,
      row.case,
      row.articles,
      row.median ?? '—',
      row.p95 ?? '—',
      row.queries === undefined ? '—' : String(row.queries),
      row.ratio ?? '—',
      row.checks.map((check) => check.label).join('; ') || '—',
      metCell(row.checks) || '—',
    ].join(' | '),
  )
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...lines.map((line) => `| ${line} |`),
  ].join('\n')
}

/** Embedded SQLite runs keep their original names; other databases are named in theirs. */
const runKey = (sizes: number[], kind: string) =>
  `${kind === 'sqlite' ? '' : `${kind}:`}${sizes.join(',')}`
const engineNames: Record<string, string> = {
  mongodb: 'MongoDB',
  postgres: 'PostgreSQL',
  sqlite: 'SQLite',
}

export const resultsFile = (sizes: number[], kind: string) =>
  path.join(
    projectRoot,
    'docs',
    'benchmarks',
    `results-${runKey(sizes, kind).replace(':', '-').replaceAll(',', '-')}.json`,
  )

export const writeResults = (file: string, results: BenchResults, rows: Row[], command: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify({ command, ...results, rows }, null, 2)}\n`)
}

const benchmarksDoc = path.join(projectRoot, 'docs', 'BENCHMARKS.md')
/** New result sections go above this line when their markers are not in the document yet. */
const nextSectionMarker = '<!-- bench:next -->'

const sizesTitle = (sizes: number[]) =>
  sizes.length === 1
    ? `${formatCount(sizes[0]!)} articles`
    : `${sizes.slice(0, -1).map(formatCount).join(', ')} and ${formatCount(sizes.at(-1)!)} articles`

/** The generated part of BENCHMARKS.md for one set of sizes: how it was run, where, and the table. */
export const docSection = (results: BenchResults, rows: Row[], command: string, file: string) => {
  const { loadAverage } = results.machine
  const minutes = Math.floor(results.durationSeconds / 60)
  const plan = results.feed.at(-1)?.plan
  return [
    `### ${sizesTitle(results.options.sizes)}${results.database.kind === 'sqlite' ? '' : ` on ${engineNames[results.database.kind]}`}`,
    '',
    `- Command: \`${command}\``,
    `- Run: ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${minutes} min ${Math.round(results.durationSeconds - minutes * 60)} s in all; ` +
      `results: [\`${path.relative(projectRoot, file)}\`](${path.relative(path.dirname(benchmarksDoc), file)})`,
    `- Machine: ${describeMachine(results.machine)}; load average ${loadAverage.start.toFixed(2)} at the start, ${loadAverage.end?.toFixed(2) ?? '?'} at the end`,
    `- Adapter: ${results.database.description.replace(/^database: /, '')}`,
    `- ${results.options.repetitions} timed runs per case after ${results.options.warmup} warm-up runs ` +
      `(${results.options.warmup * firstSizeWarmupFactor} at the first size), cases interleaved; ` +
      `render-ready reads and publishes measured once, at the largest size (${formatCount(results.options.sizes.at(-1) ?? 0)} articles)`,
    ...(plan
      ? [`- How the database answers the feed's page query at the largest size: \`${plan}\``]
      : []),
    '',
    markdownTable(rows),
  ].join('\n')
}

const skeleton = `# Benchmarks\n\n${nextSectionMarker}\n`

/** Replaces this set of sizes' marked section in BENCHMARKS.md, or adds it; the hand-written rest is kept as it is. */
export const updateBenchmarksDoc = (sizes: number[], kind: string, section: string) => {
  const key = runKey(sizes, kind)
  const [open, close] = [`<!-- bench:${key} -->`, `<!-- /bench:${key} -->`]
  const marked = `${open}\n${section}\n${close}`
  const doc = fs.existsSync(benchmarksDoc) ? fs.readFileSync(benchmarksDoc, 'utf8') : skeleton
  const start = doc.indexOf(open)
  const end = doc.indexOf(close)
  let updated: string
  if (start >= 0 && end > start) {
    updated = doc.slice(0, start) + marked + doc.slice(end + close.length)
  } else if (doc.includes(nextSectionMarker)) {
    updated = doc.replace(nextSectionMarker, () => `${marked}\n\n${nextSectionMarker}`)
  } else {
    updated = `${doc.trimEnd()}\n\n${marked}\n`
  }
  fs.writeFileSync(benchmarksDoc, updated)
  return benchmarksDoc
}

/** The statements of one request of each case (`--show-queries`), as captured through the query log. */
export const printQueries = (results: BenchResults) => {
  const groups: [string, Record<string, string[]> | undefined][] = [
    ['feed at the largest size', results.feed.at(-1)?.queries],
    ['article view, 6 disclaimers and 5 corrections', results.view?.queries],
    ['publish, plugin', results.publish?.queries],
    ['ingest', results.ingest?.queries],
  ]
  for (const [label, cases] of groups) {
    for (const [name, statements] of Object.entries(cases ?? {})) {
      console.log(
        `\n${label}, ${name} (${statements.length}):\n${statements.map((statement) => `  ${statement}`).join('\n')}`,
      )
    }
  }
}
