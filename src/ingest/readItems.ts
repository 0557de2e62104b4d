import { parseFeed } from 'feedsmith'

import type { IngestImage, IngestItem, IngestItemError, NormalisedItem } from './ingestItem.ts'

import { imageMimeTypes } from '../rules/imageRules.ts'

/**
 * Reading what a source sends into `IngestItem`s, free of I/O: IPTC ninjs (1.x flat names and 2.x
 * arrays), our plain JSON shape, and RSS 2.0, Atom and JSON Feed through `feedsmith`. A value of
 * the wrong type is an error naming its path; an item without an ID or a title is refused.
 */

export const ingestFormats = ['ninjs', 'newsroom'] as const
export type IngestFormat = (typeof ingestFormats)[number]
export const feedFormats = ['rss', 'atom', 'json-feed', 'ninjs'] as const
export type FeedFormat = (typeof feedFormats)[number]

type Raw = Record<string, unknown>

class ItemReadError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason)
  }
}

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A string field: absent, or a string (trimmed; empty counts as absent). */
const optionalText = (raw: Raw, key: string, path = key): string | undefined => {
  const value = raw[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new ItemReadError(path, 'must be a string')
  return value.trim() || undefined
}

const optionalDate = (value: unknown, path: string): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined
  const date = typeof value === 'string' ? new Date(value) : undefined
  if (!date || Number.isNaN(date.getTime())) throw new ItemReadError(path, 'is not a date')
  return date.toISOString()
}

const firstText = (...values: unknown[]): string | undefined =>
  values.find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim()

/** The first value of a ninjs 2.x array of `{ value, role }` (the one with `role` if present). */
const ninjsValue = (list: unknown, role?: string): string | undefined => {
  if (!Array.isArray(list)) return undefined
  const entries = list.filter(isRecord)
  const chosen = (role && entries.find((entry) => entry.role === role)) || entries[0]
  return firstText(chosen?.value)
}

const names = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list
    .map((entry) => (typeof entry === 'string' ? entry : isRecord(entry) ? firstText(entry.name, entry.value) : undefined))
    .filter((entry): entry is string => Boolean(entry?.trim()))
    .map((entry) => entry.trim())
}

/** "fr-FR", "FR" → "fr": articles are written in a language, not a locale. */
export const primaryLanguage = (value: string | undefined): string | undefined =>
  value ? value.trim().split(/[-_]/)[0]?.toLowerCase() || undefined : undefined

const webUrl = (value: unknown): string | undefined => {
  const text = firstText(value)
  return text && /^https?:\/\//i.test(text) ? text : undefined
}

const pixels = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() ? Number(value) : value
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= 100_000 ? number : undefined
}

/** URLs longer than this are not an image address but an attack or a data blob. */
const maxImageUrlLength = 2_000

/** An image type we publish, or none said; SVG (which can carry script) never, whatever its claim. */
const publishableImage = (image: IngestImage): boolean =>
  image.url.length <= maxImageUrlLength &&
  (!image.mimeType || imageMimeTypes.includes(image.mimeType.toLowerCase())) && !/\.svgz?$/i.test(new URL(image.url).pathname)

/** The item's images with a web URL and a type we publish, each URL once, in the source's order; absent when none. */
const itemImages = (candidates: (IngestImage | undefined)[]): IngestImage[] | undefined => {
  const seen = new Set<string>()
  const images = candidates.filter((image): image is IngestImage => {
    if (!image || seen.has(image.url) || !publishableImage(image)) return false
    seen.add(image.url)
    return true
  })
  return images.length ? images : undefined
}

const required = (item: Partial<IngestItem>): IngestItem => {
  if (!item.sourceItemId) throw new ItemReadError('id', 'is required')
  if (!item.title) throw new ItemReadError('title', 'is required')
  return item as IngestItem
}

const guarded = (itemId: (raw: unknown) => null | string, read: (raw: Raw) => IngestItem) => (raw: unknown): NormalisedItem => {
  if (!isRecord(raw)) return { error: { itemId: null, path: 'item', reason: 'must be an object' } }
  try {
    return { item: read(raw) }
  } catch (error) {
    if (!(error instanceof ItemReadError)) throw error
    return { error: { itemId: itemId(raw), path: error.path, reason: error.message } }
  }
}

const stringID = (...values: unknown[]): null | string =>
  firstText(...values.map((value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))) ?? null

/** ninjs `rightsinfo`: an object (1.x) or a list of them (2.x), holding the rights statements. */
const ninjsRights = (raw: Raw) => {
  const rights = Array.isArray(raw.rightsinfo) ? raw.rightsinfo.find(isRecord) : isRecord(raw.rightsinfo) ? raw.rightsinfo : undefined
  return {
    copyrightHolder: firstText(raw.copyrightholder, rights?.copyrightholder),
    copyrightNotice: firstText(raw.copyrightnotice, rights?.copyrightnotice),
    licence: firstText(rights?.linkedrights, rights?.encodedrights, raw.license),
    usageTerms: firstText(raw.usageterms, rights?.usageterms),
  }
}

/** A ninjs picture's largest rendition with a web URL (2.x: a list; 1.x: an object by name), else its `uri`. */
const ninjsRendition = (association: Raw): Pick<IngestImage, 'height' | 'mimeType' | 'url' | 'width'> | undefined => {
  const renditions = Array.isArray(association.renditions)
    ? association.renditions.filter(isRecord)
    : isRecord(association.renditions)
      ? Object.values(association.renditions).filter(isRecord)
      : []
  const largest = renditions.filter((rendition) => webUrl(rendition.href)).sort((a, b) => (pixels(b.width) ?? 0) - (pixels(a.width) ?? 0))[0]
  if (largest) {
    return { height: pixels(largest.height), mimeType: firstText(largest.contenttype, largest.mimetype), url: webUrl(largest.href)!, width: pixels(largest.width) }
  }
  const uri = webUrl(association.uri)
  return uri ? { mimeType: firstText(association.mimetype), url: uri } : undefined
}

/** ninjs `associations` of type picture or graphic, with their descriptions, credit and rights. */
const ninjsImages = (raw: Raw): IngestImage[] | undefined => {
  const associations = Array.isArray(raw.associations) ? raw.associations : isRecord(raw.associations) ? Object.values(raw.associations) : []
  return itemImages(
    associations.filter(isRecord).map((association) => {
      if (association.type !== undefined && association.type !== 'picture' && association.type !== 'graphic') return undefined
      const rendition = ninjsRendition(association)
      if (!rendition) return undefined
      const { copyrightHolder, ...rights } = ninjsRights(association)
      return {
        ...rendition,
        ...rights,
        alt: firstText(association.description_text, ninjsValue(association.descriptions, 'alt'), association.headline, ninjsValue(association.headlines)),
        caption: firstText(association.body_text, ninjsValue(association.descriptions, 'caption')),
        credit: firstText(association.creditline, names(association.by ?? association.byline).join(', '), copyrightHolder),
      }
    }),
  )
}

/** IPTC ninjs 1.x (`headline`, `body_html`, `subject`) and 2.x (`headlines`, `bodies`, `subjects`). */
export const readNinjsItem = guarded(
  (raw) => stringID(isRecord(raw) ? raw.uri : undefined, isRecord(raw) ? raw.guid : undefined),
  (raw) => {
    optionalText(raw, 'headline', 'title')
    optionalText(raw, 'body_html', 'body')
    const pubstatus = optionalText(raw, 'pubstatus')
    const html = firstText(raw.body_html, ninjsValue(raw.bodies, 'main'))
    const links = Array.isArray(raw.links) ? raw.links.filter(isRecord) : []
    const canonical = links.find((link) => link.rel === 'canonical' || link.rel === 'self') ?? links[0]
    const subjects = [...(Array.isArray(raw.subject) ? raw.subject : []), ...(Array.isArray(raw.subjects) ? raw.subjects : [])].filter(isRecord)
    return required({
      authors: names(raw.by ?? raw.byline).flatMap((value) => value.split(/\s*(?:,|;| and | et )\s*/)).filter(Boolean),
      body: html ? { format: 'html', text: html } : undefined,
      categories: subjects.flatMap((subject) => [subject.name, subject.code].filter((value): value is string => typeof value === 'string')),
      ...ninjsRights(raw),
      embargoedUntil: optionalDate(raw.embargoed, 'embargoed'),
      images: ninjsImages(raw),
      killed: pubstatus === 'canceled' || pubstatus === 'withheld',
      killNote: firstText(raw.ednote, ninjsValue(raw.descriptions, 'ednote')),
      language: primaryLanguage(optionalText(raw, 'language')),
      publishedAt: optionalDate(raw.firstcreated, 'firstcreated') ?? optionalDate(raw.versioncreated, 'versioncreated'),
      sourceItemId: stringID(raw.uri, raw.guid) ?? undefined,
      standfirst: firstText(raw.description_text, raw.subheadline, ninjsValue(raw.descriptions, 'summary'), ninjsValue(raw.subheadlines)),
      title: firstText(raw.headline, ninjsValue(raw.headlines)),
      updatedAt: optionalDate(raw.versioncreated, 'versioncreated'),
      url: webUrl(canonical?.href) ?? webUrl(raw.uri),
      version: firstText(typeof raw.version === 'number' ? String(raw.version) : raw.version, raw.versioncreated),
    } as IngestItem)
  },
)

const plainImageTexts = ['alt', 'caption', 'copyrightNotice', 'credit', 'licence', 'mimeType', 'usageTerms'] as const

/** Our plain shape's `images`: a list of `{ url, alt, caption, credit, … }`, each value of its type. */
const plainImages = (value: unknown): IngestImage[] | undefined => {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw new ItemReadError('images', 'must be a list of images')
  return itemImages(
    value.map((entry, index) => {
      const path = `images.${index}`
      if (!isRecord(entry)) throw new ItemReadError(path, 'must be an object')
      const url = optionalText(entry, 'url', `${path}.url`)
      if (!url || !webUrl(url)) throw new ItemReadError(`${path}.url`, 'must be an http(s) URL')
      for (const key of ['width', 'height']) {
        if (entry[key] !== undefined && entry[key] !== null && pixels(entry[key]) === undefined) throw new ItemReadError(`${path}.${key}`, 'must be a whole number of pixels')
      }
      return {
        ...Object.fromEntries(plainImageTexts.map((key) => [key, optionalText(entry, key, `${path}.${key}`)])),
        height: pixels(entry.height),
        rightsExpireAt: optionalDate(entry.rightsExpireAt, `${path}.rightsExpireAt`),
        url,
        width: pixels(entry.width),
      } as IngestImage
    }),
  )
}

/** Our plain shape for partners without ninjs (README: "Syndication ingest"). */
export const readPlainItem = guarded(
  (raw) => stringID(isRecord(raw) ? raw.id : undefined),
  (raw) => {
    if (raw.killed !== undefined && typeof raw.killed !== 'boolean') throw new ItemReadError('killed', 'must be true or false')
    if (raw.authors !== undefined && !(Array.isArray(raw.authors) && raw.authors.every((author) => typeof author === 'string'))) {
      throw new ItemReadError('authors', 'must be a list of names')
    }
    if (raw.categories !== undefined && !(Array.isArray(raw.categories) && raw.categories.every((entry) => typeof entry === 'string'))) {
      throw new ItemReadError('categories', 'must be a list of strings')
    }
    const html = optionalText(raw, 'html')
    const markdown = optionalText(raw, 'markdown')
    if (html && markdown) throw new ItemReadError('markdown', 'give html or markdown, not both')
    return required({
      authors: (raw.authors as string[] | undefined) ?? [],
      body: html ? { format: 'html', text: html } : markdown ? { format: 'markdown', text: markdown } : undefined,
      categories: (raw.categories as string[] | undefined) ?? [],
      copyrightHolder: optionalText(raw, 'copyrightHolder'),
      copyrightNotice: optionalText(raw, 'copyrightNotice'),
      embargoedUntil: optionalDate(raw.embargoedUntil, 'embargoedUntil'),
      images: plainImages(raw.images),
      killed: raw.killed === true,
      killNote: optionalText(raw, 'killNote'),
      language: primaryLanguage(optionalText(raw, 'language')),
      licence: optionalText(raw, 'licence'),
      publishedAt: optionalDate(raw.publishedAt, 'publishedAt'),
      requestSummary: raw.requestSummary === true ? true : undefined,
      rightsExpireAt: optionalDate(raw.rightsExpireAt, 'rightsExpireAt'),
      sourceItemId: typeof raw.id === 'number' ? String(raw.id) : optionalText(raw, 'id'),
      standfirst: optionalText(raw, 'standfirst'),
      title: optionalText(raw, 'title'),
      updatedAt: optionalDate(raw.updatedAt, 'updatedAt'),
      url: optionalText(raw, 'url'),
      usageTerms: optionalText(raw, 'usageTerms'),
      version: typeof raw.version === 'number' ? String(raw.version) : optionalText(raw, 'version'),
    } as IngestItem)
  },
)

export const readItem = (format: IngestFormat, raw: unknown): NormalisedItem =>
  format === 'ninjs' ? readNinjsItem(raw) : readPlainItem(raw)

type FeedEntry = Record<string, any>

const textOf = (value: unknown): string | undefined => firstText(isRecord(value) ? value.value : value)

/** Media RSS `media:content` pictures (also inside `media:group`) and `<enclosure>`s of an image type. */
const rssImages = (raw: FeedEntry): IngestImage[] | undefined => {
  const media = raw.media ?? {}
  const contents: FeedEntry[] = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group: FeedEntry) => group.contents ?? [])]
  const fromMedia = contents
    .filter((content) => !content.medium || content.medium === 'image')
    .map((content) => {
      const url = webUrl(content.url)
      if (!url) return undefined
      const license = content.licenses?.[0] ?? media.licenses?.[0]
      return {
        alt: firstText(textOf(content.description), textOf(content.title), textOf(media.description), textOf(media.title)),
        caption: firstText(textOf(content.description), textOf(media.description)),
        copyrightNotice: firstText(textOf(content.copyright), textOf(media.copyright)),
        credit: firstText(...[...(content.credits ?? []), ...(media.credits ?? [])].map((credit: FeedEntry) => credit.value)),
        height: pixels(content.height),
        licence: firstText(license?.href, license?.name),
        mimeType: firstText(content.type),
        url,
        width: pixels(content.width),
      } as IngestImage
    })
  const fromEnclosures = (raw.enclosures ?? [raw.enclosure]).map((enclosure: FeedEntry | undefined) => {
    const url = webUrl(enclosure?.url)
    const mimeType = firstText(enclosure?.type)
    return url && mimeType?.startsWith('image/') ? { mimeType, url } : undefined
  })
  return itemImages([...fromMedia, ...fromEnclosures])
}

const readRssItem = guarded(
  (raw) => stringID(raw && (raw as FeedEntry).guid?.value, (raw as FeedEntry)?.link),
  (raw: FeedEntry) =>
    required({
      authors: [...names(raw.dc?.creators), ...names(raw.authors)],
      body: firstText(raw.content?.encoded, raw.description) ? { format: 'html', text: firstText(raw.content?.encoded, raw.description)! } : undefined,
      categories: names(raw.categories),
      images: rssImages(raw),
      killed: false,
      publishedAt: optionalDate(raw.pubDate, 'pubDate'),
      sourceItemId: stringID(raw.guid?.value, raw.link) ?? undefined,
      // The description is the body when there is no content:encoded; a standfirst only beside one.
      standfirst: raw.content?.encoded ? firstText(raw.description) : undefined,
      title: firstText(raw.title),
      updatedAt: optionalDate(raw.dc?.dates?.[0] ?? raw.dc?.date, 'dc:date'),
      url: webUrl(raw.link),
      version: firstText(raw.dc?.dates?.[0], raw.dc?.date, raw.pubDate),
    }),
)

const readAtomEntry = guarded(
  (raw) => stringID((raw as FeedEntry)?.id),
  (raw: FeedEntry) => {
    const links: FeedEntry[] = Array.isArray(raw.links) ? raw.links : []
    const content = textOf(raw.content)
    return required({
      authors: names(raw.authors),
      body: content ? { format: 'html', text: content } : undefined,
      categories: (Array.isArray(raw.categories) ? raw.categories : []).flatMap((category: FeedEntry) => [category.term, category.label].filter(Boolean)),
      // Atom's enclosures are links with `rel="enclosure"`; only images are ours to show.
      images: itemImages(
        links
          .filter((link) => link.rel === 'enclosure' && typeof link.type === 'string' && link.type.startsWith('image/') && webUrl(link.href))
          .map((link) => ({ mimeType: link.type, url: webUrl(link.href)! })),
      ),
      killed: false,
      publishedAt: optionalDate(raw.published, 'published'),
      sourceItemId: stringID(raw.id) ?? undefined,
      standfirst: textOf(raw.summary),
      title: textOf(raw.title),
      updatedAt: optionalDate(raw.updated, 'updated'),
      url: webUrl((links.find((link) => !link.rel || link.rel === 'alternate') ?? links[0])?.href),
      version: firstText(raw.updated),
    })
  },
)

const readJsonFeedItem = guarded(
  (raw) => stringID((raw as FeedEntry)?.id),
  (raw: FeedEntry) => {
    const html = firstText(raw.content_html)
    const markdownOrText = firstText(raw.content_text)
    return required({
      authors: names(raw.authors ?? raw.author),
      body: html ? { format: 'html', text: html } : markdownOrText ? { format: 'markdown', text: markdownOrText } : undefined,
      categories: names(raw.tags),
      // JSON Feed's `image` is the item's main image; attachments of an image type follow it.
      images: itemImages([
        webUrl(raw.image) ? { url: webUrl(raw.image)! } : undefined,
        ...(Array.isArray(raw.attachments) ? raw.attachments : []).map((attachment: FeedEntry) =>
          webUrl(attachment?.url) && String(attachment.mime_type).startsWith('image/') ? { mimeType: attachment.mime_type, url: webUrl(attachment.url)! } : undefined,
        ),
      ]),
      killed: false,
      language: primaryLanguage(firstText(raw.language)),
      publishedAt: optionalDate(raw.date_published, 'date_published'),
      sourceItemId: stringID(typeof raw.id === 'number' ? String(raw.id) : raw.id) ?? undefined,
      standfirst: firstText(raw.summary),
      title: firstText(raw.title),
      updatedAt: optionalDate(raw.date_modified, 'date_modified'),
      url: webUrl(raw.url),
      version: firstText(raw.date_modified, raw.date_published),
    })
  },
)

export class FeedReadError extends Error {}

/**
 * A fetched feed's items. The format the source declares must be the one the document is: a page
 * of HTML or an Atom feed where RSS was promised is refused as a whole, with the reason.
 */
export const readFeedItems = (text: string, format: FeedFormat): { items: NormalisedItem[]; language?: string } => {
  if (format === 'ninjs') {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new FeedReadError('not JSON: a ninjs feed is a JSON list of items (or { items: [...] })')
    }
    const list = Array.isArray(parsed) ? parsed : isRecord(parsed) && Array.isArray(parsed.items) ? parsed.items : undefined
    if (!list) throw new FeedReadError('not a ninjs feed: expected a list of items or { items: [...] }')
    return { items: list.map(readNinjsItem) }
  }
  let parsed: ReturnType<typeof parseFeed>
  try {
    parsed = parseFeed(text)
  } catch (error) {
    throw new FeedReadError(`not a feed (${(error as Error).message})`)
  }
  const expected = { atom: 'atom', 'json-feed': 'json', rss: 'rss' }[format]
  if (parsed.format !== expected) throw new FeedReadError(`expected ${format}, found ${parsed.format}`)
  const feed = parsed.feed as FeedEntry
  // feedsmith keeps the feed's xml:lang under `xml`.
  if (parsed.format === 'atom') return { items: (feed.entries ?? []).map(readAtomEntry), language: primaryLanguage(feed.xml?.lang ?? feed.lang) }
  if (parsed.format === 'json') return { items: (feed.items ?? []).map(readJsonFeedItem), language: primaryLanguage(feed.language) }
  return { items: (feed.items ?? []).map(readRssItem), language: primaryLanguage(feed.language) }
}

export type { IngestItemError }
