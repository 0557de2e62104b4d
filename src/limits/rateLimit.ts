import type { PayloadRequest } from 'payload'

import { translate } from '../translations/index.ts'
import { refusal } from '../utilities/refusal.ts'

export type RateLimitWindow = { max: number; windowMs: number }

/** Clients one limiter remembers at most; past it, the oldest windows are forgotten first. */
export const maxTrackedClients = 100_000

/**
 * Counts requests per client in fixed windows (a client's window starts with its first request and
 * lasts `windowMs`), in this process's memory: right for one app instance. Several instances behind a
 * load balancer each count their own share, so a deployment with more than one limits at its proxy or
 * CDN, or with a shared store (README: "Request limits and account safety").
 *
 * Memory is bounded: windows are kept in the order they opened, expired ones are dropped from the
 * front as new ones open, and at most `maxClients` are kept (a flood of made-up client keys forgets the
 * oldest windows instead of growing without end).
 */
export const createRateLimiter = (
  { max, windowMs }: RateLimitWindow,
  maxClients = maxTrackedClients,
) => {
  const windows = new Map<string, { count: number; resetsAt: number }>()
  return (key: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } => {
    const window = windows.get(key)
    if (window && window.resetsAt > now) {
      window.count += 1
      return {
        allowed: window.count <= max,
        retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1000)),
      }
    }
    // A new window goes to the end, so the map stays ordered by expiry (every window is `windowMs` long).
    windows.delete(key)
    for (const [oldest, { resetsAt }] of windows) {
      if (resetsAt > now && windows.size < maxClients) {
        break
      }
      windows.delete(oldest)
    }
    windows.set(key, { count: 1, resetsAt: now + windowMs })
    return { allowed: max >= 1, retryAfterSeconds: Math.max(1, Math.ceil(windowMs / 1000)) }
  }
}

/** The key of every client whose address the app cannot know: they share one window. */
export const unknownClient = 'unknown-client'

/**
 * Who is asking: the address the nearest trusted proxy saw. `x-forwarded-for` lists addresses from the
 * client to the last proxy, each proxy appending the address it received the request from, so only the
 * entries our own proxies added can be trusted: with `trustedProxies` proxies in front of the app, the
 * one `trustedProxies` places from the right. Whatever a client writes further left is ignored (taking
 * the first entry would let every request pick its own bucket). Without that many entries (no proxy, or
 * fewer than configured), or with `trustedProxies` 0, the client is unknown: all such requests share one
 * key. `x-real-ip` and the like are not read: any client can send them.
 *
 * Next.js's own server adds `x-forwarded-for` only when the request has none, so an app reached
 * directly, without a proxy, cannot tell clients apart by this header: set `trustedProxies: 0` there (one
 * shared window) or give your own `clientKey`.
 */
export const clientAddress = (
  req: Pick<PayloadRequest, 'headers'>,
  trustedProxies: number,
): string => {
  if (!(trustedProxies > 0)) {
    return unknownClient
  }
  const forwarded = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return forwarded.length >= trustedProxies
    ? forwarded[forwarded.length - trustedProxies]
    : unknownClient
}

/**
 * Counts the request; past the limit, a 429 with `Retry-After` (Payload merges `req.responseHeaders`
 * into its answers, error answers included, on REST and GraphQL).
 */
export const enforceRateLimit = (
  req: PayloadRequest,
  limiter: ReturnType<typeof createRateLimiter>,
  key: string,
) => {
  const { allowed, retryAfterSeconds } = limiter(key)
  if (!allowed) {
    const headers = req.responseHeaders ?? new Headers()
    headers.set('Retry-After', String(retryAfterSeconds))
    req.responseHeaders = headers
    throw refusal(translate(req.t, 'rateLimited', { seconds: retryAfterSeconds }), 429)
  }
}
