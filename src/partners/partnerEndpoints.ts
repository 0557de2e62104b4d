import type { Endpoint, PayloadRequest, Where } from 'payload'

import { createHash } from 'node:crypto'
import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { viewOfArticle } from '../delivery/loadArticleView.ts'
import { cmsOrigin } from '../delivery/imageView.ts'
import { listedArticlesWhere } from '../delivery/loadFeed.ts'
import { type PartnerFormat, partnerFormats, partnerRefusalOf } from '../rules/partnerRules.ts'
import { hasAnyRole } from '../users/roles.ts'
import { isWellFormedID, relationID } from '../utilities/documentValue.ts'
import { refusal } from '../utilities/refusal.ts'
import { bodyHtmlOf } from './bodyHtml.ts'
import { toNinjs } from './ninjsItem.ts'
import {
  authenticatePartner,
  issuePartnerToken,
  issuingTokenContext,
  type Partner,
} from './partnerTokens.ts'

type Doc = Record<string, any>

/** Items per pull page: 20 unless asked, at most 50 (each item carries its whole body). */
export const partnerPageSize = { default: 20, max: 50 }
/** A token lives 90 days unless the admin asks otherwise, and at most two years. */
export const partnerTokenLifetimeDays = { default: 90, max: 730 }

const badRequest = (path: string, message: string): never => {
  throw refusal(message, 400, path)
}

const searchParam = (req: PayloadRequest, name: string): string | undefined => {
  const values = new URL(req.url ?? 'http://localhost').searchParams.getAll(name)
  if (values.length > 1) {
    badRequest(name, `${name} may be given once.`)
  }
  return values[0]
}

/** `?format=`: one of the partner's formats (its first unless asked). */
const formatOf = (req: PayloadRequest, partner: Partner): PartnerFormat => {
  const given = searchParam(req, 'format')
  const allowed: string[] = Array.isArray(partner.formats) ? partner.formats : []
  if (given !== undefined && !(partnerFormats as readonly string[]).includes(given)) {
    badRequest('format', `format must be one of: ${partnerFormats.join(', ')}.`)
  }
  const format =
    given ?? allowed.find((value) => (partnerFormats as readonly string[]).includes(value))
  if (!format || !allowed.includes(format)) {
    throw refusal(`This partner does not take ${format ?? 'any pull format'}.`, 403, 'format')
  }
  return format as PartnerFormat
}

const wholeNumberParam = (
  req: PayloadRequest,
  name: string,
  min: number,
  max: number,
  fallback: number,
) => {
  const given = searchParam(req, name)
  if (given === undefined) {
    return fallback
  }
  if (!/^\d{1,6}$/.test(given) || Number(given) < min || Number(given) > max) {
    badRequest(name, `${name} must be a whole number from ${min} to ${max}.`)
  }
  return Number(given)
}

/** `?since=`: an ISO 8601 instant; items changed after it. */
const sinceOf = (req: PayloadRequest): Date | undefined => {
  const given = searchParam(req, 'since')
  if (given === undefined) {
    return undefined
  }
  const at = new Date(given)
  if (given.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(given) || Number.isNaN(at.getTime())) {
    badRequest('since', 'since must be an ISO 8601 date and time.')
  }
  return at
}

/** The sources whose licence lets us pass their items on. */
const redistributableSources = async (req: PayloadRequest, options: ResolvedNewsroomOptions) => {
  // The licence terms are staff-only fields: the system reads them for the partner.
  const { docs } = await req.payload.find({
    collection: options.collections.sources.slug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { licence: true },
    where: { 'licence.redistribution': { equals: 'allowed' } },
  })
  return new Set(docs.map((source) => String(source.id)))
}

/**
 * What a partner may receive at `now`, as a query: the same rule as `partnerRefusalOf`, which the
 * endpoints apply again to every item they send.
 */
const partnerItemsWhere = (partner: Partner, redistributable: Set<string>, now: Date): Where[] => {
  const languages: string[] = partner.filters?.languages ?? []
  const sections = ((partner.filters?.sections ?? []) as unknown[]).map(relationID)
  const notYet = now.toISOString()
  const syndicated: Where = {
    and: [
      { origin: { equals: 'syndicated' } },
      { 'attribution.source': { in: [...redistributable] } },
      {
        or: [
          { 'attribution.rightsExpireAt': { exists: false } },
          { 'attribution.rightsExpireAt': { greater_than: notYet } },
        ],
      },
    ],
  }
  return [
    ...listedArticlesWhere(),
    { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: notYet } }] },
    ...(languages.length ? [{ language: { in: languages } }] : []),
    ...(sections.length ? [{ section: { in: sections } }] : []),
    partner.filters?.origin === 'own-and-redistributable' && redistributable.size > 0
      ? { or: [{ origin: { equals: 'original' } }, syndicated] }
      : { origin: { equals: 'original' } },
  ]
}

/** The item's version: the instant its published form last changed. */
const versionOf = (article: Doc) => String(article.updatedAt)

/** One article as a ninjs item, built from the view an anonymous reader gets. */
const itemOf = async (
  publicReq: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  format: PartnerFormat,
  now: Date,
) => {
  const view = await viewOfArticle(publicReq, options, article, now)
  const { frontend } = options
  const origin = cmsOrigin(publicReq.payload.config.serverURL, frontend)
  return toNinjs(format, {
    bodyHtml: bodyHtmlOf(view.body, view.bodyImages),
    firstCreated: String(article.createdAt),
    publisher: { name: frontend.publisher.name, siteUrl: frontend.siteUrl },
    trustPolicies: { ...frontend.publisher.policies },
    uri: `${origin}/api/${options.collections.partners.slug}/feed/${encodeURIComponent(String(article.id))}`,
    url: `${frontend.siteUrl}${frontend.articlePath(view.language, view.slug)}`,
    usageTerms: article.origin === 'syndicated' ? (article.attribution?.usageTerms ?? null) : null,
    version: versionOf(article),
    view,
  })
}

/** The receipt of what a partner was sent: appended, never changed. */
const recordReceipt = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  partner: Partner,
  format: PartnerFormat,
  articles: Doc[],
) =>
  req.payload.create({
    collection: options.collections.partnerReceipts.slug,
    data: {
      channel: 'pull',
      format,
      items: articles.map((article) => ({
        articleRef: String(article.id),
        title: String(article.title ?? '').slice(0, 300),
        version: versionOf(article),
      })),
      partner: partner.id,
    },
    // Written by the system: nobody may create receipts through the API.
    overrideAccess: true,
    req,
  })

/** A JSON answer with a strong ETag of its body; a 304 when the partner already holds it. */
const taggedAnswer = (
  req: PayloadRequest,
  body: unknown,
): { fresh: boolean; response: Response } => {
  const text = JSON.stringify(body)
  const etag = `"${createHash('sha256').update(text).digest('base64url')}"`
  const headers = {
    'cache-control': 'private, no-cache',
    etag,
    vary: 'Authorization',
  }
  const held = (req.headers.get('if-none-match') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .includes(etag)
  return held
    ? { fresh: false, response: new Response(null, { headers, status: 304 }) }
    : {
        fresh: true,
        response: new Response(text, {
          headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
          status: 200,
        }),
      }
}

/** Reads for a partner go through the public's access rules, whatever session the request carries. */
const publicRequestOf = (req: PayloadRequest) => createLocalReq({}, req.payload)

/**
 * The partner API (README: "Syndicating to partners"): `GET /api/<partners>/feed` lists what the
 * token's partner may receive, newest change first (`?since=`, `?page=`, `?limit=`, `?format=`);
 * `GET /api/<partners>/feed/:id` answers one item. Admins issue tokens with
 * `POST /api/<partners>/:id/tokens`.
 */
export const partnerEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  {
    handler: async (req) => {
      const now = new Date()
      const partner = await authenticatePartner(req, options, now)
      if (partner instanceof Response) {
        return partner
      }
      const format = formatOf(req, partner)
      const limit = wholeNumberParam(req, 'limit', 1, partnerPageSize.max, partnerPageSize.default)
      const page = wholeNumberParam(req, 'page', 1, options.inputLimits.query.maxPage, 1)
      const since = sinceOf(req)
      const publicReq = await publicRequestOf(req)
      const redistributable = await redistributableSources(req, options)
      const result = await req.payload.find({
        collection: options.collections.articles.slug,
        depth: 0,
        joins: false,
        limit,
        overrideAccess: false,
        page,
        req: publicReq,
        sort: ['-updatedAt', '-createdAt'],
        where: {
          and: [
            ...partnerItemsWhere(partner, redistributable, now),
            ...(since ? [{ updatedAt: { greater_than: since.toISOString() } }] : []),
          ],
        },
      })
      const articles = result.docs.filter(
        (article: Doc) =>
          partnerRefusalOf(
            article,
            redistributable.has(String(relationID(article.attribution?.source)))
              ? 'allowed'
              : 'forbidden',
            partner,
            now,
          ) === null,
      )
      const items = []
      for (const article of articles) {
        items.push(await itemOf(publicReq, options, article, format, now))
      }
      const { fresh, response } = taggedAnswer(req, {
        format,
        items,
        limit,
        nextPage: result.nextPage ?? null,
        page: result.page ?? page,
        totalDocs: result.totalDocs,
        totalPages: result.totalPages,
      })
      if (fresh && articles.length) {
        await recordReceipt(req, options, partner, format, articles)
      }
      return response
    },
    method: 'get',
    path: '/feed',
  },
  {
    handler: async (req) => {
      const now = new Date()
      const partner = await authenticatePartner(req, options, now)
      if (partner instanceof Response) {
        return partner
      }
      const format = formatOf(req, partner)
      const id = String(req.routeParams?.id ?? '')
      const notFound = () => refusal(req.t('error:notFound'), 404, 'id')
      if (id.length > 100 || !isWellFormedID(req.payload, id)) {
        throw notFound()
      }
      const publicReq = await publicRequestOf(req)
      const { docs } = await req.payload.find({
        collection: options.collections.articles.slug,
        depth: 0,
        joins: false,
        limit: 1,
        overrideAccess: false,
        pagination: false,
        req: publicReq,
        where: { and: [{ id: { equals: id } }, ...listedArticlesWhere()] },
      })
      const article = docs[0] as Doc | undefined
      if (!article) {
        throw notFound()
      }
      const redistributable = await redistributableSources(req, options)
      const refused = partnerRefusalOf(
        article,
        redistributable.has(String(relationID(article.attribution?.source)))
          ? 'allowed'
          : 'forbidden',
        partner,
        now,
      )
      if (refused) {
        throw refusal(`This item is not for this partner (${refused}).`, 403, 'id')
      }
      const item = await itemOf(publicReq, options, article, format, now)
      const { fresh, response } = taggedAnswer(req, item)
      if (fresh) {
        await recordReceipt(req, options, partner, format, [article])
      }
      return response
    },
    method: 'get',
    path: '/feed/:id',
  },
  {
    handler: async (req) => {
      if (!req.user || !hasAnyRole(req.user, ['admin'])) {
        throw refusal(req.t('error:unauthorized'), req.user ? 403 : 401)
      }
      const id = String(req.routeParams?.id ?? '')
      const body: unknown = await req.json?.().catch(() => undefined)
      const given = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >
      const label = given.label ?? null
      if (label !== null && (typeof label !== 'string' || label.length > 120)) {
        badRequest('label', 'label must be text of at most 120 characters.')
      }
      const days = given.days ?? partnerTokenLifetimeDays.default
      if (
        !Number.isInteger(days) ||
        (days as number) < 1 ||
        (days as number) > partnerTokenLifetimeDays.max
      ) {
        badRequest('days', `days must be a whole number from 1 to ${partnerTokenLifetimeDays.max}.`)
      }
      if (id.length > 100 || !isWellFormedID(req.payload, id)) {
        throw refusal(req.t('error:notFound'), 404, 'id')
      }
      const partner = await req.payload.findByID({
        id,
        collection: options.collections.partners.slug,
        depth: 0,
        disableErrors: true,
        overrideAccess: false,
        req,
      })
      if (!partner) {
        throw refusal(req.t('error:notFound'), 404, 'id')
      }
      const { hash, token } = issuePartnerToken()
      const expiresAt = new Date(Date.now() + (days as number) * 86_400_000).toISOString()
      // Only this endpoint may write a hash (see the field's access); the admin's own rights apply.
      req.context[issuingTokenContext] = true
      await req.payload.update({
        id,
        collection: options.collections.partners.slug,
        data: { tokens: [...((partner.tokens as Doc[]) ?? []), { expiresAt, hash, label }] },
        depth: 0,
        overrideAccess: false,
        req,
      })
      return Response.json(
        { expiresAt, label, token },
        { headers: { 'cache-control': 'no-store' }, status: 201 },
      )
    },
    method: 'post',
    path: '/:id/tokens',
  },
]
