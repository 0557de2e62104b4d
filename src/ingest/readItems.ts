import { parseFeed } from 'feedsmith'

import type { IngestImage, IngestItemError, NormalisedItem } from './ingestItem.ts'

import { readNinjsItem } from './readNinjs.ts'
import {
  firstPlainText,
  firstText,
  guarded,
  informativeDate,
  isRecord,
  itemImages,
  ItemReadError,
  names,
  optionalText,
  pixels,
  primaryLanguage,
  required,
  requiredReadableDate,
  stringID,
  webUrl,
} from './readValues.ts'
import { recordOf } from '../utilities/values.ts'

/**
 * Reading what a source sends into `IngestItem`s, free of I/O: IPTC ninjs (every version, in
 * `readNinjs.ts`), our plain JSON shape, and RSS 2.0, Atom and JSON Feed through `feedsmith`. Only
 * what cannot be represented refuses an item (no ID, no title, a value of the wrong type in our own
 * shape); an optional value that cannot be read is left out with a warning.
 */

export { primaryLanguage, readNinjsItem }

export const ingestFormats = ['ninjs', 'newsroom'] as const
export type IngestFormat = (typeof ingestFormats)[number]
export const feedFormats = ['rss', 'atom', 'json-feed', 'ninjs'] as const
export type FeedFormat = (typeof feedFormats)[number]

const plainImageTexts = [
  'alt',
  'caption',
  'copyrightNotice',
  'credit',
  'licence',
  'mimeType',
  'usageTerms',
] as const

/** Our plain shape's `images`: a list of `{ url, alt, caption, credit, … }`, each value of its type. */
const plainImages = (value: unknown): IngestImage[] | undefined => {
  if (value === undefined || value === null) {
    return undefined
  }
  if (!Array.isArray(value)) {
    throw new ItemReadError('images', 'must be a list of images')
  }
  return itemImages(
    value.map((entry, index) => {
      const path = `images.${index}`
      if (!isRecord(entry)) {
        throw new ItemReadError(path, 'must be an object')
      }
      const url = optionalText(entry, 'url', `${path}.url`)
      if (!url || !webUrl(url)) {
        throw new ItemReadError(`${path}.url`, 'must be an http(s) URL')
      }
      for (const key of ['width', 'height']) {
        if (entry[key] !== undefined && entry[key] !== null && pixels(entry[key]) === undefined) {
          throw new ItemReadError(`${path}.${key}`, 'must be a whole number of pixels')
        }
      }
      return {
        ...Object.fromEntries(
          plainImageTexts.map((key) => [key, optionalText(entry, key, `${path}.${key}`)]),
        ),
        height: pixels(entry.height),
        rightsExpireAt: requiredReadableDate(entry.rightsExpireAt, `${path}.rightsExpireAt`),
        url,
        width: pixels(entry.width),
      }
    }),
  )
}

/** Our plain shape for partners without ninjs (README: "Syndication ingest"). */
export const readPlainItem = guarded(
  (raw) => stringID(isRecord(raw) ? raw.id : undefined),
  (raw) => {
    if (raw.killed !== undefined && typeof raw.killed !== 'boolean') {
      throw new ItemReadError('killed', 'must be true or false')
    }
    if (
      raw.authors !== undefined &&
      !(Array.isArray(raw.authors) && raw.authors.every((author) => typeof author === 'string'))
    ) {
      throw new ItemReadError('authors', 'must be a list of names')
    }
    if (
      raw.categories !== undefined &&
      !(Array.isArray(raw.categories) && raw.categories.every((entry) => typeof entry === 'string'))
    ) {
      throw new ItemReadError('categories', 'must be a list of strings')
    }
    const html = optionalText(raw, 'html')
    const markdown = optionalText(raw, 'markdown')
    if (html && markdown) {
      throw new ItemReadError('markdown', 'give html or markdown, not both')
    }
    return required({
      authors: raw.authors ?? [],
      body: html
        ? { format: 'html', text: html }
        : markdown
          ? { format: 'markdown', text: markdown }
          : undefined,
      categories: raw.categories ?? [],
      copyrightHolder: optionalText(raw, 'copyrightHolder'),
      copyrightNotice: optionalText(raw, 'copyrightNotice'),
      embargoedUntil: requiredReadableDate(raw.embargoedUntil, 'embargoedUntil'),
      images: plainImages(raw.images),
      killed: raw.killed === true,
      killNote: optionalText(raw, 'killNote'),
      language: primaryLanguage(optionalText(raw, 'language')),
      licence: optionalText(raw, 'licence'),
      publishedAt: requiredReadableDate(raw.publishedAt, 'publishedAt'),
      requestSummary: raw.requestSummary === true ? true : undefined,
      rightsExpireAt: requiredReadableDate(raw.rightsExpireAt, 'rightsExpireAt'),
      sourceItemId: typeof raw.id === 'number' ? String(raw.id) : optionalText(raw, 'id'),
      standfirst: optionalText(raw, 'standfirst'),
      title: optionalText(raw, 'title'),
      updatedAt: requiredReadableDate(raw.updatedAt, 'updatedAt'),
      url: optionalText(raw, 'url'),
      usageTerms: optionalText(raw, 'usageTerms'),
      version: typeof raw.version === 'number' ? String(raw.version) : optionalText(raw, 'version'),
    })
  },
)

export const readItem = (format: IngestFormat, raw: unknown): NormalisedItem =>
  format === 'ninjs' ? readNinjsItem(raw) : readPlainItem(raw)

type FeedEntry = Record<string, any>

/** What an item of a feed is read against: the address relative links resolve from (`xml:base`, else the feed's URL). */
type FeedContext = { base?: string }

const textOf = (value: unknown): string | undefined =>
  firstText(isRecord(value) ? value.value : value)

/** Media RSS `media:content` pictures (also inside `media:group`) and `<enclosure>`s of an image type. */
const rssImages = (raw: FeedEntry): IngestImage[] | undefined => {
  const media = raw.media ?? {}
  const contents: FeedEntry[] = [
    ...(media.contents ?? []),
    ...(media.groups ?? []).flatMap((group: FeedEntry) => group.contents ?? []),
  ]
  const fromMedia = contents
    .filter((content) => !content.medium || content.medium === 'image')
    .map((content) => {
      const url = webUrl(content.url)
      if (!url) {
        return undefined
      }
      const license = content.licenses?.[0] ?? media.licenses?.[0]
      return {
        alt: firstText(
          textOf(content.description),
          textOf(content.title),
          textOf(media.description),
          textOf(media.title),
        ),
        caption: firstText(textOf(content.description), textOf(media.description)),
        copyrightNotice: firstText(textOf(content.copyright), textOf(media.copyright)),
        credit: firstText(
          ...[...(content.credits ?? []), ...(media.credits ?? [])].map(
            (credit: FeedEntry) => credit.value,
          ),
        ),
        height: pixels(content.height),
        licence: firstText(license?.href, license?.name),
        mimeType: firstText(content.type),
        url,
        width: pixels(content.width),
      }
    })
  const fromEnclosures = (raw.enclosures ?? [raw.enclosure]).map(
    (enclosure: FeedEntry | undefined) => {
      const url = webUrl(enclosure?.url)
      const mimeType = firstText(enclosure?.type)
      return url && mimeType?.startsWith('image/') ? { mimeType, url } : undefined
    },
  )
  return itemImages([...fromMedia, ...fromEnclosures])
}

const readRssItem = guarded<FeedContext>(
  (raw: FeedEntry) => stringID(raw.guid?.value, raw.link),
  (raw: FeedEntry, reading, { base }) =>
    required({
      authors: [...names(raw.dc?.creators), ...names(raw.authors)],
      body: firstText(raw.content?.encoded, raw.description)
        ? { format: 'html', text: firstText(raw.content?.encoded, raw.description)! }
        : undefined,
      categories: names(raw.categories),
      images: rssImages(raw),
      killed: false,
      publishedAt: informativeDate(raw.pubDate, 'pubDate', reading),
      sourceItemId: stringID(raw.guid?.value, raw.link) ?? undefined,
      // The description is the body when there is no content:encoded; a standfirst only beside one.
      standfirst: raw.content?.encoded ? firstPlainText(raw.description) : undefined,
      // RSS titles are HTML as often as text, escaped once or twice.
      title: firstPlainText(raw.title),
      updatedAt: informativeDate(raw.dc?.dates?.[0] ?? raw.dc?.date, 'dc:date', reading),
      // A permalink guid stands for a missing link.
      url:
        webUrl(raw.link, base) ??
        (raw.guid?.isPermaLink !== false ? webUrl(raw.guid?.value, base) : undefined),
      version: firstText(raw.dc?.dates?.[0], raw.dc?.date, raw.pubDate),
    }),
)

/** An Atom text construct as plain text: `html` and `xhtml` ones lose their markup, `text` ones are taken as sent. */
const atomText = (value: unknown): string | undefined => {
  if (!isRecord(value)) {
    return firstText(value)
  }
  return value.type === 'html' || value.type === 'xhtml'
    ? firstPlainText(value.value)
    : firstText(value.value)
}

/** `xml:base` of an element, resolved against its parent's base. */
const withBase = (element: FeedEntry | undefined, base: string | undefined): string | undefined => {
  const own = firstText(element?.xml?.base)
  if (!own) {
    return base
  }
  try {
    return new URL(own, base).href
  } catch {
    return base
  }
}

const readAtomEntry = guarded<FeedContext>(
  (raw) => stringID(raw.id),
  (raw: FeedEntry, reading, context) => {
    const base = withBase(raw, context.base)
    const links: FeedEntry[] = Array.isArray(raw.links) ? raw.links : []
    const content = textOf(raw.content)
    return required({
      authors: names(raw.authors),
      body: content ? { format: 'html', text: content } : undefined,
      categories: (Array.isArray(raw.categories) ? raw.categories : []).flatMap(
        (category: FeedEntry) => [category.term, category.label].filter(Boolean),
      ),
      // Atom's enclosures are links with `rel="enclosure"`; only images are ours to show.
      images: itemImages(
        links
          .filter(
            (link) =>
              link.rel === 'enclosure' &&
              typeof link.type === 'string' &&
              link.type.startsWith('image/') &&
              webUrl(link.href, base),
          )
          .map((link) => ({ mimeType: link.type, url: webUrl(link.href, base)! })),
      ),
      killed: false,
      publishedAt: informativeDate(raw.published, 'published', reading),
      sourceItemId: stringID(raw.id) ?? undefined,
      standfirst: atomText(raw.summary),
      title: atomText(raw.title),
      updatedAt: informativeDate(raw.updated, 'updated', reading),
      url: webUrl(
        (links.find((link) => !link.rel || link.rel === 'alternate') ?? links[0])?.href,
        base,
      ),
      version: firstText(raw.updated),
    })
  },
)

const readJsonFeedItem = guarded<FeedContext>(
  (raw) => stringID(raw.id),
  (raw: FeedEntry, reading, { base }) => {
    const html = firstText(raw.content_html)
    const markdownOrText = firstText(raw.content_text)
    return required({
      authors: names(raw.authors ?? raw.author),
      body: html
        ? { format: 'html', text: html }
        : markdownOrText
          ? { format: 'markdown', text: markdownOrText }
          : undefined,
      categories: names(raw.tags),
      // JSON Feed's `image` is the item's main image; attachments of an image type follow it.
      images: itemImages([
        webUrl(raw.image) ? { url: webUrl(raw.image)! } : undefined,
        ...(Array.isArray(raw.attachments) ? raw.attachments : []).map((attachment: FeedEntry) =>
          webUrl(attachment?.url) && String(attachment.mime_type).startsWith('image/')
            ? { mimeType: attachment.mime_type, url: webUrl(attachment.url)! }
            : undefined,
        ),
      ]),
      killed: false,
      language: primaryLanguage(firstText(raw.language)),
      publishedAt: informativeDate(raw.date_published, 'date_published', reading),
      sourceItemId: stringID(typeof raw.id === 'number' ? String(raw.id) : raw.id) ?? undefined,
      standfirst: firstPlainText(raw.summary),
      title: firstPlainText(raw.title),
      updatedAt: informativeDate(raw.date_modified, 'date_modified', reading),
      url: webUrl(raw.url, base) ?? webUrl(raw.external_url, base),
      version: firstText(raw.date_modified, raw.date_published),
    })
  },
)

export class FeedReadError extends Error {}

/** Item elements a document holds, counted on its text: a parse that found none of them lost them. */
const itemElements = (text: string, format: 'atom' | 'rss'): number =>
  text.match(format === 'rss' ? /<(?:\w+:)?item[\s>]/g : /<(?:\w+:)?entry[\s>]/g)?.length ?? 0

/**
 * A fetched feed's items. The format the source declares must be the one the document is: a page
 * of HTML or an Atom feed where RSS was promised is refused as a whole, with the reason. Relative
 * links resolve against `xml:base`, else the feed's own `url`.
 */
export const readFeedItems = (
  text: string,
  format: FeedFormat,
  { url }: { url?: string } = {},
): { items: NormalisedItem[]; language?: string } => {
  if (format === 'ninjs') {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new FeedReadError(
        'not JSON: a ninjs feed is a JSON list of items (or { items: [...] })',
      )
    }
    const list = Array.isArray(parsed)
      ? parsed
      : isRecord(parsed) && Array.isArray(parsed.items)
        ? parsed.items
        : undefined
    if (!list) {
      throw new FeedReadError('not a ninjs feed: expected a list of items or { items: [...] }')
    }
    return { items: list.map((raw) => readNinjsItem(raw)) }
  }
  let parsed: ReturnType<typeof parseFeed>
  try {
    parsed = parseFeed(text)
  } catch (error) {
    throw new FeedReadError(`not a feed (${String(recordOf(error).message)})`)
  }
  // RSS 1.0 (RDF) is RSS to the newsrooms that choose "RSS": its items read the same way.
  const found = parsed.format === 'rdf' ? 'rss' : parsed.format
  const expected = { atom: 'atom', 'json-feed': 'json', rss: 'rss' }[format]
  if (found !== expected) {
    throw new FeedReadError(`expected ${format}, found ${parsed.format}`)
  }
  const feed: FeedEntry = parsed.feed
  if (found === 'json') {
    return {
      items: (feed.items ?? []).map((raw: unknown) => readJsonFeedItem(raw, { base: url })),
      language: primaryLanguage(feed.language),
    }
  }
  const entries: unknown[] = (found === 'atom' ? feed.entries : feed.items) ?? []
  const held = itemElements(text, found)
  if (entries.length === 0 && held > 0) {
    throw new FeedReadError(
      `the document holds ${held} ${found === 'atom' ? '<entry>' : '<item>'} elements but none could be read (is an element left unclosed?)`,
    )
  }
  // feedsmith keeps the feed's xml:lang and xml:base under `xml`.
  if (found === 'atom') {
    const base = withBase(feed, url)
    return {
      items: entries.map((raw) => readAtomEntry(raw, { base })),
      language: primaryLanguage(feed.xml?.lang ?? feed.lang),
    }
  }
  return {
    items: entries.map((raw) => readRssItem(raw, { base: url })),
    language: primaryLanguage(feed.language),
  }
}

export type { IngestItemError }
