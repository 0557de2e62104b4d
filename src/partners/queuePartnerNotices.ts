import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'

import { randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { onPublishEvent } from '../workflow/onPublishEvent.ts'
import type { PublishEvent } from '../rules/publishEvents.ts'
import { isKillReason, partnerNoticeOf } from '../rules/partnerRules.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import { relationID } from '../utilities/documentValue.ts'
import {
  type KillNotice,
  readPublicArticle,
  redistributableFor,
  refusalFor,
} from './partnerItems.ts'
import { publicRequest } from '../delivery/sitemaps.ts'
import { partnersThatReceived } from './partnerReceipts.ts'
import type { Partner } from './partnerTokens.ts'

type Doc = Record<string, any>

export const deliverPartnerNoticeTaskSlug = 'newsroomDeliverPartnerNotice'
export const fanOutPartnerNoticesTaskSlug = 'newsroomFanOutPartnerNotices'

/** Why partners are told: a publish event, or the end of the source's licence to pass items on. */
export type PartnerNoticeReason = 'licence.ended' | PublishEvent

/** What the fan-out job is told of a write: which item, why, and what a kill must name. */
export type FanOutInput = {
  articleRef: string
  /** When the write happened: a kill's version. */
  at: string
  language: string
  reason: PartnerNoticeReason
  title: string
}

/**
 * After a write partners may need to hear of: one job, queued in the write's own transaction (a
 * write that rolls back tells nobody; a committed one is told to everyone it concerns, however the
 * request ends). Nothing at all while the newsroom has no partner.
 */
const queueFanOut = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  reason: PartnerNoticeReason,
) => {
  const { totalDocs } = await req.payload.count({
    collection: options.collections.partners.slug,
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) {
    return
  }
  const input: FanOutInput = {
    articleRef: String(article.id),
    at: new Date().toISOString(),
    language: String(article.language ?? ''),
    reason,
    title: String(article.title ?? '').slice(0, 300),
  }
  await req.payload.jobs.queue({
    input,
    queue: options.webhooks.queue,
    req,
    task: fanOutPartnerNoticesTaskSlug,
  })
}

/**
 * One notice per partner that must hear of a write (see `partnerNoticeOf`), all or none: items to
 * active push partners the rule lets have the item as the public sees it now, and a kill to every
 * partner that ever received it, by a job for push partners and in the next pull for the others.
 * Run by the fan-out job, so a publish costs one job however many partners there are.
 */
export const fanOutPartnerNotices = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  input: FanOutInput,
) => {
  const kill = isKillReason(input.reason)
  const now = new Date()
  // An item is told as the public sees it now; if it is no longer public, the write that took it
  // away queued its own kill.
  const current = kill
    ? null
    : await readPublicArticle(await publicRequest(req), options, input.articleRef)
  if (!kill && !current) {
    return
  }
  const redistributable = current
    ? await redistributableFor(req, options, current)
    : new Set<string>()
  await inTransaction(req, async () => {
    const { docs: partners } = await req.payload.find({
      collection: options.collections.partners.slug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { active: true, filters: true, pushUrl: true },
    })
    const received = await partnersThatReceived(req, options, input.articleRef)
    for (const partner of partners as Partner[]) {
      const notice = partnerNoticeOf({
        event: input.reason,
        received: received.has(String(partner.id)),
        refusal: current ? refusalFor(current, redistributable, partner, now) : 'notPublished',
      })
      // Items go to active push partners; a kill goes to everyone who had the item, even a partner
      // suspended since (it still shows what we sent it).
      const push = Boolean(partner.pushUrl)
      if (!notice || (notice === 'item' && (!push || partner.active !== true))) {
        continue
      }
      const killNotice: KillNotice = {
        at: input.at,
        id: input.articleRef,
        language: input.language || null,
        reason: input.reason,
      }
      const delivery: Doc = await req.payload.create({
        collection: options.collections.partnerDeliveries.slug,
        data: {
          articleRef: input.articleRef,
          articleTitle: input.title,
          body: { id: randomUUID(), ...(notice === 'kill' ? { kill: killNotice } : {}) },
          channel: push ? 'push' : 'pull',
          notice,
          partner: partner.id,
          reason: input.reason,
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (push) {
        await req.payload.jobs.queue({
          input: { delivery: String(delivery.id) },
          queue: options.webhooks.queue,
          req,
          task: deliverPartnerNoticeTaskSlug,
        })
      }
    }
  })
}

/** After an article write, and after deleting a public article: its publish event, told to the partners it concerns. */
export const queuePartnerNotices = (options: ResolvedNewsroomOptions) =>
  onPublishEvent((req, event, article) => queueFanOut(req, options, article, event))

/** Receipts are searched for this many items at a time. */
const receiptLookupBatch = 500

/**
 * A source whose licence stops allowing redistribution: each of its items that partners received
 * is killed at every one of them (the others are looked up in batches, and left alone).
 */
export const queueLicenceEndKills =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const allowed = (source: Doc | undefined) => source?.licence?.redistribution === 'allowed'
    if (operation !== 'update' || !allowed(previousDoc) || allowed(doc)) {
      return doc
    }
    const { docs: articles } = await req.payload.find({
      collection: options.collections.articles.slug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { language: true, title: true },
      where: {
        and: [
          { origin: { equals: 'syndicated' } },
          { 'attribution.source': { equals: relationID(doc.id) } },
        ],
      },
    })
    const sent = new Set<string>()
    for (let start = 0; start < articles.length; start += receiptLookupBatch) {
      const batch = articles.slice(start, start + receiptLookupBatch).map((a) => String(a.id))
      const { docs: receipts } = await req.payload.find({
        collection: options.collections.partnerReceipts.slug,
        depth: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: { items: true },
        where: { 'items.articleRef': { in: batch } },
      })
      for (const receipt of receipts as Doc[]) {
        for (const item of receipt.items ?? []) sent.add(String(item.articleRef))
      }
    }
    for (const article of articles.filter((candidate) => sent.has(String(candidate.id)))) {
      await queueFanOut(req, options, article, 'licence.ended')
    }
    return doc
  }

/** The job that fans a write out to the partners (see `fanOutPartnerNotices`), retried like deliveries. */
export const fanOutPartnerNoticesTask = (
  options: ResolvedNewsroomOptions,
): TaskConfig<{ input: FanOutInput; output: object }> => ({
  slug: fanOutPartnerNoticesTaskSlug,
  handler: async ({ input, req }: { input: FanOutInput; req: PayloadRequest }) => {
    await fanOutPartnerNotices(req, options, input)
    return { output: {} }
  },
  inputSchema: [
    { name: 'articleRef', type: 'text', required: true },
    { name: 'at', type: 'text', required: true },
    { name: 'language', type: 'text' },
    { name: 'reason', type: 'text', required: true },
    { name: 'title', type: 'text' },
  ],
  retries: {
    attempts: options.webhooks.retries,
    backoff: { delay: options.webhooks.backoffMs, type: 'exponential' },
  },
})
