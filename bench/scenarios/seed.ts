import type { Payload } from 'payload'

import { progressReporter } from '../../seed/progress'
import { ensureReferenceData } from '../../seed/referenceData'
import { generateSyntheticArticles } from '../../seed/synthetic'

export type NewsroomReferences = Awaited<ReturnType<typeof ensureReferenceData>>

export type SeedIncrement = {
  articles: number
  from: number
  /** Articles per second over the whole increment, transactions and hooks included. */
  rate: number
  seconds: number
  to: number
}

/** The fixed seed of every run: the same seed gives the same newsroom, so runs compare. */
export const benchRandomSeed = 42

/**
 * Grows the database from `from` to `to` articles with the synthetic generator (the code behind
 * `npm run seed -- --synthetic`), timing the whole increment. Progress goes to stderr so that
 * stdout keeps to the adapter line and the table.
 */
export const loadArticles = async (
  payload: Payload,
  references: NewsroomReferences,
  { from, to }: { from: number; to: number },
): Promise<SeedIncrement> => {
  const progress = progressReporter(`loading ${from} → ${to}`, process.stderr)
  const started = performance.now()
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
  const seconds = (performance.now() - started) / 1000
  return { articles: to - from, from, rate: (to - from) / seconds, seconds, to }
}
