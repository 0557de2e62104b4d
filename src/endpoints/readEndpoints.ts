import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { cacheableJson, cacheableText, uncachedError } from '../http/cacheableJson.ts'
import { toNewsArticleJsonLd } from '../read/jsonLd.ts'
import { articlePreviewUrl, loadArticlePreview } from '../preview/articlePreview.ts'
import { loadArticleView } from '../read/loadArticleView.ts'
import { loadDisclaimerPage } from '../read/loadDisclaimerPage.ts'
import { feedQueryFrom, loadFeed } from '../read/loadFeed.ts'
import { countSitemapPages, loadNewsSitemap, loadSitemapPage, sitemapContentType, sitemapIndexXml } from '../read/sitemaps.ts'
import {
  loadSyndicationFeed,
  syndicationContentTypes,
  syndicationDefaultLimit,
  type SyndicationFormat,
} from '../read/syndicationFeeds.ts'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/**
 * Read endpoints for frontends, answered for the request's user (the public sees published content):
 * - `GET /api/<articles>/view/:language/:slug`: the render-ready article and its JSON-LD;
 * - `GET /api/<articles>/feed/:language?section=<slug>&page=&limit=`: feed cards (see `loadFeed`);
 * - `GET /api/<articles>/rss/:language`, `/atom/:language` (`?section=<slug>&limit=`): RSS 2.0 and Atom;
 * - `GET /api/<articles>/sitemap` (an index), `/sitemap/:page` and `/news-sitemap` (Google News).
 */
export const readEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const view = await loadArticleView(req, options, { language: param(req, 'language'), slug: param(req, 'slug') })
      if (!view) {
        return uncachedError(req.t('error:notFound'), 404)
      }
      return cacheableJson(req, { article: view, jsonLd: toNewsArticleJsonLd(view, options.frontend) }, options.frontend.cache)
    },
    method: 'get',
    path: '/view/:language/:slug',
  },
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const query = await feedQueryFrom(req, options, {
        language: param(req, 'language'),
        limit: req.searchParams.get('limit'),
        page: req.searchParams.get('page'),
        section: req.searchParams.get('section'),
      })
      if (!query) return uncachedError(req.t('error:notFound'), 404)
      return cacheableJson(req, await loadFeed(req, options, query), options.frontend.cache)
    },
    method: 'get',
    path: '/feed/:language',
  },
  ...(['rss', 'atom'] as const).map((format) => syndicationEndpoint(options, format)),
  {
    // The draft a preview token names, for whoever holds the token; never cached, never indexed.
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const preview = await loadArticlePreview(req, options, req.searchParams.get('token'))
      if (!preview) return uncachedError(req.t('error:notFound'), 404)
      return Response.json(
        { article: preview.view, preview: { expiresAt: preview.expiresAt.toISOString() } },
        { headers: { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' } },
      )
    },
    method: 'get',
    path: '/preview',
  },
  {
    // A preview link for a signed-in user who may read the article's drafts (what the admin's button opens).
    handler: async (req) => {
      const link = await articlePreviewUrl(req, options, param(req, 'id'))
      if (!link) return uncachedError(req.t('error:notFound'), 404)
      return Response.json({ expiresAt: link.expiresAt.toISOString(), url: link.url }, { headers: { 'Cache-Control': 'private, no-store' } })
    },
    method: 'get',
    path: '/:id/preview-url',
  },
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const pages = await countSitemapPages(req, options)
      const base = `${new URL(req.url ?? '', 'http://localhost').origin}${req.payload.config.routes.api}/${options.collections.articles.slug}`
      return cacheableText(req, sitemapIndexXml(pages, (page) => `${base}/sitemap/${page}`), sitemapContentType, options.frontend.cache)
    },
    method: 'get',
    path: '/sitemap',
  },
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const page = Number(param(req, 'page'))
      const xml = Number.isSafeInteger(page) && page >= 1 ? await loadSitemapPage(req, options, page) : null
      return xml === null ? uncachedError(req.t('error:notFound'), 404) : cacheableText(req, xml, sitemapContentType, options.frontend.cache)
    },
    method: 'get',
    path: '/sitemap/:page',
  },
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      return cacheableText(req, await loadNewsSitemap(req, options), sitemapContentType, options.frontend.cache)
    },
    method: 'get',
    path: '/news-sitemap',
  },
]

const syndicationEndpoint = (options: ResolvedNewsroomOptions, format: SyndicationFormat): Endpoint => ({
  handler: async (req) => {
    options.rateLimit.checkPublicRead(req)
    const query = await feedQueryFrom(req, options, {
      language: param(req, 'language'),
      limit: req.searchParams.get('limit') ?? syndicationDefaultLimit,
      section: req.searchParams.get('section'),
    })
    if (!query) return uncachedError(req.t('error:notFound'), 404)
    const xml = await loadSyndicationFeed(req, options, { format, query, selfUrl: String(req.url) })
    return cacheableText(req, xml, syndicationContentTypes[format], options.frontend.cache)
  },
  method: 'get',
  path: `/${format}/:language`,
})

/** `GET /api/<disclaimers>/page/:language`: the Disclaimer page's texts (see `loadDisclaimerPage`). */
export const disclaimerPageEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  handler: async (req) => {
    options.rateLimit.checkPublicRead(req)
    const page = await loadDisclaimerPage(req, options, param(req, 'language'))
    return page ? cacheableJson(req, page, options.frontend.cache) : uncachedError(req.t('error:notFound'), 404)
  },
  method: 'get',
  path: '/page/:language',
})
