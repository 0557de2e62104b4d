import type { CollectionSlug, Payload } from 'payload'

import { fetchFailure, outboundFetch } from '../limits/outboundFetch.ts'
import { recordOf } from '../utilities/values.ts'
import { signWebhookBody, webhookHeaders } from './signature.ts'

/** The log keeps the start of an error, not a receiver's whole answer. */
export const errorLength = 300

/**
 * One POST of a delivery's body (webhooks, partner pushes), signed now as the README's "Publish
 * events" says; the receiver's status, or why there was none.
 */
export const postSigned = async ({
  allowAddresses,
  body,
  deliveryID,
  event,
  secret,
  timeoutMs,
  url,
  userAgent,
}: {
  allowAddresses: readonly string[]
  body: string
  deliveryID: string
  event: string
  secret: string
  timeoutMs: number
  url: string
  userAgent: string
}): Promise<{ error: null | string; statusCode: null | number }> => {
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
          'User-Agent': userAgent,
        },
        method: 'POST',
        // A redirect is a failure to fix in the receiver's URL, never a request somewhere else.
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

/** An attempt written to a delivery log (see `deliveryLogFields`), stamped now. */
export const recordDeliveryAttempt = (
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  data: Record<string, unknown>,
) =>
  payload.update({
    id,
    collection,
    data: { ...data, lastAttemptAt: new Date().toISOString() },
    depth: 0,
    overrideAccess: true,
  })
