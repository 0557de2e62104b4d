import type { Endpoint, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { isNinjsFormat, type PartnerFormat, partnerFormats } from '../rules/partnerRules.ts'
import { syndicationContentTypes } from '../delivery/syndicationFeeds.ts'
import { cmsOrigin } from '../delivery/imageView.ts'
import { hasAnyRole } from '../users/roles.ts'
import { isWellFormedID } from '../utilities/documentValue.ts'
import { refusal } from '../utilities/refusal.ts'
import {
  itemUri,
  ninjsItemOf,
  partnerViewOf,
  killItemOf,
  partnerItemsWhere,
  readPublicArticle,
  redistributableFor,
  redistributableSources,
  type PartnerView,
  refusalFor,
  versionOf,
} from './partnerItems.ts'
import { publicRequest } from '../delivery/sitemaps.ts'
import {
  markCollected,
  killNotices,
  type ReceiptEntry,
  receiptEntryOf,
  recordReceipt,
} from './partnerReceipts.ts'
import { partnerFeedDocument } from './partnerFeedDocument.ts'
import {
  authenticatePartner,
  issuePartnerToken,
  issuingTokenContext,
  type Partner,
} from './partnerTokens.ts'

import { badRequest, searchParam } from '../utilities/searchParams.ts'

type Doc = Record<string, any>

/** Items per pull page: 20 unless asked, at most 50 (each item carries its whole body). */
export const partnerPageSize = { default: 20, max: 50 }
/** A token lives 90 days unless the admin asks otherwise, and at most two years. */
export const partnerTokenLifetimeDays = { default: 90, max: 730 }

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

/** An answer with a strong ETag of its body; a 304 when the partner already holds it. */
const taggedAnswer = (
  req: PayloadRequest,
  { contentType, text }: Rendered,
): { fresh: boolean; response: Response } => {
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
          headers: { ...headers, 'content-type': contentType },
          status: 200,
        }),
      }
}

type Rendered = { contentType: string; text: string }

/** What an answer holds: items and kills, and, for a page, where it stands in the list. */
type AnswerContent = {
  items: PartnerView[]
  kills: Doc[]
  page?: {
    limit: number
    nextPage: null | number
    page: number
    totalDocs: number
    totalPages: number
  }
}

/**
 * The answer in the partner's format: ninjs JSON (a page `{ format, items, kills, … }`, or one item
 * or kill alone), or an RSS or Atom document with full content. Also the receipt's lines.
 */
const render = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  format: PartnerFormat,
  { items, kills, page }: AnswerContent,
): Rendered & { entries: ReceiptEntry[] } => {
  const killAt = (delivery: Doc) => String(delivery.body.kill.at)
  const entries = [
    ...items.map(({ article }) => receiptEntryOf(article, versionOf(article))),
    ...kills.map((delivery): ReceiptEntry => ({
      ...receiptEntryOf(
        { id: delivery.articleRef, title: delivery.articleTitle },
        killAt(delivery),
      ),
      notice: 'kill',
    })),
  ]
  if (!isNinjsFormat(format)) {
    const text = partnerFeedDocument(options, format, {
      items,
      kills: kills.map((delivery) => ({
        at: killAt(delivery),
        reason: String(delivery.reason),
        title: String(delivery.articleTitle ?? ''),
        uri: itemUri(req.payload, options, delivery.articleRef),
      })),
      selfUrl: `${cmsOrigin(req.payload.config.serverURL, options.frontend)}/api/${options.collections.partners.slug}/feed?format=${format}`,
    })
    return { contentType: syndicationContentTypes[format], entries, text }
  }
  const ninjsItems = items.map((item) => ninjsItemOf(options, item, format))
  const ninjsKills = kills.map((delivery) =>
    killItemOf(req.payload, options, format, delivery.body.kill),
  )
  const body = page
    ? { format, items: ninjsItems, kills: ninjsKills, ...page }
    : (ninjsItems[0] ?? ninjsKills[0])
  return { contentType: 'application/json; charset=utf-8', entries, text: JSON.stringify(body) }
}

/** Sends the answer; a fresh one (not a 304) collects the kills it carries and leaves its receipt. */
const answer = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  partner: Partner,
  format: PartnerFormat,
  content: AnswerContent,
  collected: Doc[],
) => {
  const rendered = render(req, options, format, content)
  const { fresh, response } = taggedAnswer(req, rendered)
  if (fresh && (rendered.entries.length || collected.length)) {
    await markCollected(req, options, collected)
    if (rendered.entries.length) {
      await recordReceipt(req, options, {
        channel: 'pull',
        entries: rendered.entries,
        format,
        partner: partner.id,
      })
    }
  }
  return response
}

/** A GET for partners: the token's partner (or the 401 to answer) and the format it asked for. */
const partnerRead = (
  options: ResolvedNewsroomOptions,
  path: string,
  handle: (
    req: PayloadRequest,
    context: { format: PartnerFormat; now: Date; partner: Partner },
  ) => Promise<Response>,
): Endpoint => ({
  handler: async (req) => {
    const now = new Date()
    const partner = await authenticatePartner(req, options, now)
    return partner instanceof Response
      ? partner
      : handle(req, { format: formatOf(req, partner), now, partner })
  },
  method: 'get',
  path,
})

/**
 * The partner API (README: "Syndicating to partners"): `GET /api/<partners>/feed` lists what the
 * token's partner may receive, newest change first (`?since=`, `?page=`, `?limit=`, `?format=`);
 * `GET /api/<partners>/feed/:id` answers one item. Admins issue tokens with
 * `POST /api/<partners>/:id/tokens`.
 */
export const partnerEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  partnerRead(options, '/feed', async (req, { format, now, partner }) => {
    const limit = wholeNumberParam(req, 'limit', 1, partnerPageSize.max, partnerPageSize.default)
    const page = wholeNumberParam(req, 'page', 1, options.inputLimits.query.maxPage, 1)
    const since = sinceOf(req)
    const publicReq = await publicRequest(req)
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
      (article: Doc) => refusalFor(article, redistributable, partner, now) === null,
    )
    const items: PartnerView[] = []
    for (const article of articles) {
      items.push(await partnerViewOf(publicReq, options, article, now))
    }
    // Every answer carries the kills the partner has not collected yet, whatever page it asked,
    // but for items it may have again (republished since): those are in its feed instead.
    const uncollected = await killNotices(req, options, partner.id)
    const kills: Doc[] = []
    for (const notice of uncollected) {
      const current = await readPublicArticle(publicReq, options, notice.articleRef)
      if (!current || refusalFor(current, redistributable, partner, now)) {
        kills.push(notice)
      }
    }
    const pageOf = {
      limit,
      nextPage: result.nextPage ?? null,
      page: result.page ?? page,
      totalDocs: result.totalDocs,
      totalPages: result.totalPages,
    }
    return answer(req, options, partner, format, { items, kills, page: pageOf }, uncollected)
  }),
  partnerRead(options, '/feed/:id', async (req, { format, now, partner }) => {
    const id = String(req.routeParams?.id ?? '')
    const notFound = () => refusal(req.t('error:notFound'), 404, 'id')
    if (id.length > 100 || !isWellFormedID(req.payload, id)) {
      throw notFound()
    }
    const publicReq = await publicRequest(req)
    const article = await readPublicArticle(publicReq, options, id)
    const refused =
      article && refusalFor(article, await redistributableFor(req, options, article), partner, now)
    if (!article || refused) {
      // An item killed after the partner received it: the answer is the kill, every time.
      const notices = await killNotices(req, options, partner.id, { articleRef: id })
      if (notices.length) {
        return answer(
          req,
          options,
          partner,
          format,
          { items: [], kills: notices.slice(-1) },
          notices,
        )
      }
      if (!article) {
        throw notFound()
      }
      throw refusal(`This item is not for this partner (${refused}).`, 403, 'id')
    }
    const item = await partnerViewOf(publicReq, options, article, now)
    return answer(req, options, partner, format, { items: [item], kills: [] }, [])
  }),
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
