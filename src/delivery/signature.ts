import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A secret a receiver cannot guess: 32 random bytes, hex. */
export const newSigningSecret = () => randomBytes(32).toString('hex')

/** The headers of a delivery (documented in the README, "Publish events"). */
export const webhookHeaders = {
  /** The delivery's ID: the same on every retry, so a receiver can drop repeats. */
  delivery: 'Newsroom-Delivery',
  event: 'Newsroom-Event',
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>`, as Stripe signs. */
  signature: 'Newsroom-Signature',
} as const

/** Receivers refuse a signature older than this (seconds): a captured delivery cannot be replayed later. */
export const defaultSignatureTolerance = 300

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')

/** The `Newsroom-Signature` header for a body sent now. */
export const signWebhookBody = (secret: string, body: string, now = new Date()): string => {
  const timestamp = Math.floor(now.getTime() / 1000)
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`
}

/**
 * For receivers: whether `header` signs exactly `body` (the raw text, before any JSON parsing) with
 * `secret`, within `toleranceSeconds` of now. Compared in constant time; any `v1` of the header may
 * match (several while a secret is rotated).
 */
export const verifyWebhookSignature = ({
  body,
  header,
  now = new Date(),
  secret,
  toleranceSeconds = defaultSignatureTolerance,
}: {
  body: string
  header: null | string | undefined
  now?: Date
  secret: string
  toleranceSeconds?: number
}): boolean => {
  if (!header || !secret) {
    return false
  }
  const parts = header.split(',').map((part) => part.trim().split('='))
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1])
  if (
    !Number.isSafeInteger(timestamp) ||
    Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds
  ) {
    return false
  }
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex')
  return parts
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? ''))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, 'hex'), expected))
}
