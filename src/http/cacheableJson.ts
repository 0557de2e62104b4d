import type { PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { ResolvedCacheOptions } from '../types.ts'

/** Whether `If-None-Match` names this entity tag (a list, `*`, weak forms compare equal as RFC 9110 says). */
const matches = (ifNoneMatch: null | string, etag: string): boolean =>
  ifNoneMatch !== null &&
  ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })

/**
 * A JSON answer of a public read. For the public: `Cache-Control: public, s-maxage, stale-while-revalidate`
 * (so a CDN holds it; a retraction is served stale at most that long), a strong `ETag` of the body,
 * and `304 Not Modified` without a body when `If-None-Match` names it. For a signed-in user, whose
 * answer may hold drafts: `private, no-store`. `Vary` keeps the two apart in any shared cache.
 */
export const cacheableJson = (req: PayloadRequest, body: unknown, cache: ResolvedCacheOptions): Response =>
  cacheableText(req, JSON.stringify(body), 'application/json', cache)

/** `cacheableJson` for any text: RSS, Atom and sitemaps. */
export const cacheableText = (req: PayloadRequest, text: string, contentType: string, cache: ResolvedCacheOptions): Response => {
  const vary = 'Authorization, Cookie'
  if (req.user) {
    return new Response(text, { headers: { 'Cache-Control': 'private, no-store', 'Content-Type': contentType, Vary: vary } })
  }
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`
  const headers = {
    'Cache-Control': `public, max-age=0, s-maxage=${cache.sMaxAge}, stale-while-revalidate=${cache.staleWhileRevalidate}`,
    ETag: etag,
    Vary: vary,
  }
  if (matches(req.headers.get('if-none-match'), etag)) {
    return new Response(null, { headers, status: 304 })
  }
  return new Response(text, { headers: { ...headers, 'Content-Type': contentType }, status: 200 })
}

/** An error answer of a read endpoint: never cached. */
export const uncachedError = (message: string, status: number): Response =>
  Response.json({ errors: [{ message }] }, { headers: { 'Cache-Control': 'no-store' }, status })
