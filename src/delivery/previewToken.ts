import { createHmac, timingSafeEqual } from 'node:crypto'

/** Keys this HMAC to previews, so no other token made with the same secret can pass for one. */
const purpose = 'payload-newsroom:article-preview'
const windowMs = 30 * 60 * 1000
const maxTokenLength = 400

/**
 * When a token made now expires: between 60 and 90 minutes from now, aligned to half hours, so the
 * live-preview URL Payload asks for on every autosave stays the same and the iframe is not reloaded.
 */
export const previewExpiry = (now: Date): Date =>
  new Date((Math.floor(now.getTime() / windowMs) + 3) * windowMs)

const mac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`${purpose}:${body}`).digest('base64url')

/** A token that lets its holder see the latest draft of one article until it expires: `<id>.<expiry>.<HMAC>`. */
export const createPreviewToken = (
  secret: string,
  id: number | string,
  now = new Date(),
): { expiresAt: Date; token: string } => {
  const expiresAt = previewExpiry(now)
  const body = `${Buffer.from(String(id)).toString('base64url')}.${expiresAt.getTime()}`
  return { expiresAt, token: `${body}.${mac(secret, body)}` }
}

/** The article a token names, or null when it is malformed, forged or expired. */
export const readPreviewToken = (
  secret: string,
  token: unknown,
  now = new Date(),
): null | { expiresAt: Date; id: string } => {
  if (typeof token !== 'string' || token.length > maxTokenLength) {
    return null
  }
  const [encodedID, expiry, signature, ...rest] = token.split('.')
  if (!encodedID || !expiry || !signature || rest.length > 0 || !/^\d{1,15}$/.test(expiry)) {
    return null
  }
  const expected = Buffer.from(mac(secret, `${encodedID}.${expiry}`))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null
  }
  const expiresAt = new Date(Number(expiry))
  if (expiresAt.getTime() <= now.getTime()) {
    return null
  }
  const id = Buffer.from(encodedID, 'base64url').toString()
  return id ? { expiresAt, id } : null
}
