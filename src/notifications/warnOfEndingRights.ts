import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { inTransaction } from '../transactions/inTransaction.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import { handlersOf, notify, type ArticlePeople } from './notify.ts'
import { liveRightsEndingWhere } from '../utilities/publishedArticles.ts'

export const warnOfEndingRightsTaskSlug = 'newsroomWarnOfEndingRights'

/** Hourly: a week's notice needs no minute's precision. */
const warningSchedule = '0 * * * *'
const batchSize = 100

/** One warning per article and expiry: a new expiry date is a new warning. */
const warningKey = (id: number | string, expiresAt: string) => `rights_ending:${id}:${expiresAt}`

type EndingArticle = ArticlePeople & { attribution: { rightsExpireAt: string } }

/**
 * Tells the handlers of each published syndicated piece whose rights end within
 * `licences.expiryWarningDays` (its assignee, else its section's desk), once per expiry date, before
 * the expiry task takes it down.
 */
export const warnOfEndingRights = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  now = new Date(),
): Promise<{ warned: number }> => {
  if (!options.notifications.enabled) {
    return { warned: 0 }
  }
  const until = new Date(now.getTime() + options.licences.expiryWarningDays * 86_400_000)
  const { docs } = await findDocuments<EndingArticle>(payload, {
    collection: options.collections.articles.slug,
    depth: 0,
    draft: false,
    joins: false,
    limit: batchSize,
    pagination: false,
    select: {
      assignedTo: true,
      attribution: { rightsExpireAt: true },
      section: true,
      title: true,
    },
    sort: 'attribution.rightsExpireAt',
    where: liveRightsEndingWhere(until, now),
  })
  if (docs.length === 0) {
    return { warned: 0 }
  }
  const keys = docs.map((article) => warningKey(article.id, article.attribution.rightsExpireAt))
  const { docs: earlier } = await findDocuments<{ dedupeKey: string }>(payload, {
    collection: options.collections.notifications.slug,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { dedupeKey: true },
    where: { dedupeKey: { in: keys } },
  })
  const warned = new Set(earlier.map((notification) => notification.dedupeKey))
  let count = 0
  for (const article of docs) {
    const dedupeKey = warningKey(article.id, article.attribution.rightsExpireAt)
    if (warned.has(dedupeKey)) {
      continue
    }
    const req = await createLocalReq({}, payload)
    await inTransaction(req, async () =>
      notify(req, options, {
        article,
        dedupeKey,
        kind: 'rights_ending',
        recipients: await handlersOf(req, options, article),
      }),
    )
    count++
  }
  return { warned: count }
}

export const warnOfEndingRightsTask = (options: ResolvedNewsroomOptions): TaskConfig => ({
  slug: warnOfEndingRightsTaskSlug,
  handler: async ({ req }: { req: PayloadRequest }) => ({
    output: await warnOfEndingRights(req.payload, options),
  }),
  outputSchema: [{ name: 'warned', type: 'number' }],
  retries: 0,
  schedule: [{ cron: warningSchedule, queue: options.licences.queue }],
})
