/**
 * What may leave the newsroom for a partner (README: "Syndicating to partners"). Pure functions,
 * shared by the partner endpoints, the admin and the tests: the query that lists a partner's items
 * and this rule must agree, and the endpoints check each item against the rule again.
 */

import type { PublishEvent } from './publishEvents.ts'

import { isEmbargoed, rightsExpired } from './publishRules.ts'

/** IPTC ninjs, 3.x (camelCase) and 2.x (lower case): what pushes carry. */
export const ninjsFormats = ['ninjs-3', 'ninjs-2'] as const
export type NinjsFormat = (typeof ninjsFormats)[number]

/** The formats a partner may take its items in: ninjs, or RSS and Atom with full content (pull only). */
export const partnerFormats = [...ninjsFormats, 'rss', 'atom'] as const
export type PartnerFormat = (typeof partnerFormats)[number]

/** Whether a format is ninjs (else a feed). */
export const isNinjsFormat = (format: string): format is NinjsFormat =>
  (ninjsFormats as readonly string[]).includes(format)

/** Which pieces a partner receives: ours only, or also syndicated ones whose licence allows redistribution. */
export const partnerOrigins = ['own', 'own-and-redistributable'] as const
export type PartnerOrigin = (typeof partnerOrigins)[number]

/** What a source's licence says of passing its items on to third parties; unsaid means forbidden. */
export const redistributionTerms = ['forbidden', 'allowed'] as const
export type RedistributionTerm = (typeof redistributionTerms)[number]

/** A partner as the rule reads it. Empty filter lists set no limit. */
export type RulePartner = {
  active?: boolean | null
  filters?: {
    languages?: null | string[]
    origin?: null | string
    sections?: null | (number | string)[]
  } | null
}

/** An article as the rule reads it; `section` is its section's ID. */
export type RulePartnerArticle = {
  _status?: null | string
  attribution?: { rightsExpireAt?: null | string } | null
  embargoUntil?: null | string
  language?: null | string
  origin?: null | string
  section?: null | number | string
  workflowState?: null | string
}

/** Why an item does not go to a partner; the first that applies. */
export type PartnerRefusal =
  'embargoed' | 'notPublished' | 'outsideFilters' | 'redistributionForbidden' | 'rightsExpired'

/**
 * Whether `article` may go to `partner` at `now`, and if not why. `redistribution` is the licence
 * term of a syndicated piece's source (anything but `allowed` forbids it: we cannot pass on what we
 * were never given). Our own pieces need no licence.
 */
export const partnerRefusalOf = (
  article: RulePartnerArticle,
  redistribution: unknown,
  partner: RulePartner,
  now: Date,
): null | PartnerRefusal => {
  if (article._status !== 'published' || article.workflowState !== 'published') {
    return 'notPublished'
  }
  if (isEmbargoed(article, now)) {
    return 'embargoed'
  }
  if (article.origin === 'syndicated') {
    if (rightsExpired({ attribution: article.attribution, origin: 'syndicated' }, now)) {
      return 'rightsExpired'
    }
    if (redistribution !== 'allowed') {
      return 'redistributionForbidden'
    }
  }
  const filters = partner.filters ?? {}
  const languages = filters.languages ?? []
  const sections = (filters.sections ?? []).map(String)
  const takesSyndicated = filters.origin === 'own-and-redistributable'
  if (
    (languages.length > 0 && !languages.includes(String(article.language))) ||
    (sections.length > 0 && !sections.includes(String(article.section))) ||
    (article.origin === 'syndicated' && !takesSyndicated)
  ) {
    return 'outsideFilters'
  }
  return null
}

/** A pull token as stored: its hash, when it ends, and whether it was revoked. */
export type RulePartnerToken = { expiresAt?: null | string; revokedAt?: null | string }

/** Why a token that was found no longer opens the feed, or null while it does. */
export const partnerTokenProblem = (
  token: RulePartnerToken,
  now: Date,
): 'expired' | 'revoked' | null => {
  if (token.revokedAt && Date.parse(token.revokedAt) <= now.getTime()) {
    return 'revoked'
  }
  const expires = Date.parse(token.expiresAt ?? '')
  // A token without a readable expiry never opens anything: every token is issued with one.
  return Number.isFinite(expires) && expires > now.getTime() ? null : 'expired'
}

/** What a partner is sent about an item: the item itself, or a kill (ninjs `pubStatus: canceled`). */
export const partnerNotices = ['item', 'kill'] as const
export type PartnerNotice = (typeof partnerNotices)[number]

/** How an item reaches a partner: it pulls it with a token, or we push it to its URL. */
export const partnerChannels = ['pull', 'push'] as const
export type PartnerChannel = (typeof partnerChannels)[number]

/** Events that take an item away from every reader, and so from every partner that has it. */
const killEvents: ReadonlySet<PublishEvent> = new Set([
  'article.deleted',
  'article.retracted',
  'article.unpublished',
])

/** Refusals that withdraw an item a partner already has; a change of its filters does not. */
const withdrawingRefusals: ReadonlySet<PartnerRefusal> = new Set([
  'embargoed',
  'notPublished',
  'redistributionForbidden',
  'rightsExpired',
])

/**
 * What a partner must be told after `event` (or after its source's licence ended, `licence.ended`):
 * a kill goes to every partner that ever received the item (`received`), whatever its filters say
 * now; the item goes to those the rule lets have it (`refusal` null). Null: nothing to tell.
 */
/** Whether a reason takes the item away from everyone (a kill), whatever else holds. */
export const isKillReason = (reason: 'licence.ended' | PublishEvent): boolean =>
  reason === 'licence.ended' || killEvents.has(reason)

export const partnerNoticeOf = ({
  event,
  received,
  refusal,
}: {
  event: 'licence.ended' | PublishEvent
  received: boolean
  refusal: null | PartnerRefusal
}): null | PartnerNotice => {
  if (isKillReason(event)) {
    return received ? 'kill' : null
  }
  if (refusal === null) {
    return 'item'
  }
  return received && withdrawingRefusals.has(refusal) ? 'kill' : null
}
