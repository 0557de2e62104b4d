import type { CollectionSlug, Endpoint, PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { cacheableJson, uncachedError } from '../http/cacheableJson.ts'
import { toNewsArticleJsonLd } from '../read/jsonLd.ts'
import { loadArticleView } from '../read/loadArticleView.ts'
import { loadDisclaimerPage } from '../read/loadDisclaimerPage.ts'
import { feedDefaultLimit, loadFeed } from '../read/loadFeed.ts'

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
      const language = param(req, 'language')
      if (!options.languages.includes(language)) {
        return uncachedError(req.t('error:notFound'), 404)
      }
      const query = req.searchParams
      const limit = Math.min(Math.max(Math.trunc(Number(query.get('limit'))) || feedDefaultLimit, 1), 100)
      const page = Math.min(Math.max(Math.trunc(Number(query.get('page'))) || 1, 1), options.inputLimits.query.maxPage)
      const sectionSlug = query.get('section')
      let sectionID: number | string | undefined
      if (sectionSlug) {
        const { docs } = await req.payload.find({
          collection: options.collections.sections.slug as CollectionSlug,
          depth: 0,
          limit: 1,
          overrideAccess: false,
          req,
          where: { slug: { equals: sectionSlug } },
        })
        if (!docs[0]) {
          return uncachedError(req.t('error:notFound'), 404)
        }
        sectionID = docs[0].id
      }
      return cacheableJson(req, await loadFeed(req, options, { language, limit, page, section: sectionID }), options.frontend.cache)
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
