import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { translations } from '../translations/index.ts'
import { relationID } from '../utilities/documentValue.ts'
import { ownValue } from '../utilities/ownValue.ts'
import { findDocumentByID, findDocuments } from '../utilities/typedLocalApi.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import { runWorkflowAction } from './runWorkflowAction.ts'
import { actAsSystem } from './systemActor.ts'
import { isRefusal } from './workflowErrors.ts'
import { liveRightsEndingWhere } from '../utilities/publishedArticles.ts'

export const expireRightsTaskSlug = 'newsroomExpireRights'

/** How the audit trail names the rule (beside no user). */
export const rightsExpiredVia = 'rule: rights expired'

/** Pieces taken down per run; the task runs every minute, so a backlog clears run after run. */
const batchSize = 100

export type RightsExpiryOutcome = { retracted: number; skipped: number; unpublished: number }

/** The public notice of a retraction, in the article's language. */
const expiryNotice = (language: string) =>
  (ownValue(translations, language) ?? translations.en).newsroom.rightsExpiredNotice

/**
 * Takes down every published syndicated piece whose rights have expired, through the workflow, as
 * the rule: unpublished, or retracted with a public notice when its source's licence says so. Each
 * piece in its own transaction, under the content write lock; a piece another worker already took
 * down is refused by the workflow and skipped, so running it twice, or on two workers, changes nothing more.
 */
export const expireRights = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  now = new Date(),
): Promise<RightsExpiryOutcome> => {
  // The query asks for a time of expiry: every article found has one.
  const { docs } = await findDocuments<{
    attribution: { rightsExpireAt: string; source?: unknown }
    language?: unknown
  }>(payload, {
    collection: options.collections.articles.slug,
    depth: 0,
    draft: false,
    joins: false,
    limit: batchSize,
    pagination: false,
    select: { attribution: { rightsExpireAt: true, source: true }, language: true },
    sort: 'attribution.rightsExpireAt',
    where: liveRightsEndingWhere(now),
  })
  const outcome: RightsExpiryOutcome = { retracted: 0, skipped: 0, unpublished: 0 }
  const policies = new Map<string, string>()
  for (const article of docs) {
    const sourceID = relationID(article.attribution?.source)
    const key = String(sourceID)
    if (sourceID !== undefined && !policies.has(key)) {
      const source = await findDocumentByID<{ licence?: null | { onExpiry?: null | string } }>(
        payload,
        {
          id: sourceID,
          collection: options.collections.sources.slug,
          depth: 0,
          disableErrors: true,
          select: { licence: { onExpiry: true } },
        },
      )
      policies.set(key, source?.licence?.onExpiry ?? 'unpublish')
    }
    const action = policies.get(key) === 'retract' ? 'retract' : 'unpublish'
    const req = actAsSystem(
      await createLocalReq({}, payload),
      `${rightsExpiredVia} (${article.attribution.rightsExpireAt})`,
    )
    try {
      await inTransaction(req, () =>
        runWorkflowAction(req, options, {
          action,
          id: article.id,
          note: expiryNotice(String(article.language)),
        }),
      )
      outcome[action === 'retract' ? 'retracted' : 'unpublished']++
    } catch (error) {
      // Taken down meanwhile (another worker, an editor): the workflow refuses a second take-down.
      if (!isRefusal(error)) {
        throw error
      }
      outcome.skipped++
    }
  }
  return outcome
}

/** The scheduled task: `licences.expirySchedule` (every minute by default) on `licences.queue`. */
export const expireRightsTask = (options: ResolvedNewsroomOptions): TaskConfig => ({
  slug: expireRightsTaskSlug,
  handler: async ({ req }: { req: PayloadRequest }) => ({
    output: await expireRights(req.payload, options),
  }),
  outputSchema: [
    { name: 'retracted', type: 'number' },
    { name: 'skipped', type: 'number' },
    { name: 'unpublished', type: 'number' },
  ],
  retries: 0,
  schedule: [{ cron: options.licences.expirySchedule, queue: options.licences.queue }],
})
