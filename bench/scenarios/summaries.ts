import type { Payload } from 'payload'

import type { QueryLog } from '../queryLog'
import type { NewsroomReferences } from './seed'
import { extractiveSummary, lexicalText } from 'payload-newsroom/rules'
import {
  generateSummaryTaskSlug,
  heading,
  lexicalDocument,
  paragraph,
} from 'payload-newsroom/server'
import { summarize, type Timing } from '../stats'

type ID = number | string
type Sample = { ms: number; queries: number }

export type SummaryResult = {
  /** Articles summarised per run. */
  articles: number
  /** The default provider alone on the same texts: the floor of what the task can do. */
  providerPerSecond: number
  /** A publish that leaves the summary pending (queues the job) against one that does not. */
  publish: Record<'pending' | 'without', Timing>
  /** Pending summaries turned `ready` by `payload.jobs.run`, as a worker runs them. */
  taskPerSecond: number
  /** Statements per summarised article in the jobs run (the job's claim, the article read, the write, the job's completion). */
  taskStatementsPerArticle: number
}

const warmup = 5

/** Our own articles of realistic length (two headed sections of three paragraphs), as drafts. */
const createDrafts = async (
  payload: Payload,
  references: NewsroomReferences,
  count: number,
  run: string,
) => {
  const ids: ID[] = []
  for (let index = 0; index < count; index++) {
    const sentences = (topic: string) =>
      Array.from({ length: 3 }, (_, n) =>
        paragraph(
          `${topic} ${n + 1} de l’article ${index} : les chiffres publiés mardi, les réactions des marchés et ce que prévoient les analystes pour le trimestre. Le ministre a précisé le calendrier. Les syndicats demandent des garanties.`,
        ),
      )
    const draft = (await payload.create({
      collection: 'articles',
      data: {
        body: lexicalDocument([
          heading('h2', 'Les faits'),
          ...sentences('Fait'),
          heading('h2', 'Le contexte'),
          ...sentences('Contexte'),
        ]),
        language: 'fr',
        section: references.sections.get('monde')!,
        slug: `bench-summary-${run}-${index}`,
        standfirst: `Le chapeau de l’article ${index}.`,
        title: `Article à résumer numéro ${index}`,
      } as never,
      depth: 0,
      draft: true,
      select: { id: true } as never,
    })) as { id: ID }
    ids.push(draft.id)
  }
  return ids
}

const publish = async (
  payload: Payload,
  queryLog: QueryLog,
  id: ID,
  summary: 'none' | 'pending',
): Promise<Sample> => {
  const before = queryLog.count()
  const started = performance.now()
  await payload.update({
    id,
    collection: 'articles',
    data: { _status: 'published', summary: { status: summary } } as never,
    depth: 0,
    select: { id: true } as never,
  })
  return { ms: performance.now() - started, queries: queryLog.count() - before }
}

const toTiming = (samples: Sample[]): Timing => ({
  ...summarize(samples.map((sample) => sample.ms)),
  queries: summarize(samples.map((sample) => sample.queries)).median,
  repetitions: samples.length,
})

/**
 * AI summaries: what a publish that asks for one costs against one that does not (alternating, on
 * one instance), then the task's throughput with the default extractive provider as the jobs worker
 * runs it, and the provider alone on the same texts.
 */
export const runSummaryScenario = async ({
  count,
  payload,
  queryLog,
  references,
}: {
  count: number
  payload: Payload
  queryLog: QueryLog
  references: NewsroomReferences
}): Promise<SummaryResult> => {
  const run = String(Date.now())
  const drafts = await createDrafts(payload, references, 2 * (count + warmup), run)
  const samples: Record<'pending' | 'without', Sample[]> = { pending: [], without: [] }
  for (let index = 0; index < count + warmup; index++) {
    const order =
      index % 2 === 0 ? (['pending', 'without'] as const) : (['without', 'pending'] as const)
    for (const side of order) {
      const sample = await publish(
        payload,
        queryLog,
        drafts.pop()!,
        side === 'pending' ? 'pending' : 'none',
      )
      if (index >= warmup) samples[side].push(sample)
    }
  }

  const waiting = async () =>
    (
      await payload.count({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { equals: generateSummaryTaskSlug } },
            { completedAt: { exists: false } },
          ],
        },
      })
    ).totalDocs
  const queued = await waiting()
  const before = queryLog.count()
  const started = performance.now()
  while ((await waiting()) > 0) {
    await payload.jobs.run({ limit: 100, queue: 'default' })
  }
  const taskMs = performance.now() - started
  const taskStatements = queryLog.count() - before

  // The provider alone, on the texts it was given.
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    limit: queued,
    select: { body: true } as never,
    where: { slug: { like: `bench-summary-${run}` } },
  })
  const texts = (docs as Record<string, any>[]).map((doc) => lexicalText(doc.body))
  const providerStarted = performance.now()
  for (const text of texts) extractiveSummary({ language: 'fr', maxLength: 300, text })
  const providerMs = performance.now() - providerStarted

  return {
    articles: queued,
    providerPerSecond: texts.length / (providerMs / 1000),
    publish: { pending: toTiming(samples.pending), without: toTiming(samples.without) },
    taskPerSecond: queued / (taskMs / 1000),
    taskStatementsPerArticle: taskStatements / Math.max(queued, 1),
  }
}
