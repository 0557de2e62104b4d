import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { plannedTransition } from '../workflow/enforceWorkflow.ts'
import { publishEventOf, type PublishEvent } from '../rules/publishEvents.ts'
import { partnerNoticeOf, type PartnerRefusal } from '../rules/partnerRules.ts'
import { relationID } from '../utilities/documentValue.ts'
import { type KillNotice, redistributableSources, refusalFor } from './partnerItems.ts'
import { partnersThatReceived } from './partnerReceipts.ts'
import type { Partner } from './partnerTokens.ts'

type Doc = Record<string, any>

export const deliverPartnerNoticeTaskSlug = 'newsroomDeliverPartnerNotice'

/** Why partners are told: a publish event, or the end of the source's licence to pass items on. */
export type PartnerNoticeReason = 'licence.ended' | PublishEvent

/**
 * One notice per partner that must hear of this write (see `partnerNoticeOf`), written in the
 * request's transaction like the webhooks' deliveries: a write that rolls back tells nobody, and a
 * committed kill reaches every partner that ever had the item, by a job for push partners and in the
 * next pull for the others. An item is built when it is sent, from what the public sees then.
 */
const queueNotices = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  reason: PartnerNoticeReason,
  refusalOf: (partner: Partner) => null | PartnerRefusal,
) => {
  const { docs: partners } = await req.payload.find({
    collection: options.collections.partners.slug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { active: true, filters: true, pushUrl: true },
  })
  if (partners.length === 0) {
    return
  }
  const articleRef = String(article.id)
  const received = await partnersThatReceived(req, options, articleRef)
  const at = new Date().toISOString()
  for (const partner of partners as Partner[]) {
    const notice = partnerNoticeOf({
      event: reason,
      received: received.has(String(partner.id)),
      refusal: refusalOf(partner),
    })
    // Items go to active push partners; a kill goes to everyone who had the item, even a partner
    // suspended since (it still shows what we sent it).
    const push = Boolean(partner.pushUrl)
    if (!notice || (notice === 'item' && (!push || partner.active !== true))) {
      continue
    }
    const kill: KillNotice = {
      at,
      id: article.id,
      language: article.language ?? null,
      reason,
    }
    const delivery: Doc = await req.payload.create({
      collection: options.collections.partnerDeliveries.slug,
      data: {
        articleRef,
        articleTitle: String(article.title ?? '').slice(0, 300),
        body: { id: randomUUID(), ...(notice === 'kill' ? { kill } : {}) },
        channel: push ? 'push' : 'pull',
        notice,
        partner: partner.id,
        reason,
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
}

/** After an article write: its publish event, if any, told to the partners it concerns. */
export const queuePartnerNotices =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ data, doc, operation, previousDoc, req }) => {
    const before: Doc | null = operation === 'create' ? null : previousDoc
    // The returned `doc` holds only what the caller selected: the written data completes it.
    const after: Doc = { ...before, ...data, ...doc }
    const event = publishEventOf({ action: plannedTransition(req)?.action, after, before })
    if (event) {
      const redistributable =
        after.origin === 'syndicated'
          ? await redistributableSources(req, options)
          : new Set<string>()
      const now = new Date()
      await queueNotices(req, options, after, event, (partner) =>
        refusalFor(after, redistributable, partner, now),
      )
    }
    return doc
  }

/** Deleting a published or retracted article kills it wherever it went. */
export const queuePartnerKills =
  (options: ResolvedNewsroomOptions): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const event = publishEventOf({ after: null, before: doc })
    if (event) {
      await queueNotices(req, options, doc, event, () => 'notPublished')
    }
    return doc
  }

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
      await queueNotices(req, options, article, 'licence.ended', () => 'redistributionForbidden')
    }
    return doc
  }
