import type { PayloadRequest } from 'payload'

import { Feed, type Item } from 'feed'

import type { ResolvedNewsroomOptions } from '../types.ts'
import type { FeedItem } from './feedItem.ts'

import { xmlHtmlText, xmlText } from './xmlText.ts'
import { feedCardSelect, type FeedQuery, listedArticlesWhere, loadFeedCards } from './loadFeed.ts'

type Doc = Record<string, any>

export type SyndicationFormat = 'atom' | 'rss'

/** Entries in an RSS or Atom document unless `?limit=` says otherwise (feedQueryFrom caps it at 100). */
export const syndicationDefaultLimit = 50

export const syndicationContentTypes: Record<SyndicationFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
}

/**
 * A stable ID for an entry (Atom's `id`, RSS's `guid`): a `tag:` URI (RFC 4151) of the site's host,
 * the day the article was created and its ID, so a changed slug or title is not a new entry to readers.
 */
const entryID = (siteUrl: string, article: Doc) =>
  `tag:${new URL(siteUrl).hostname},${String(article.createdAt ?? '2000-01-01').slice(0, 10)}:article/${article.id}`

const entryOf = (
  format: SyndicationFormat,
  options: ResolvedNewsroomOptions,
  article: Doc,
  card: FeedItem,
): Item => {
  const { articlePath, siteUrl } = options.frontend
  const link = `${siteUrl}${articlePath(card.language, card.slug)}`
  const names = [
    ...card.byline.authors.map((author) => author.name),
    ...(card.byline.automated ? [card.byline.automated.label] : []),
  ]
  const publishedAt = new Date(card.publishedAt ?? article.updatedAt)
  return {
    // RSS's `author` must be an e-mail address, which a byline is not: names go to Atom only.
    author: format === 'atom' ? names.map((name) => ({ name: xmlText(name) })) : undefined,
    category: card.section
      ? [{ name: xmlText(card.section.name), term: card.section.slug }]
      : undefined,
    // RSS dates an item by its publication; Atom's `updated` is its last change and `published` the first.
    date: format === 'rss' ? publishedAt : new Date(article.updatedAt ?? publishedAt),
    description: card.standfirst ? xmlHtmlText(card.standfirst) : undefined,
    // A syndicated entry names who owns it (Atom `rights`), as the article page does.
    copyright: card.source ? xmlText(card.source.name) : undefined,
    guid: entryID(siteUrl, article),
    id: entryID(siteUrl, article),
    link,
    // `feed` would write it over RSS's `pubDate`, which is already the publication.
    published: format === 'atom' ? publishedAt : undefined,
    // Plain text, HTML-escaped where the element holds HTML (Atom's title); RSS's title is text.
    title: format === 'atom' ? xmlHtmlText(card.title) : xmlText(card.title),
  }
}

/**
 * An empty RSS or Atom document of the publisher, served at `selfUrl` (its ID and `rel="self"`
 * link); the caller adds the entries.
 */
export const publisherFeed = (
  { frontend: { publisher } }: ResolvedNewsroomOptions,
  given: {
    format: SyndicationFormat
    language: string
    link: string
    selfUrl: string
    title: string
    updated: Date
  },
): Feed =>
  new Feed({
    // Atom requires an author for every entry; the publisher stands for those without a named one.
    author: { name: xmlText(publisher.name), link: publisher.url },
    copyright: xmlText(publisher.name),
    feedLinks: { [given.format]: given.selfUrl },
    generator: 'payload-newsroom',
    id: given.selfUrl,
    language: given.language,
    link: given.link,
    title: xmlText(given.title),
    updated: given.updated,
  })

/**
 * RSS 2.0 or Atom 1.0 of the newest listed articles of a language (a section if asked), written by
 * `feed` (a maintained generator: escaping and both formats' required elements are its job). `selfUrl`
 * is where the document is served, for its `atom:link rel="self"`.
 */
export const loadSyndicationFeed = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  { format, query, selfUrl }: { format: SyndicationFormat; query: FeedQuery; selfUrl: string },
): Promise<string> => {
  const { publisher, siteUrl } = options.frontend
  const { docs } = await req.payload.find({
    collection: options.collections.articles.slug,
    depth: 0,
    joins: false,
    limit: query.limit,
    overrideAccess: false,
    pagination: false,
    req,
    select: { ...feedCardSelect, createdAt: true, updatedAt: true },
    sort: '-publishedAt',
    where: { and: listedArticlesWhere(query.language, query.section) },
  })
  const articles: Doc[] = docs
  const cards = await loadFeedCards(req, options, query.language, articles)
  const sectionName = query.section === undefined ? undefined : cards[0]?.section?.name
  const newest = articles.reduce(
    (latest, article) => Math.max(latest, new Date(article.updatedAt).getTime() || 0),
    0,
  )

  const feed = publisherFeed(options, {
    format,
    language: query.language,
    link: `${siteUrl}/${query.language}`,
    selfUrl,
    title: sectionName ? `${publisher.name} · ${sectionName}` : publisher.name,
    updated: new Date(newest),
  })
  articles.forEach((article, index) =>
    feed.addItem(entryOf(format, options, article, cards[index])),
  )
  return format === 'rss' ? feed.rss2() : feed.atom1()
}
