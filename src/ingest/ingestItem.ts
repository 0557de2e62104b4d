import { createHash } from 'node:crypto'

/**
 * An image the item refers to (ninjs `associations`, RSS enclosures and Media RSS, Atom enclosure
 * links, JSON Feed `image` and attachments): recorded by its remote URL with its credit and rights,
 * not downloaded (README: "Images from syndication").
 */
export type IngestImage = {
  alt?: string
  caption?: string
  copyrightNotice?: string
  credit?: string
  height?: number
  licence?: string
  mimeType?: string
  rightsExpireAt?: string
  url: string
  usageTerms?: string
  width?: number
}

/**
 * One third-party item, whatever it arrived as (IPTC ninjs, our plain JSON, RSS, Atom, JSON Feed):
 * what the ingest turns into a syndicated article. Every string is as the source sent it; the ingest
 * checks and sanitises them on the way in.
 */
export type IngestItem = {
  authors: string[]
  /** Rich text as HTML (sanitised, then converted to Lexical) or Markdown. */
  body?: { format: 'html' | 'markdown'; text: string }
  /** The feed's categories or the ninjs subjects (names and codes), matched to our sections. */
  categories: string[]
  copyrightHolder?: string
  copyrightNotice?: string
  /** Not to be published before then (ninjs `embargoed`): written, and scheduled or held in review. */
  embargoedUntil?: string
  /** The source says the item is no longer publishable after then (ninjs and AP `expires`); the source's `expiresPolicy` decides what it means. */
  expiresAt?: string
  /** Its images, the first one the featured image (absent when it has none, so older fingerprints hold). */
  images?: IngestImage[]
  /** The source withdrew the item (ninjs `pubstatus: canceled` or `withheld`, our `killed`). */
  killed: boolean
  /** The agency's note, shown to readers when a killed item retracts our copy. */
  killNote?: string
  language?: string
  licence?: string
  publishedAt?: string
  /** Our rights to show it end then (the item's rights information; else the source's licence duration). */
  rightsExpireAt?: string
  /** The source asks for a summary (left pending for the summary job). */
  requestSummary?: boolean
  sourceItemId: string
  standfirst?: string
  title: string
  updatedAt?: string
  url?: string
  usageTerms?: string
  /** The source's version of the item: a newer one updates our copy, an older one is ignored. */
  version?: string
}

/** Why one item of a batch could not be read; the rest of the batch still goes in. */
export type IngestItemError = { itemId: null | string; path: string; reason: string }

/**
 * What the ingest changed to keep an item it could not take as sent: a value left out, a text cut,
 * markup the body cannot hold made into what it can. Counted by kind on the run.
 */
export const ingestWarningKinds = [
  'date-left-out',
  'standfirst-cut',
  'quote-flattened',
  'list-flattened',
  'table-flattened',
  'link-made-absolute',
  'link-dropped',
] as const
export type IngestWarningKind = (typeof ingestWarningKinds)[number]
export type IngestWarning = { detail?: string; kind: IngestWarningKind; path: string }

export type NormalisedItem =
  | { error: IngestItemError; item?: undefined; warnings?: undefined }
  | { error?: undefined; item: IngestItem; warnings?: IngestWarning[] }

/** A stable digest of what the source sent: the same item twice writes nothing the second time. */
export const ingestFingerprint = (item: IngestItem): string =>
  createHash('sha256')
    .update(JSON.stringify(inKeyOrder(item)))
    .digest('base64url')
    .slice(0, 32)

/** Objects with their keys sorted, at every depth: the digest depends on the values, not on their order. */
const inKeyOrder = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(inKeyOrder)
  }
  if (typeof value !== 'object' || value === null) {
    return value
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, entry]) => [key, inKeyOrder(entry)]),
  )
}
