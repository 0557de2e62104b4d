import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { relationID } from '../utilities/documentValue.ts'
import { recordOf } from '../utilities/values.ts'
import { fetchFailure, outboundFetch } from '../limits/outboundFetch.ts'
import { signWebhookBody, webhookHeaders } from './signature.ts'

export const deliverWebhookTaskSlug = 'newsroomDeliverWebhook'

type Doc = Record<string, any>

/** The delivery task's input (the delivery's ID) and output (what became of it). */
type DeliverWebhookIO = {
  input: { delivery: string }
  output: { status: 'delivered' | 'failed' | 'skipped' }
}

/** The log keeps the start of an error, not a receiver's whole answer. */
const errorLength = 300

/** One POST of the delivery's body, signed now; the receiver's status, or why there was none. */
const post = async (
  url: string,
  secret: string,
  event: string,
  deliveryID: string,
  body: string,
  timeoutMs: number,
  allowAddresses: readonly string[],
) => {
  try {
    const response = await outboundFetch(
      url,
      {
        body,
        headers: {
          'Content-Type': 'application/json',
          [webhookHeaders.delivery]: deliveryID,
          [webhookHeaders.event]: event,
          [webhookHeaders.signature]: signWebhookBody(secret, body),
          'User-Agent': 'payload-newsroom-webhooks',
        },
        method: 'POST',
        // A redirect is a failure to fix in the webhook's URL, never a request somewhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      },
      allowAddresses,
    )
    await response.body?.cancel()
    return { error: response.ok ? null : `HTTP ${response.status}`, statusCode: response.status }
  } catch (error) {
    const { name } = recordOf(error)
    return {
      error: name === 'TimeoutError' ? `No answer within ${timeoutMs} ms` : fetchFailure(error),
      statusCode: null,
    }
  }
}

const recordAttempt = (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  id: number | string,
  data: Doc,
) =>
  payload.update({
    id,
    collection: options.collections.webhookDeliveries.slug,
    data: { ...data, lastAttemptAt: new Date().toISOString() },
    depth: 0,
    overrideAccess: true,
  })

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
      await recordAttempt(payload, options, delivery.id, {
        attempts,
        lastError: 'The webhook was removed or switched off.',
        status: 'failed',
      })
      return { output: { status: 'failed' } }
    }

    const { error, statusCode } = await post(
      String(webhook.url),
      String(webhook.secret),
      String(delivery.event),
      String(delivery.body?.id ?? delivery.id),
      JSON.stringify(delivery.body),
      options.webhooks.timeoutMs,
      options.outbound.allowAddresses,
    )
    const lastTry = attempts > options.webhooks.retries
    await recordAttempt(payload, options, delivery.id, {
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
