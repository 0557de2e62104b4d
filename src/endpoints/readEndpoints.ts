import type { CollectionSlug, Endpoint, PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { toNewsArticleJsonLd } from '../read/jsonLd.ts'
import { loadArticleView } from '../read/loadArticleView.ts'
import { relationID } from '../utilities/documentValue.ts'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/** Feed order: pinned first, then newest (the feed index holds this order). */
export const feedSort = ['-pinned', '-publishedAt']
/** Feed items per page unless `?limit=` says otherwise (at most 100). */
export const feedDefaultLimit = 20

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

/**
 * Read endpoints for frontends, answered for the request's user (the public sees published content):
 * - `GET /api/<articles>/view/:language/:slug`: the render-ready article and its JSON-LD;
 * - `GET /api/<articles>/feed/:language?section=<slug>&page=&limit=`: published articles, pinned
 *   first, newest first, without bodies.
 */
export const readEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const view = await loadArticleView(req, options, { language: param(req, 'language'), slug: param(req, 'slug') })
      if (!view) {
        return Response.json({ errors: [{ message: req.t('error:notFound') }] }, { status: 404 })
      }
      return Response.json({ article: view, jsonLd: toNewsArticleJsonLd(view, options.frontend) })
    },
    method: 'get',
    path: '/view/:language/:slug',
  },
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const language = param(req, 'language')
      const query = req.searchParams
      const limit = Math.min(Math.max(Number(query.get('limit')) || feedDefaultLimit, 1), 100)
      const page = Math.max(Number(query.get('page')) || 1, 1)
      const sectionSlug = query.get('section')
      let sectionFilter = {}
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
          return Response.json({ errors: [{ message: req.t('error:notFound') }] }, { status: 404 })
        }
        sectionFilter = { section: { equals: docs[0].id } }
      }
      const result = await req.payload.find({
        collection: options.collections.articles.slug as CollectionSlug,
        depth: 0,
        joins: false as never,
        limit,
        locale: language as TypedLocale,
        overrideAccess: false,
        page,
        req,
        select: feedItemSelect as never,
        sort: feedSort,
        where: { and: [{ language: { equals: language } }, { _status: { equals: 'published' } }, sectionFilter] },
      })
      return Response.json({
        ...result,
        docs: result.docs.map((doc: Record<string, any>) => ({ ...doc, section: relationID(doc.section) ?? null })),
      })
    },
    method: 'get',
    path: '/feed/:language',
  },
]
