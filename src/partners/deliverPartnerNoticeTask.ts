import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { isNinjsFormat, type NinjsFormat } from '../rules/partnerRules.ts'
import { relationID } from '../utilities/documentValue.ts'
import { errorLength, postSigned, recordDeliveryAttempt } from '../delivery/postSigned.ts'
import {
  ninjsItemOf,
  partnerViewOf,
  killItemOf,
  readPublicArticle,
  redistributableFor,
  refusalFor,
  versionOf,
} from './partnerItems.ts'
import { publicRequest } from '../delivery/sitemaps.ts'
import { recordReceipt, receiptEntryOf } from './partnerReceipts.ts'
import { deliverPartnerNoticeTaskSlug } from './queuePartnerNotices.ts'
import type { Partner } from './partnerTokens.ts'
import { deskOf, notify, readArticlePeople } from '../notifications/notify.ts'
import { inTransaction } from '../transactions/inTransaction.ts'

type Doc = Record<string, any>

type DeliverPartnerNoticeIO = {
  input: { delivery: string }
  output: { status: 'delivered' | 'failed' | 'skipped' }
}

/** A partner's push format: the first ninjs version it takes, else ninjs 3. */
export const pushFormatOf = (partner: Doc): NinjsFormat =>
  ((partner.formats ?? []) as string[]).find(isNinjsFormat) ?? 'ninjs-3'

/**
 * A kill a partner never received leaves our retracted story live on their site: every editor is
 * told, in a transaction of its own (the failed attempt throws, which would undo it).
 */
const notifyKillUndelivered = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  delivery: Doc,
  partner: Doc,
) => {
  const req = await createLocalReq({}, payload)
  await inTransaction(req, async () => {
    const article = await readArticlePeople(req, options, delivery.articleRef)
    await notify(req, options, {
      // A deleted article is named by its title only.
      article: article ?? { title: delivery.articleTitle },
      kind: 'partner_kill_undelivered',
      note: String(partner.name ?? ''),
      recipients: await deskOf(req, options, undefined),
    })
  })
}

/**
 * Pushes one notice to one partner, run by the jobs worker, signed as webhooks are. An item is built
 * now, from what the public sees now: if the partner may no longer have it, nothing is sent (the
 * write that took it away queued a kill). Each attempt is logged on the delivery; a failed one throws,
 * so the queue retries it with the webhooks' backoff; a delivered one leaves a receipt.
 */
export const deliverPartnerNoticeTask = (
  options: ResolvedNewsroomOptions,
): TaskConfig<DeliverPartnerNoticeIO> => ({
  slug: deliverPartnerNoticeTaskSlug,
  handler: async ({
    input,
    req,
  }: {
    input: DeliverPartnerNoticeIO['input']
    req: PayloadRequest
  }) => {
    const { payload } = req
    const deliveries = options.collections.partnerDeliveries.slug
    const delivery: Doc | null = await payload.findByID({
      id: input.delivery,
      collection: deliveries,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
    })
    if (
      !delivery ||
      delivery.channel !== 'push' ||
      ['delivered', 'failed'].includes(delivery.status)
    ) {
      return { output: { status: 'skipped' } }
    }
    const partnerID = relationID(delivery.partner)
    const partner: null | Partner =
      partnerID === undefined
        ? null
        : await payload.findByID({
            id: partnerID,
            collection: options.collections.partners.slug,
            depth: 0,
            disableErrors: true,
            overrideAccess: true,
          })
    const attempts = Number(delivery.attempts ?? 0) + 1
    const give = async (reason: string) => {
      await recordDeliveryAttempt(payload, deliveries, delivery.id, {
        attempts,
        lastError: reason,
        status: 'failed',
      })
      return { output: { status: 'failed' as const } }
    }
    if (!partner?.pushUrl) {
      return give('The partner was removed, or no longer takes pushes.')
    }
    const format = pushFormatOf(partner)
    const now = new Date()
    let item: Record<string, unknown>
    let version: string
    if (delivery.notice === 'kill') {
      item = killItemOf(payload, options, format, delivery.body.kill)
      version = String(delivery.body.kill.at)
    } else {
      const publicReq = await publicRequest(req)
      const article = await readPublicArticle(publicReq, options, delivery.articleRef)
      const refused =
        article &&
        refusalFor(article, await redistributableFor(req, options, article), partner, now)
      if (!article || refused || partner.active !== true) {
        return give(
          `Not sent: the partner may no longer have this item (${refused || 'not public'}).`,
        )
      }
      item = ninjsItemOf(options, await partnerViewOf(publicReq, options, article, now), format)
      version = versionOf(article)
    }
    const body = {
      id: String(delivery.body?.id ?? delivery.id),
      item,
      reason: delivery.reason,
      type: `partner.${delivery.notice}`,
    }
    const { error, statusCode } = await postSigned({
      allowAddresses: options.outbound.allowAddresses,
      body: JSON.stringify(body),
      deliveryID: body.id,
      event: body.type,
      secret: String(partner.pushSecret),
      timeoutMs: options.webhooks.timeoutMs,
      url: String(partner.pushUrl),
      userAgent: 'payload-newsroom-partners',
    })
    const lastTry = attempts > options.webhooks.retries
    await recordDeliveryAttempt(payload, deliveries, delivery.id, {
      attempts,
      // What was sent, and the kill it was built from: a retry builds it again from that.
      body: delivery.notice === 'kill' ? { ...body, kill: delivery.body.kill } : body,
      deliveredAt: error ? null : new Date().toISOString(),
      lastError: error?.slice(0, errorLength) ?? null,
      lastStatusCode: statusCode,
      status: error ? (lastTry ? 'failed' : 'retrying') : 'delivered',
    })
    if (error) {
      if (lastTry && delivery.notice === 'kill') {
        await notifyKillUndelivered(payload, options, delivery, partner)
      }
      throw new Error(`Partner delivery failed: ${error}`)
    }
    await recordReceipt(req, options, {
      channel: 'push',
      entries: [
        {
          ...receiptEntryOf({ id: delivery.articleRef, title: delivery.articleTitle }, version),
          notice: delivery.notice,
        },
      ],
      format,
      partner: partner.id,
    })
    return { output: { status: 'delivered' } }
  },
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: {
    attempts: options.webhooks.retries,
    backoff: { delay: options.webhooks.backoffMs, type: 'exponential' },
  },
})
