import type { PayloadRequest, TypedLocale, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { relationID, relationIDs } from '../utilities/documentValue.ts'
import { type FeedItem, toFeedItem } from './feedItem.ts'
import { cmsOrigin, toImageView } from './imageView.ts'
import { keepRequestLocale } from '../utilities/keepRequestLocale.ts'
import { isValidSlug } from '../utilities/formatSlug.ts'
import { readFeedDirectly } from './readFeedDirectly.ts'
import { type RevisionMemo, revisionMemo } from './revisionMemo.ts'

type ID = number | string
type Doc = Record<string, any>

/** Ended pins merged into a feed page (beyond this, the oldest of them are left out of the feed). */
const maxEndedPins = 100

/**
 * `count` items from `offset` of the merge, newest first, of a long sorted stream (read by slices)
 * and a few documents held whole: each of the few is placed by its rank in the stream (how many of
 * the stream's documents are newer, one count each), so the stream is read only around the window.
 */
const mergedSlice = async (
  {
    few,
    rankIn,
    slice,
  }: {
    few: Doc[]
    rankIn: (doc: Doc) => Promise<number>
    slice: (offset: number, count: number) => Promise<{ docs: Doc[]; total: number }>
  },
  offset: number,
  count: number,
): Promise<{ docs: Doc[]; total: number }> => {
  // Merged position of each of the few: its rank in the stream plus the few before it.
  const placed = await Promise.all(
    few.map(async (doc, index) => ({ doc, position: (await rankIn(doc)) + index })),
  )
  const before = placed.filter(({ position }) => position < offset).length
  const inside = placed.filter(({ position }) => position >= offset && position < offset + count)
  const stream = await slice(offset - before, Math.max(count - inside.length, 0))
  // Stream documents fill the positions the few do not take, in order.
  const docs: Doc[] = []
  let next = 0
  for (let position = offset; position < offset + count; position++) {
    const few = inside.find((entry) => entry.position === position)
    if (few) {
      docs.push(few.doc)
    } else if (next < stream.docs.length) {
      docs.push(stream.docs[next++])
    }
  }
  return { docs, total: stream.total + few.length }
}

/** Feed items per page unless `?limit=` says otherwise (at most 100). */
export const feedDefaultLimit = 20
/** The feed's order as one Payload query sorts it (stored pins first, then newest): for hosts and the bench. */
export const feedSort = ['-pinned', '-publishedAt']

/** The light projection of feed items: no bodies. */
export const feedItemSelect = {
  language: true,
  origin: true,
  pinned: true,
  publishedAt: true,
  section: true,
  slug: true,
  standfirst: true,
  summary: { status: true },
  title: true,
} as const

/** What a card needs besides: the pin's end, the byline, the source, the AI disclosure level, the image. */
export const feedCardSelect = {
  ...feedItemSelect,
  aiDisclosure: { level: true },
  attribution: { source: true },
  byline: true,
  featuredImage: true,
  pinnedUntil: true,
} as const

export type FeedPage = {
  docs: FeedItem[]
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  nextPage: null | number
  page: number
  prevPage: null | number
  totalDocs: number
  totalPages: number
}

/**
 * The articles every list shows (feeds, RSS and Atom, sitemaps): published and not retracted (a
 * retracted article keeps its URL and notice but leaves the lists), in one language and section if given.
 */
export const listedArticlesWhere = (language?: string, section?: ID): Where[] => [
  { _status: { equals: 'published' } },
  { workflowState: { equals: 'published' } },
  ...(language === undefined ? [] : [{ language: { equals: language } }]),
  ...(section === undefined ? [] : [{ section: { equals: section } }]),
]

export type FeedQuery = { language: string; limit: number; page: number; section?: ID }

/** A page of a list from what a client sent: limit 1–100 (default 20), page from 1 up to `inputLimits.query.maxPage`. */
export const pageOfList = (
  options: ResolvedNewsroomOptions,
  given: { limit?: unknown; page?: unknown },
): { limit: number; page: number } => ({
  limit: Math.min(Math.max(Math.trunc(Number(given.limit)) || feedDefaultLimit, 1), 100),
  page: Math.min(
    Math.max(Math.trunc(Number(given.page)) || 1, 1),
    options.inputLimits.query.maxPage,
  ),
})

/** A feed page of these cards, with Payload's page metadata. */
export const feedPageOf = (
  docs: FeedItem[],
  { limit, page, totalDocs }: { limit: number; page: number; totalDocs: number },
): FeedPage => {
  const totalPages = Math.max(Math.ceil(totalDocs / limit), 1)
  return {
    docs,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    limit,
    nextPage: page < totalPages ? page + 1 : null,
    page,
    prevPage: page > 1 ? page - 1 : null,
    totalDocs,
    totalPages,
  }
}

/**
 * A feed query from what a client sent (REST query string or GraphQL arguments): the language must
 * be one of the plugin's, the section a slug the user can read; limit 1–100 (default 20), page from 1
 * up to `inputLimits.query.maxPage`. Null when the language or the section does not exist.
 */
export const feedQueryFrom = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  given: { language: string; limit?: unknown; page?: unknown; section?: null | string },
  memo?: RevisionMemo,
): Promise<FeedQuery | null> => {
  if (!options.languages.includes(given.language)) {
    return null
  }
  const { limit, page } = pageOfList(options, given)
  if (!given.section) {
    return { language: given.language, limit, page }
  }
  const slug = given.section
  if (!isValidSlug(slug)) {
    return null
  }
  const findSection = async () => {
    const { docs } = await req.payload.find({
      collection: options.collections.sections.slug,
      depth: 0,
      limit: 1,
      overrideAccess: false,
      req,
      select: { slug: true },
      where: { slug: { equals: slug } },
    })
    return docs[0]?.id ?? null
  }
  const section = await (memo ? memo.remember(`section:${slug}`, findSection) : findSection())
  return section === null ? null : { language: given.language, limit, page, section }
}

/** The memo of a public read's content revision (see `cacheableRead`), or none for any other read. */
export const publicReadMemo = (
  options: ResolvedNewsroomOptions,
  revision: null | string | undefined,
): RevisionMemo | undefined => (revision ? revisionMemo(options, revision) : undefined)

/**
 * One page of the feed order read through the Local API for the request's user: those pinned now,
 * then the rest, newest first in each group. The two groups are read apart, so that "pinned now"
 * can depend on the time.
 */
const readFeedInStreams = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  { base, limit, now, page }: { base: Where[]; limit: number; now: Date; page: number },
): Promise<{ docs: Doc[]; totalDocs: number }> => {
  const { collections } = options
  const nowISO = now.toISOString()
  const pinnedNow: Where = {
    and: [
      ...base,
      { pinned: { equals: true } },
      { or: [{ pinnedUntil: { exists: false } }, { pinnedUntil: { greater_than: nowISO } }] },
    ],
  }
  // Everything else, newest first, is two streams: the unpinned articles, read page by page through
  // the (language, section, status, pinned, publishedAt) index, and the few whose pin has ended (or
  // is unset), read whole and merged in. One `or` over all of them would scan every article.
  const unpinned: Where = { and: [...base, { pinned: { equals: false } }] }
  const unpinnedSince: Where = {
    and: [
      ...base,
      {
        or: [
          { pinned: { exists: false } },
          { and: [{ pinned: { equals: true } }, { pinnedUntil: { less_than_equal: nowISO } }] },
        ],
      },
    ],
  }
  const find = (where: Where, findPage: number, pageSize = limit) =>
    req.payload.find({
      collection: collections.articles.slug,
      depth: 0,
      joins: false,
      limit: pageSize,
      overrideAccess: false,
      page: findPage,
      req,
      select: feedCardSelect,
      // `pinned` is fixed by each stream's filter: sorting by it too lets SQLite walk the feed index
      // in order instead of choosing the publishedAt index and scanning every article.
      sort: feedSort,
      where,
    })
  /** `count` documents from `offset` of one stream, and the stream's total: the pages of `limit` that hold them. */
  const slice = async (where: Where, offset: number, count: number) => {
    const firstPage = Math.floor(offset / limit) + 1
    const first = await find(where, firstPage)
    let docs = first.docs.slice(offset % limit)
    for (let next = firstPage + 1; docs.length < count && next <= first.totalPages; next++) {
      docs = docs.concat((await find(where, next)).docs)
    }
    return { docs: docs.slice(0, Math.max(count, 0)), total: first.totalDocs }
  }

  const start = (page - 1) * limit
  const pinned = await slice(pinnedNow, start, limit)
  const others = await mergedSlice(
    {
      // Pins ended: a handful at most (a pin is an editor's act), so read whole, newest first.
      few: (await find(unpinnedSince, 1, maxEndedPins)).docs.sort(
        (a, b) => Date.parse(String(b.publishedAt)) - Date.parse(String(a.publishedAt)),
      ),
      rankIn: async (article) =>
        (
          await req.payload.count({
            collection: collections.articles.slug,
            overrideAccess: false,
            req,
            where: {
              and: [...unpinned.and!, { publishedAt: { greater_than: article.publishedAt } }],
            },
          })
        ).totalDocs,
      slice: (offset, count) => slice(unpinned, offset, count),
    },
    Math.max(start - pinned.total, 0),
    limit - pinned.docs.length,
  )
  return { docs: [...pinned.docs, ...others.docs], totalDocs: pinned.total + others.total }
}

/**
 * A page of the public feed for the request's user: published articles in one language (one section
 * if asked), those pinned now first, then the rest, newest first in each group. A retracted article
 * leaves the feed (its URL still answers, with its notice); a pin past `pinnedUntil` no longer counts.
 * Each item carries its section, source and author names, loaded once for the page.
 *
 * With the `memo` of a public read's content revision, the page is one read through the adapter
 * whenever the stored order is the feed's order now (see `readFeedDirectly`), and the names come
 * from that revision's earlier reads; otherwise it is read in streams (`readFeedInStreams`).
 */
export const loadFeed = keepRequestLocale(
  async (
    req: PayloadRequest,
    options: ResolvedNewsroomOptions,
    query: FeedQuery,
    now = new Date(),
    memo?: RevisionMemo,
  ): Promise<FeedPage> => {
    const { language, limit, page } = query
    const base = listedArticlesWhere(language, query.section)
    const read =
      (memo &&
        (await readFeedDirectly(req, options, {
          limit,
          listed: base,
          memo,
          now,
          page,
          scope: { language, section: query.section },
          select: feedCardSelect,
        }))) ||
      (await readFeedInStreams(req, options, { base, limit, now, page }))
    return feedPageOf(await loadFeedCards(req, options, language, read.docs, now, memo), {
      limit,
      page,
      totalDocs: read.totalDocs,
    })
  },
)

/**
 * Feed cards for articles of one language (read with `feedCardSelect`): their section, source,
 * author names and thumbnails, loaded once for all of them (one query each), in the article's language;
 * with a public read's `memo`, once per content revision.
 */
export const loadFeedCards = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  language: string,
  articles: Doc[],
  now = new Date(),
  memo?: RevisionMemo,
): Promise<FeedItem[]> => {
  const { collections } = options
  const locale: TypedLocale = language
  const sectionIDs = [
    ...new Set(
      articles.map((article) => relationID(article.section)).filter((id) => id !== undefined),
    ),
  ]
  const sourceIDs = [
    ...new Set(
      articles
        .filter((article) => article.origin === 'syndicated')
        .map((article) => relationID(article.attribution?.source))
        .filter((id) => id !== undefined),
    ),
  ]
  const authorIDs = [
    ...new Set(articles.flatMap((article) => relationIDs(article.byline?.authors))),
  ]
  const imageIDs = [
    ...new Set(
      articles.map((article) => relationID(article.featuredImage)).filter((id) => id !== undefined),
    ),
  ]
  const related = (
    slug: string,
    ids: ID[],
    select: Record<string, true> | undefined,
    access: 'public' | 'names',
  ): Promise<Doc[]> => {
    if (ids.length === 0) {
      return Promise.resolve([])
    }
    const load = () =>
      req.payload
        .find({
          collection: slug,
          depth: 0,
          locale,
          // Author names are public on the article; nothing else of the user record is read.
          overrideAccess: access === 'names',
          pagination: false,
          req,
          select,
          where: { id: { in: ids } },
        })
        .then(({ docs }) => docs)
    return memo
      ? memo.remember(`${slug}:${locale}:${access}:${ids.map(String).sort().join(',')}`, load)
      : load()
  }
  const [sections, sources, authors, images] = await Promise.all([
    related(collections.sections.slug, sectionIDs, { name: true, slug: true }, 'public'),
    related(collections.sources.slug, sourceIDs, { name: true, slug: true }, 'public'),
    related(collections.users.slug, authorIDs, { authorSlug: true, name: true }, 'names'),
    // Whole media documents: their URLs and sizes are computed by Payload after the read. The
    // public sees only images that appear in something published (the media read rule).
    related(collections.media.slug, imageIDs, undefined, 'public'),
  ])
  const mediaBaseUrl = cmsOrigin(req.payload.config.serverURL, options.frontend)
  const thumbnails = new Map(images.map((doc) => [String(doc.id), toImageView(doc, mediaBaseUrl)]))
  const byID = (docs: Doc[], id: ID | undefined) =>
    id === undefined ? null : (docs.find((doc) => doc.id === id) ?? null)

  return articles.map((article) =>
    toFeedItem(
      {
        article,
        authorPagePath: options.frontend.authorPagePath,
        authors: relationIDs(article.byline?.authors)
          .map((id) => byID(authors, id))
          .filter((author): author is Doc => author !== null),
        section: byID(sections, relationID(article.section)),
        source: byID(sources, relationID(article.attribution?.source)),
        thumbnail: thumbnails.get(String(relationID(article.featuredImage))) ?? null,
      },
      now,
    ),
  )
}
