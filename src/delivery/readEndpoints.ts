import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import {
  type CacheableAnswer,
  cacheableRead,
  jsonAnswer,
  redirectAnswer,
  uncachedError,
} from './cacheableRead.ts'
import { articlePreviewUrl, loadArticlePreview } from './articlePreview.ts'
import { articleViewAnswer } from './articleHead.ts'
import { findMovedArticle, loadArticleView } from './loadArticleView.ts'
import { loadDisclaimerPage } from './loadDisclaimerPage.ts'
import { loadAuthorPage } from './authorPage.ts'
import { tdmrepJson, textAndDataMiningHeaders } from '../rules/textAndDataMining.ts'
import { loadTextAndDataMiningRules } from './siteTextAndDataMining.ts'
import { feedQueryFrom, loadFeed, publicReadMemo } from './loadFeed.ts'
import { loadPublicCorrections, publicCorrectionsFeed } from './publicCorrections.ts'
import {
  countSitemapPages,
  loadNewsSitemap,
  loadSitemapPage,
  sitemapContentType,
  sitemapIndexXml,
} from './sitemaps.ts'
import {
  loadSyndicationFeed,
  syndicationContentTypes,
  syndicationDefaultLimit,
  type SyndicationFormat,
} from './syndicationFeeds.ts'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/** A public, cacheable GET (see `cacheableRead`), counted by the public read limit. */
const publicRead = (
  options: ResolvedNewsroomOptions,
  path: string,
  build: (req: PayloadRequest, now: Date, revision: null | string) => Promise<CacheableAnswer>,
): Endpoint => ({
  handler: (req) => {
    options.rateLimit.checkPublicRead(req)
    return cacheableRead(req, options, (now, revision) => build(req, now, revision))
  },
  method: 'get',
  path,
})

const xmlAnswer = (contentType: string) => (text: null | string) =>
  text === null ? null : { contentType, text }

const syndicationEndpoint = (
  options: ResolvedNewsroomOptions,
  format: SyndicationFormat,
): Endpoint =>
  publicRead(options, `/${format}/:language`, async (req) => {
    const query = await feedQueryFrom(req, options, {
      language: param(req, 'language'),
      limit: req.searchParams.get('limit') ?? syndicationDefaultLimit,
      section: req.searchParams.get('section'),
    })
    if (!query) {
      return null
    }
    return xmlAnswer(syndicationContentTypes[format])(
      await loadSyndicationFeed(req, options, { format, query, selfUrl: String(req.url) }),
    )
  })

/**
 * Read endpoints for frontends, answered for the request's user (the public sees published content),
 * cacheable by a CDN:
 * - `GET /api/<articles>/view/:language/:slug`: the render-ready article and its JSON-LD;
 * - `GET /api/<articles>/feed/:language?section=<slug>&page=&limit=`: feed cards (see `loadFeed`);
 * - `GET /api/<articles>/rss/:language`, `/atom/:language` (`?section=<slug>&limit=`): RSS 2.0 and Atom;
 * - `GET /api/<articles>/corrections/:language` (and `/rss`, `/atom`): every correction and retraction;
 * - `GET /api/<articles>/sitemap` (an index), `/sitemap/:page` and `/news-sitemap` (Google News);
 * - `GET /api/<articles>/tdmrep`: the site's text-and-data-mining rules (TDMRep's `tdmrep.json`).
 * And for editors' previews, never cached: `GET /api/<articles>/preview?token=` and `/:id/preview-url`.
 */
export const readEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  publicRead(options, '/view/:language/:slug', async (req, now) => {
    const view = await loadArticleView(
      req,
      options,
      { language: param(req, 'language'), slug: param(req, 'slug') },
      now,
    )
    if (view) {
      return jsonAnswer(
        articleViewAnswer(view, options.frontend),
        textAndDataMiningHeaders(view.textAndDataMining),
      )
    }
    // A renamed article answers at its old paths too: permanently moved to the current one.
    const moved = await findMovedArticle(req, options, {
      language: param(req, 'language'),
      slug: param(req, 'slug'),
    })
    return moved
      ? redirectAnswer(
          `${req.payload.config.routes.api}/${options.collections.articles.slug}/view/${moved.language}/${moved.slug}`,
        )
      : null
  }),
  publicRead(options, '/feed/:language', async (req, now, revision) => {
    const memo = publicReadMemo(options, revision)
    const given = {
      language: param(req, 'language'),
      limit: req.searchParams.get('limit'),
      page: req.searchParams.get('page'),
      section: req.searchParams.get('section'),
    }
    const query = await feedQueryFrom(req, options, given, memo)
    return query ? jsonAnswer(await loadFeed(req, options, query, now, memo)) : null
  }),
  ...(['rss', 'atom'] as const).map((format) => syndicationEndpoint(options, format)),
  publicRead(options, '/corrections/:language', async (req) => {
    const list = await loadPublicCorrections(req, options, param(req, 'language'))
    return list ? jsonAnswer(list) : null
  }),
  ...(['rss', 'atom'] as const).map((format) =>
    publicRead(options, `/corrections/:language/${format}`, async (req) => {
      const list = await loadPublicCorrections(req, options, param(req, 'language'))
      return xmlAnswer(syndicationContentTypes[format])(
        list && publicCorrectionsFeed(options, list, { format, selfUrl: String(req.url) }),
      )
    }),
  ),
  publicRead(options, '/sitemap', async (req) => {
    const pages = await countSitemapPages(req, options)
    const base = `${new URL(String(req.url), 'http://localhost').origin}${req.payload.config.routes.api}/${options.collections.articles.slug}`
    return xmlAnswer(sitemapContentType)(
      sitemapIndexXml(pages, (page) => `${base}/sitemap/${page}`),
    )
  }),
  publicRead(options, '/sitemap/:page', async (req) => {
    const page = Number(param(req, 'page'))
    return xmlAnswer(sitemapContentType)(
      Number.isSafeInteger(page) && page >= 1 ? await loadSitemapPage(req, options, page) : null,
    )
  }),
  publicRead(options, '/news-sitemap', async (req, now) =>
    xmlAnswer(sitemapContentType)(await loadNewsSitemap(req, options, now)),
  ),
  // What `/.well-known/tdmrep.json` serves: which article paths are reserved from text and data mining.
  publicRead(options, '/tdmrep', async (req) =>
    jsonAnswer(tdmrepJson(await loadTextAndDataMiningRules(req, options))),
  ),
  {
    // The draft a preview token names, for whoever holds the token; never cached, never indexed.
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const preview = await loadArticlePreview(req, options, req.searchParams.get('token'))
      if (!preview) {
        return uncachedError(req.t('error:notFound'), 404)
      }
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
      if (!link) {
        return uncachedError(req.t('error:notFound'), 404)
      }
      return Response.json(
        { expiresAt: link.expiresAt.toISOString(), url: link.url },
        { headers: { 'Cache-Control': 'private, no-store' } },
      )
    },
    method: 'get',
    path: '/:id/preview-url',
  },
]

/** `GET /api/<disclaimers>/page/:language`: the Disclaimer page's texts (see `loadDisclaimerPage`). */
export const disclaimerPageEndpoint = (options: ResolvedNewsroomOptions): Endpoint =>
  publicRead(options, '/page/:language', async (req, now) => {
    const page = await loadDisclaimerPage(req, options, param(req, 'language'), now)
    return page ? jsonAnswer(page) : null
  })

/** `GET /api/<users>/authors/:language/:slug?page=&limit=`: an author page (see `loadAuthorPage`). */
export const authorPageEndpoint = (options: ResolvedNewsroomOptions): Endpoint =>
  publicRead(options, '/authors/:language/:slug', async (req, now) => {
    const page = await loadAuthorPage(
      req,
      options,
      {
        language: param(req, 'language'),
        limit: req.searchParams.get('limit'),
        page: req.searchParams.get('page'),
        slug: param(req, 'slug'),
      },
      now,
    )
    return page ? jsonAnswer(page) : null
  })
