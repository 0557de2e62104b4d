import type { PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { relationID } from '../utilities/documentValue.ts'
import { errorLength, postSigned, recordDeliveryAttempt } from './postSigned.ts'

export const deliverWebhookTaskSlug = 'newsroomDeliverWebhook'

type Doc = Record<string, any>

/** The delivery task's input (the delivery's ID) and output (what became of it). */
type DeliverWebhookIO = {
  input: { delivery: string }
  output: { status: 'delivered' | 'failed' | 'skipped' }
}

/**
 * Delivers one publish event to one webhook, run by the jobs worker. Each attempt is logged on the
 * delivery (attempts, the receiver's status or error); a failed one throws, so the queue retries it
 * with exponential backoff until `webhooks.retries` is spent, and the log then says `failed`.
 */
export const deliverWebhookTask = (
  options: ResolvedNewsroomOptions,
): TaskConfig<DeliverWebhookIO> => ({
  slug: deliverWebhookTaskSlug,
  handler: async ({ input, req }: { input: DeliverWebhookIO['input']; req: PayloadRequest }) => {
    const { payload } = req
    const delivery: Doc | null = await payload.findByID({
      id: input.delivery,
      collection: options.collections.webhookDeliveries.slug,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
    })
    if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed') {
      return { output: { status: 'skipped' } }
    }
    const webhookID = relationID(delivery.webhook)
    const webhook: Doc | null =
      webhookID === undefined
        ? null
        : await payload.findByID({
            id: webhookID,
            collection: options.collections.webhooks.slug,
            depth: 0,
            disableErrors: true,
            overrideAccess: true,
          })
    const attempts = Number(delivery.attempts ?? 0) + 1
    if (!webhook?.active) {
      // Removed or switched off since: nothing to send, and nothing to retry.
      await recordDeliveryAttempt(
        payload,
        options.collections.webhookDeliveries.slug,
        delivery.id,
        {
          attempts,
          lastError: 'The webhook was removed or switched off.',
          status: 'failed',
        },
      )
      return { output: { status: 'failed' } }
    }

    const { error, statusCode } = await postSigned({
      allowAddresses: options.outbound.allowAddresses,
      body: JSON.stringify(delivery.body),
      deliveryID: String(delivery.body?.id ?? delivery.id),
      event: String(delivery.event),
      secret: String(webhook.secret),
      timeoutMs: options.webhooks.timeoutMs,
      url: String(webhook.url),
      userAgent: 'payload-newsroom-webhooks',
    })
    const lastTry = attempts > options.webhooks.retries
    await recordDeliveryAttempt(payload, options.collections.webhookDeliveries.slug, delivery.id, {
      attempts,
      deliveredAt: error ? null : new Date().toISOString(),
      lastError: error?.slice(0, errorLength) ?? null,
      lastStatusCode: statusCode,
      status: error ? (lastTry ? 'failed' : 'retrying') : 'delivered',
    })
    if (error) {
      throw new Error(`Webhook delivery failed: ${error}`)
    }
    return { output: { status: 'delivered' } }
  },
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: {
    attempts: options.webhooks.retries,
    backoff: { delay: options.webhooks.backoffMs, type: 'exponential' },
  },
})
