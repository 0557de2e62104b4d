import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { cacheableJson, uncachedError } from '../http/cacheableJson.ts'
import { toNewsArticleJsonLd } from '../read/jsonLd.ts'
import { loadArticleView } from '../read/loadArticleView.ts'
import { loadDisclaimerPage } from '../read/loadDisclaimerPage.ts'
import { feedQueryFrom, loadFeed } from '../read/loadFeed.ts'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/**
 * Read endpoints for frontends, answered for the request's user (the public sees published content):
 * - `GET /api/<articles>/view/:language/:slug`: the render-ready article and its JSON-LD;
 * - `GET /api/<articles>/feed/:language?section=<slug>&page=&limit=`: feed cards (see `loadFeed`).
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
]

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
