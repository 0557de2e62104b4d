import os from 'node:os'

import type { DatabaseKind } from '../host/database/selectDatabase'

import { ensureReferenceData } from '../seed/referenceData'
import { type Machine, openBenchDatabase, readMachine } from './environment'
import {
  createViewArticles,
  runViewScenario,
  type ViewRead,
  type ViewResult,
} from './scenarios/articleView'
import {
  type FeedResult,
  type FeedTarget,
  pinOldestFeedArticle,
  runFeedScenario,
} from './scenarios/feed'
import { type PublishResult, runPublishScenario } from './scenarios/publish'
import { type IngestResult, runIngestScenario } from './scenarios/ingest'
import { loadArticles, type SeedIncrement } from './scenarios/seed'
import { runSummaryScenario, type SummaryResult } from './scenarios/summaries'

export type Scenario = 'feed' | 'ingest' | 'publish' | 'summaries' | 'view'

export type SuiteOptions = {
  /** ninjs items in the ingest scenario, and per API call. */
  ingestItems?: number
  ingestBatch?: number
  /** Articles per side in the summary scenario (publishes with and without a pending summary; that many summarised). */
  summaryArticles?: number
  /** Syndicated drafts published per side in the publish scenario. */
  publishArticles: number
  /** Timed runs per case, after `warmup` discarded ones. */
  repetitions: number
  scenarios: ReadonlySet<Scenario>
  /** Database sizes, in synthetic articles, each reached by loading more into the same database. */
  sizes: number[]
  warmup: number
}

export type BenchResults = {
  database: { description: string; kind: DatabaseKind }
  durationSeconds: number
  feed: FeedResult[]
  machine: Machine
  options: Omit<SuiteOptions, 'scenarios'> & { scenarios: Scenario[] }
  /** Present when the ingest scenario ran; `size` is the database size it ran at. */
  ingest?: IngestResult & { size: number }
  /** Present when the publish scenario ran; `size` is the database size it ran at. */
  publish?: PublishResult & { size: number }
  seed: SeedIncrement[]
  startedAt: string
  /** Present when the summary scenario ran; `size` is the database size it ran at. */
  summaries?: SummaryResult & { size: number }
  view?: { queries: Record<ViewRead, string[]>; results: ViewResult[]; size: number }
}

/**
 * The first feed measurement runs in a cold process (code not yet optimised by the JIT): it gets this
 * many times the warm-up, which keeps the cold start out of the growth ratio from the first size to the last.
 */
export const firstSizeWarmupFactor = 5

const stage = (text: string) => process.stderr.write(`${text}\n`)

/**
 * Runs the benchmark scenarios on one fresh database: at each size, load the synthetic articles
 * and time the section feed; then, once, at the largest size, the render-ready article read and
 * the publish cost (both add articles of their own, so they come after every feed measurement).
 */
export const runSuite = async (options: SuiteOptions): Promise<BenchResults> => {
  const startedAt = new Date().toISOString()
  const machine = readMachine()
  const bench = await openBenchDatabase('bench')
  const measureOptions = { repetitions: options.repetitions, warmup: options.warmup }
  try {
    // Started first and without a key: the instance the REST and GraphQL handlers resolve.
    const reader = await bench.start()
    const references = await ensureReferenceData(reader.payload)
    const target: FeedTarget = { language: 'fr', section: references.sections.get('monde')! }
    // The same database with `disabled: true`: the feed's and the publish's anchor for what the plugin adds.
    const disabled = await bench.start({ key: 'disabled', newsroom: { disabled: true } })

    const seed: SeedIncrement[] = []
    const feed: FeedResult[] = []
    let loaded = 0
    for (const size of options.sizes) {
      seed.push(await loadArticles({ url: bench.url }, { from: loaded, to: size }))
      if (loaded === 0) {
        await pinOldestFeedArticle(reader.payload, target)
      }
      loaded = size
      if (options.scenarios.has('feed')) {
        stage(`feed at ${size} articles…`)
        const warmup = feed.length === 0 ? options.warmup * firstSizeWarmupFactor : options.warmup
        feed.push(
          await runFeedScenario({
            disabled,
            instance: reader,
            kind: bench.testDatabase.kind,
            measureOptions: { ...measureOptions, warmup },
            queryLog: bench.queryLog,
            sectionSlug: 'monde',
            size,
            target,
          }),
        )
      }
    }

    let view: BenchResults['view']
    if (options.scenarios.has('view')) {
      stage(`render-ready reads at ${loaded} articles…`)
      const articles = await createViewArticles(reader.payload, references)
      view = {
        ...(await runViewScenario({
          articles,
          instance: reader,
          measureOptions,
          queryLog: bench.queryLog,
        })),
        size: loaded,
      }
    }

    let publish: BenchResults['publish']
    if (options.scenarios.has('publish')) {
      stage(`publish cost at ${loaded} articles (${options.publishArticles} per side)…`)
      publish = {
        ...(await runPublishScenario({
          active: reader.payload,
          count: options.publishArticles,
          disabled: disabled.payload,
          queryLog: bench.queryLog,
          references,
        })),
        size: loaded,
      }
    }

    let ingest: BenchResults['ingest']
    if (options.scenarios.has('ingest')) {
      stage(
        `ingest of ${options.ingestItems ?? 1000} ninjs items at ${loaded} articles (${options.ingestBatch ?? 100} per call)…`,
      )
      ingest = {
        ...(await runIngestScenario({
          batch: options.ingestBatch ?? 100,
          count: options.ingestItems ?? 1000,
          disabled,
          instance: reader,
          queryLog: bench.queryLog,
          references,
        })),
        size: loaded,
      }
    }

    let summaries: BenchResults['summaries']
    if (options.scenarios.has('summaries')) {
      stage(
        `summaries: ${options.summaryArticles ?? 100} publishes per side and their jobs at ${loaded} articles…`,
      )
      summaries = {
        ...(await runSummaryScenario({
          count: options.summaryArticles ?? 100,
          payload: reader.payload,
          queryLog: bench.queryLog,
          references,
        })),
        size: loaded,
      }
    }

    machine.loadAverage.end = os.loadavg()[0]
    return {
      database: { description: bench.description, kind: bench.testDatabase.kind },
      // From the process's start (performance.now()'s origin): loading Payload and the config included.
      durationSeconds: performance.now() / 1000,
      feed,
      ingest,
      machine,
      options: { ...options, scenarios: [...options.scenarios] },
      publish,
      seed,
      startedAt,
      summaries,
      view,
    }
  } finally {
    await bench.close()
  }
}
