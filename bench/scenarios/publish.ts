import type { Payload } from 'payload'

import type { QueryLog } from '../queryLog'
import type { NewsroomReferences } from './seed'

import { summarize, type Timing } from '../stats'

type ID = number | string
type Sample = { ms: number; queries: number }

export type PublishSide = 'active' | 'disabled'

export type PublishResult = {
  /** Publishes timed per side (after the warm-up). */
  publishes: number
  /** The statements of one publish on each side, captured during the warm-up. */
  queries: Record<PublishSide, string[]>
  timings: Record<PublishSide, Timing>
}

const warmupPerSide = 5

/** Syndicated drafts, complete enough to publish: what the guarantee checks on every publish. `run` keeps their source items apart from other runs'. */
export const createSyndicatedDrafts = async (
  payload: Payload,
  references: NewsroomReferences,
  count: number,
  run = 'publish',
) => {
  const drafts: ID[] = []
  for (let index = 0; index < count; index++) {
    const draft = await payload.create({
      collection: 'articles',
      data: {
        attribution: {
          originalUrl: `https://horizon-presse.example/depeches/${run}/${index}`,
          source: references.sources.get('agence-horizon')!,
          sourceItemId: `bench-${run}-${process.pid}-${index}`,
        },
        disclaimers: [references.disclaimers.get('third-party-content')!],
        language: 'fr',
        origin: 'syndicated',
        section: references.sections.get('monde')!,
        title: `Dépêche de test ${run} numéro ${index}`,
      } as never,
      depth: 0,
      draft: true,
    })
    drafts.push(draft.id)
  }
  return drafts
}

const publishOne = async (payload: Payload, id: ID, queryLog: QueryLog): Promise<Sample> => {
  const before = queryLog.count()
  const started = performance.now()
  await payload.update({ id, collection: 'articles', data: { _status: 'published' } as never })
  return { ms: performance.now() - started, queries: queryLog.count() - before }
}

const toTiming = (samples: Sample[]): Timing => ({
  ...summarize(samples.map((sample) => sample.ms)),
  queries: summarize(samples.map((sample) => sample.queries)).median,
  repetitions: samples.length,
})

/**
 * Publish cost of the guarantee: the same kind of syndicated draft published through an instance
 * with the plugin active and one with `disabled: true` (same schema, no hooks), on one database,
 * alternating which side goes first so that drift and the growing tables hit both alike.
 */
export const runPublishScenario = async ({
  active,
  count,
  disabled,
  queryLog,
  references,
}: {
  active: Payload
  count: number
  disabled: Payload
  queryLog: QueryLog
  references: NewsroomReferences
}): Promise<PublishResult> => {
  const drafts = await createSyndicatedDrafts(active, references, 2 * (count + warmupPerSide))
  const sides: Record<PublishSide, Payload> = { active, disabled }
  const queries = {} as Record<PublishSide, string[]>
  for (const side of ['active', 'disabled'] as const) {
    for (let index = 1; index < warmupPerSide; index++) {
      await publishOne(sides[side], drafts.pop()!, queryLog)
    }
    queries[side] = await queryLog.capture(() => publishOne(sides[side], drafts.pop()!, queryLog))
  }
  const samples: Record<PublishSide, Sample[]> = { active: [], disabled: [] }
  for (let index = 0; index < count; index++) {
    const order: PublishSide[] = index % 2 === 0 ? ['active', 'disabled'] : ['disabled', 'active']
    for (const side of order) {
      samples[side].push(await publishOne(sides[side], drafts.pop()!, queryLog))
    }
  }
  return {
    publishes: count,
    queries,
    timings: { active: toTiming(samples.active), disabled: toTiming(samples.disabled) },
  }
}
