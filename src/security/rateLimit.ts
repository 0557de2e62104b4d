import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { translate } from '../translations/index'

export type RateLimitWindow = { max: number; windowMs: number }

/**
 * Counts requests per client in fixed windows, in this process's memory: right for one app instance.
 * Several instances behind a load balancer each count their own share, so a deployment with more than
 * one limits at its proxy or CDN, or with a shared store (README: "Request limits").
 */
export const createRateLimiter = ({ max, windowMs }: RateLimitWindow) => {
  const windows = new Map<string, { count: number; resetsAt: number }>()
  return (key: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } => {
    if (windows.size > 50_000) {
      for (const [entry, window] of windows) if (window.resetsAt <= now) windows.delete(entry)
    }
    const window = windows.get(key)
    if (!window || window.resetsAt <= now) {
      windows.set(key, { count: 1, resetsAt: now + windowMs })
      return { allowed: true, retryAfterSeconds: 0 }
    }
    window.count += 1
    return { allowed: window.count <= max, retryAfterSeconds: Math.ceil((window.resetsAt - now) / 1000) }
  }
}

/**
 * Who is asking: the address the nearest trusted hop saw. `x-forwarded-for` lists addresses from the
 * client to the last proxy; each proxy appends the one it received from, so only the entries added by
 * our own proxies are trustworthy: with `trustedProxies` hops in front of the app, that is the one
 * `trustedProxies` places from the right. Anything a client writes further left is ignored.
 */
export const clientAddress = (req: PayloadRequest, trustedProxies: number): string => {
  const forwarded = (req.headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  if (trustedProxies > 0 && forwarded.length >= trustedProxies) return forwarded[forwarded.length - trustedProxies]
  return req.headers.get('x-real-ip')?.trim() || 'unknown-client'
}

/** Counts the request; past the limit, a 429 with Retry-After (Payload adds `req.responseHeaders` to error answers). */
export const enforceRateLimit = (req: PayloadRequest, limiter: ReturnType<typeof createRateLimiter>, key: string) => {
  const { allowed, retryAfterSeconds } = limiter(key)
  if (!allowed) {
    req.responseHeaders = new Headers({ 'Retry-After': String(retryAfterSeconds) })
    throw new APIError(translate(req.t, 'rateLimited', { seconds: retryAfterSeconds }), 429, undefined, true)
  }
}
