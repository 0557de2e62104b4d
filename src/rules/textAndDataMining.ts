/**
 * Text and data mining (TDM) and AI training: whether an article's rights are reserved (the EU's
 * DSM directive, art. 4, lets a rights holder opt out "in a machine-readable way"), and how that is
 * said: W3C's TDMRep (an HTTP header, a `<meta>`, `/.well-known/tdmrep.json`) and robots.txt rules
 * for AI crawlers. Pure functions, shared by the endpoints, the reference app and the tests.
 */

import type { ResolvedTextAndDataMining } from '../types.ts'

/** What a source's licence says of mining its items: `reserved` unless it says they may be mined. */
export const textAndDataMiningTerms = ['reserved', 'allowed'] as const
export type TextAndDataMiningTerm = (typeof textAndDataMiningTerms)[number]

/**
 * Crawlers that gather text for AI models (by their operators' published user-agent tokens), told
 * by robots.txt to keep off reserved content. Search crawlers are not among them.
 */
export const defaultAiCrawlers = [
  'GPTBot',
  'ClaudeBot',
  'anthropic-ai',
  'Google-Extended',
  'Applebot-Extended',
  'CCBot',
  'PerplexityBot',
  'Bytespider',
  'meta-externalagent',
  'Amazonbot',
  'cohere-ai',
] as const

/** Whether an article may be mined, and the policy that says on which terms. */
export type TextAndDataMiningReservation = { policyUrl: null | string; reserved: boolean }

/**
 * An article's reservation. Ours follows the publisher; a syndicated one follows its source's licence,
 * and is reserved unless that licence says otherwise (an unknown or unreadable source is reserved:
 * we cannot grant what we were never given). A syndicated piece names no policy of ours.
 */
export const textAndDataMiningReservationOf = (
  article: { origin?: unknown },
  sourceTerm: unknown,
  publisher: ResolvedTextAndDataMining,
): TextAndDataMiningReservation =>
  article.origin === 'syndicated'
    ? { policyUrl: null, reserved: sourceTerm !== 'allowed' }
    : { policyUrl: publisher.reserved ? publisher.policyUrl : null, reserved: publisher.reserved }

/** TDMRep's HTTP headers for an answer about one article. */
export const textAndDataMiningHeaders = ({
  policyUrl,
  reserved,
}: TextAndDataMiningReservation): Record<string, string> => ({
  'tdm-reservation': reserved ? '1' : '0',
  ...(policyUrl ? { 'tdm-policy': policyUrl } : {}),
})

/** One rule of `/.well-known/tdmrep.json`: a path pattern (`*` any characters) and its reservation. */
export type TextAndDataMiningRule = { location: string; reservation: TextAndDataMiningReservation }

/**
 * `/.well-known/tdmrep.json` (TDMRep, W3C community group report): rules in order, the first whose
 * location matches applies, so the exceptions come before the wildcards they are exceptions to.
 */
export const tdmrepJson = (rules: readonly TextAndDataMiningRule[]) =>
  rules.map(({ location, reservation }) => ({
    location,
    'tdm-reservation': reservation.reserved ? 1 : 0,
    ...(reservation.policyUrl ? { 'tdm-policy': reservation.policyUrl } : {}),
  }))

/** A path on one robots.txt line: nothing that could start a line of its own. */
const oneLine = (path: string) => path.replace(/[\r\n]+/g, '')

/**
 * A pattern of `tdmrep.json` as robots.txt says it. robots.txt rules match prefixes and the longest
 * match wins (RFC 9309), so a path named alone is anchored with `$`, and a trailing `*` is dropped.
 */
const robotsPattern = (location: string) =>
  oneLine(location.endsWith('*') ? location.slice(0, -1) : `${location}$`)

/**
 * robots.txt: every crawler may read the site (and finds the sitemaps); each AI crawler is kept off
 * the reserved locations and let onto the allowed exceptions among them. Longest match wins, so an
 * article named alone outranks its language's wildcard.
 */
export const robotsTxt = ({
  crawlers,
  rules,
  sitemaps,
}: {
  crawlers: readonly string[]
  rules: readonly TextAndDataMiningRule[]
  sitemaps: readonly string[]
}): string => {
  const lines = rules.map(
    ({ location, reservation }) =>
      `${reservation.reserved ? 'Disallow' : 'Allow'}: ${robotsPattern(location)}`,
  )
  const aiGroup =
    crawlers.length > 0 && rules.some((rule) => rule.reservation.reserved)
      ? [...crawlers.map((crawler) => `User-agent: ${oneLine(crawler)}`), ...lines, '']
      : []
  return [
    ...aiGroup,
    'User-agent: *',
    'Allow: /',
    '',
    ...sitemaps.map((url) => `Sitemap: ${oneLine(url)}`),
    '',
  ].join('\n')
}
