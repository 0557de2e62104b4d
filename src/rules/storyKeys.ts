import anyAscii from 'any-ascii'
import { createHash } from 'node:crypto'

/**
 * Keys that tell the same story arriving twice (from two agencies, or one agency under two IDs),
 * without I/O: the original's address as sites vary it, and a fingerprint of the title and the
 * opening of the body as wires vary them (case, accents, punctuation, spacing). Shared by the ingest
 * and its tests; a match flags the later copy for an editor, it never merges anything.
 */

/** Words of the body the fingerprint reads: a wire's rewrite of the ending does not hide the same story. */
const fingerprintWords = 200

// Parameters that say where a reader came from, not what they read.
const trackingParameter = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i

/** Text as words: transliterated to ASCII (any-ascii), lowercased, punctuation gone. */
const words = (text: string): string[] =>
  anyAscii(text)
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? []

/** The original's address as a key: scheme and `www.` ignored, no fragment, no tracking parameters, no trailing slash. */
export const originalUrlKey = (url: string | undefined): string | undefined => {
  if (!url) {
    return undefined
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return undefined
  }
  const kept = [...parsed.searchParams]
    .filter(([name]) => !trackingParameter.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : ''
  return `${parsed.host.replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}${query}`.slice(
    0,
    500,
  )
}

/** A fingerprint of the title and the body's first words; none when the body is too short to tell stories apart. */
export const storyFingerprint = (title: string, bodyText: string): string | undefined => {
  const body = words(bodyText).slice(0, fingerprintWords)
  if (body.length < 20) {
    return undefined
  }
  return createHash('sha256')
    .update(`${words(title).join(' ')}\n${body.join(' ')}`)
    .digest('base64url')
    .slice(0, 32)
}

/** Within this time of each other, two copies with the same fingerprint are the same story; later, a follow-up. */
export const storyWindowMs = 48 * 3_600_000

/** Why a copy is flagged as the same story as an earlier one. */
export const possibleDuplicateReasons = ['same-original-url', 'same-story'] as const
export type PossibleDuplicateReason = (typeof possibleDuplicateReasons)[number]
