import type { PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'
import { create } from 'xmlbuilder2'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { canonicalStrategyOf } from './articleView.ts'
import { listedArticlesWhere } from './loadFeed.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'

type Doc = Record<string, any>

const sitemapNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const newsNamespace = 'http://www.google.com/schemas/sitemap-news/0.9'

/** URLs per sitemap (the protocol allows 50,000; smaller pages are cheaper to build and cache). */
export const sitemapPageSize = 5_000
/** Google News reads articles of the last two days, at most 1,000 per sitemap. */
export const newsSitemapWindowMs = 48 * 60 * 60 * 1000
export const newsSitemapMaxUrls = 1_000

export const sitemapContentType = 'application/xml; charset=utf-8'

/**
 * Articles whose own URL is the canonical one: ours (unless told otherwise), and syndicated copies
 * whose strategy is `self`. Copies marked `noindex` or pointing at the original stay out of sitemaps,
 * as `canonicalStrategyOf` tells the article page.
 */
const indexableWhere: Where = {
  or: [
    { 'attribution.canonical': { equals: 'self' } },
    {
      and: [
        { origin: { not_equals: 'syndicated' } },
        { 'attribution.canonical': { exists: false } },
      ],
    },
  ],
}

/** What a sitemap reads of an article (`sitemapSelect`): published ones, so dated. */
type SitemapArticle = {
  attribution?: null | { canonical?: null | string }
  language: string
  origin?: null | string
  publishedAt: string
  slug: string
  title: string
  updatedAt: string
}

const sitemapSelect = {
  attribution: { canonical: true },
  language: true,
  origin: true,
  slug: true,
  title: true,
  updatedAt: true,
  publishedAt: true,
} as const

/**
 * Sitemaps are public whoever asks: read as the anonymous public (its access rules apply), by the
 * server itself, so the request's page-size bound for clients does not apply to a 5,000-URL page.
 */
export const publicRequest = (req: PayloadRequest) => createLocalReq({}, req.payload)

const readIndexable = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  {
    extra = [],
    limit,
    page = 1,
    sort,
  }: { extra?: Where[]; limit: number; page?: number; sort: string },
) =>
  findDocuments<SitemapArticle>(req.payload, {
    collection: options.collections.articles.slug,
    depth: 0,
    joins: false,
    limit,
    overrideAccess: false,
    page,
    req: await publicRequest(req),
    select: sitemapSelect,
    sort,
    where: { and: [...listedArticlesWhere(), indexableWhere, ...extra] },
  }).then((result) => ({
    ...result,
    docs: result.docs.filter((article) => canonicalStrategyOf(article) === 'self'),
  }))

const serialise = (document: ReturnType<typeof create>) => document.end({ prettyPrint: false })
const xmlDocument = () => create({ encoding: 'UTF-8', invalidCharReplacement: '', version: '1.0' })
const articleUrl = (options: ResolvedNewsroomOptions, article: Doc) =>
  `${options.frontend.siteUrl}${options.frontend.articlePath(String(article.language), String(article.slug))}`

/** The number of sitemap pages (at least one, possibly empty). */
export const countSitemapPages = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
): Promise<number> => {
  const { totalDocs } = await req.payload.count({
    collection: options.collections.articles.slug,
    overrideAccess: false,
    req: await publicRequest(req),
    where: { and: [...listedArticlesWhere(), indexableWhere] },
  })
  return Math.max(Math.ceil(totalDocs / sitemapPageSize), 1)
}

/** A sitemap index naming each page by `pageUrl(n)`. */
export const sitemapIndexXml = (pages: number, pageUrl: (page: number) => string): string => {
  const index = xmlDocument().ele(sitemapNamespace, 'sitemapindex')
  for (let page = 1; page <= pages; page += 1) {
    index.ele('sitemap').ele('loc').txt(pageUrl(page))
  }
  return serialise(index.doc())
}

/** One page of the sitemap: indexable listed articles, oldest first (so pages stay stable as articles are added). Null past the last page. */
export const loadSitemapPage = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  page: number,
): Promise<null | string> => {
  const { docs, totalPages } = await readIndexable(req, options, {
    limit: sitemapPageSize,
    page,
    sort: 'createdAt',
  })
  if (page > Math.max(totalPages, 1)) {
    return null
  }
  const urlset = xmlDocument().ele(sitemapNamespace, 'urlset')
  for (const article of docs) {
    const url = urlset.ele('url')
    url.ele('loc').txt(articleUrl(options, article))
    if (article.updatedAt) {
      url.ele('lastmod').txt(new Date(article.updatedAt).toISOString())
    }
  }
  return serialise(urlset.doc())
}

/**
 * The Google News sitemap: indexable articles published in the last 48 hours (at most 1,000, newest
 * first), each with its publication's name and language, its publication date and title.
 */
export const loadNewsSitemap = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  now = new Date(),
): Promise<string> => {
  const since = new Date(now.getTime() - newsSitemapWindowMs).toISOString()
  const { docs } = await readIndexable(req, options, {
    extra: [{ publishedAt: { greater_than: since } }],
    limit: newsSitemapMaxUrls,
    sort: '-publishedAt',
  })
  const urlset = xmlDocument()
    .ele(sitemapNamespace, 'urlset')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:news', newsNamespace)
  for (const article of docs) {
    const url = urlset.ele('url')
    url.ele('loc').txt(articleUrl(options, article))
    const news = url.ele(newsNamespace, 'news:news')
    const publication = news.ele(newsNamespace, 'news:publication')
    publication.ele(newsNamespace, 'news:name').txt(options.frontend.publisher.name)
    publication.ele(newsNamespace, 'news:language').txt(String(article.language))
    news
      .ele(newsNamespace, 'news:publication_date')
      .txt(new Date(article.publishedAt).toISOString())
    news.ele(newsNamespace, 'news:title').txt(String(article.title))
  }
  return serialise(urlset.doc())
}
