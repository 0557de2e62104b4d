import type { PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { readContentRevision } from '../transactions/writeLocks.ts'
import { nextTimedChange } from './nextTimedChange.ts'

/**
 * A built answer: its text, type and headers of its own (an article's text-and-data-mining
 * reservation), a permanent redirect (a page that moved, see `findMovedArticle`), or null for
 * "not found".
 */
export type CacheableAnswer =
  | { contentType: string; headers?: Record<string, string>; text: string }
  | { location: string }
  | null

export const jsonAnswer = (body: unknown, headers?: Record<string, string>): CacheableAnswer => ({
  contentType: 'application/json',
  headers,
  text: JSON.stringify(body),
})

export const redirectAnswer = (location: string): CacheableAnswer => ({ location })

const vary = 'Authorization, Cookie'

/** The answer as a response with these headers: 301 for a redirect, 200 with its body otherwise. */
const respond = (
  answer: Exclude<CacheableAnswer, null>,
  headers: Record<string, string>,
): Response =>
  'location' in answer
    ? new Response(null, { headers: { ...headers, Location: answer.location }, status: 301 })
    : new Response(answer.text, {
        headers: { ...headers, ...answer.headers, 'Content-Type': answer.contentType },
        status: 200,
      })

/** What the tag of an answer built while a write committed hashes: its body, or where it points. */
const answerText = (answer: Exclude<CacheableAnswer, null>): string =>
  'location' in answer ? `location ${answer.location}` : answer.text

/** Whether `If-None-Match` names this entity tag (a list, `*`, weak forms compare equal as RFC 9110 says). */
const matches = (ifNoneMatch: null | string, etag: string): boolean =>
  ifNoneMatch !== null &&
  ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })

const entityTag = (...parts: string[]) =>
  `"${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32)}"`

/** What else shapes every answer: the plugin's frontend options and languages (functions by their source). */
const fingerprints = new WeakMap<ResolvedNewsroomOptions, string>()
const optionsFingerprint = (options: ResolvedNewsroomOptions): string => {
  let fingerprint = fingerprints.get(options)
  if (fingerprint === undefined) {
    fingerprint = JSON.stringify(
      { frontend: options.frontend, languages: options.languages },
      (_key, value: unknown) => (typeof value === 'function' ? value.toString() : value),
    )
    fingerprints.set(options, fingerprint)
  }
  return fingerprint
}

/** An error answer of a read endpoint: never cached. */
export const uncachedError = (message: string, status: number): Response =>
  Response.json({ errors: [{ message }] }, { headers: { 'Cache-Control': 'no-store' }, status })

/**
 * A public read a CDN may hold. For the public: `Cache-Control: public, s-maxage, stale-while-revalidate`
 * (a retraction is served stale at most that long) and a strong `ETag` derived from what the answer
 * depends on: the content's committed revision (renewed by every content write, see `writeLocks`),
 * the next instant at which it changes with time alone (see `nextTimedChange`: a pin's end, not the
 * current minute), the URL and the plugin's options. So `If-None-Match` is answered 304
 * after one read of the revision, without building the answer. Should a write commit while the
 * answer is built, the tag is the answer's own hash instead. For a signed-in user, whose answer may
 * hold drafts: `private, no-store`. `Vary` keeps the two apart in any shared cache. `build` gets the
 * revision it answers for (null for a signed-in user), for reads that reuse what it loaded before.
 */
export const cacheableRead = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  build: (now: Date, revision: null | string) => Promise<CacheableAnswer>,
): Promise<Response> => {
  if (req.user) {
    const answer = await build(new Date(), null)
    if (!answer) {
      return uncachedError(req.t('error:notFound'), 404)
    }
    return respond(answer, { 'Cache-Control': 'private, no-store', Vary: vary })
  }
  const now = new Date()
  const revision = await readContentRevision(req.payload, options)
  const dependencyTag = revision
    ? entityTag(
        revision,
        String(await nextTimedChange(req.payload, options, revision, now)),
        String(req.url),
        optionsFingerprint(options),
      )
    : null
  const { sMaxAge, staleWhileRevalidate } = options.frontend.cache
  const headers = {
    'Cache-Control': `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`,
    Vary: vary,
  }
  const ifNoneMatch = req.headers.get('if-none-match')
  if (dependencyTag && matches(ifNoneMatch, dependencyTag)) {
    return new Response(null, { headers: { ...headers, ETag: dependencyTag }, status: 304 })
  }
  const answer = await build(now, revision)
  if (!answer) {
    return uncachedError(req.t('error:notFound'), 404)
  }
  const unchanged =
    dependencyTag !== null && (await readContentRevision(req.payload, options)) === revision
  const etag = unchanged ? dependencyTag : entityTag(answerText(answer))
  if (!unchanged && matches(ifNoneMatch, etag)) {
    return new Response(null, { headers: { ...headers, ETag: etag }, status: 304 })
  }
  return respond(answer, { ...headers, ETag: etag })
}
