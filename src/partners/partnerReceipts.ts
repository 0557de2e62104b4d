import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'
import type { PartnerFormat, PartnerNotice } from '../rules/partnerRules.ts'

import { relationID } from '../utilities/documentValue.ts'

type Doc = Record<string, any>

/** One line of a receipt: which item, in which version, and whether it was the item or its kill. */
export type ReceiptEntry = {
  articleRef: string
  notice: PartnerNotice
  title: string
  version: string
}

/** An item as a receipt names it. */
export const receiptEntryOf = (article: Doc, version: string): ReceiptEntry => ({
  articleRef: String(article.id),
  notice: 'item',
  title: String(article.title ?? '').slice(0, 300),
  version,
})

/** The receipt of what a partner was sent: appended, never changed (see `keepAppendOnly`). */
export const recordReceipt = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  receipt: {
    channel: 'pull' | 'push'
    entries: ReceiptEntry[]
    format: PartnerFormat
    partner: number | string
  },
) =>
  req.payload.create({
    collection: options.collections.partnerReceipts.slug,
    data: {
      channel: receipt.channel,
      format: receipt.format,
      items: receipt.entries,
      partner: receipt.partner,
    },
    depth: 0,
    // Written by the system: nobody may create receipts through the API.
    overrideAccess: true,
    req,
  })

/** Every partner that was ever sent the item, by pull or push, whatever it may have now. */
export const partnersThatReceived = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  articleRef: string,
): Promise<Set<string>> => {
  const { docs } = await req.payload.find({
    collection: options.collections.partnerReceipts.slug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { partner: true },
    where: { 'items.articleRef': { equals: articleRef } },
  })
  return new Set(docs.map((receipt: Doc) => String(relationID(receipt.partner))))
}

/**
 * A partner's kill notices, oldest first: those a pull partner has not collected yet, or, for one
 * item, every kill it was ever sent (a partner asking again for a killed item is told again).
 */
export const killNotices = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  partner: number | string,
  { articleRef }: { articleRef?: string } = {},
): Promise<Doc[]> =>
  (
    await req.payload.find({
      collection: options.collections.partnerDeliveries.slug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'createdAt',
      where: {
        and: [
          { partner: { equals: partner } },
          { notice: { equals: 'kill' } },
          ...(articleRef === undefined
            ? [{ channel: { equals: 'pull' } }, { status: { equals: 'pending' } }]
            : [{ articleRef: { equals: articleRef } }]),
        ],
      },
    })
  ).docs

/** Pull kills collected by the answer just sent (others are left as they are). */
export const markCollected = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  deliveries: Doc[],
) => {
  const at = new Date().toISOString()
  const collected = deliveries.filter(
    (delivery) => delivery.channel === 'pull' && delivery.status === 'pending',
  )
  for (const delivery of collected) {
    await req.payload.update({
      id: delivery.id,
      collection: options.collections.partnerDeliveries.slug,
      data: { attempts: 1, deliveredAt: at, lastAttemptAt: at, status: 'delivered' },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}
