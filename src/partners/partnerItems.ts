import type { PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { viewOfArticle } from '../delivery/loadArticleView.ts'
import { cmsOrigin } from '../delivery/imageView.ts'
import { listedArticlesWhere } from '../delivery/loadFeed.ts'
import { type NinjsFormat, partnerRefusalOf } from '../rules/partnerRules.ts'
import { relationID } from '../utilities/documentValue.ts'
import { bodyHtmlOf } from './bodyHtml.ts'
import { toNinjs, toNinjsKill } from './ninjsItem.ts'
import type { Partner } from './partnerTokens.ts'

type Doc = Record<string, any>

/** The sources whose licence lets us pass their items on. */
export const redistributableSources = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
) => {
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
export const partnerItemsWhere = (
  partner: Partner,
  redistributable: Set<string>,
  now: Date,
): Where[] => {
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

/** A syndicated piece's licence term for redistribution, from the set `redistributableSources` read. */
export const redistributionOf = (article: Doc, redistributable: Set<string>) =>
  redistributable.has(String(relationID(article.attribution?.source))) ? 'allowed' : 'forbidden'

/** Whether `partner` may have `article` now: null, or why not (see `partnerRefusalOf`). */
export const refusalFor = (
  article: Doc,
  redistributable: Set<string>,
  partner: Partner,
  now: Date,
) => partnerRefusalOf(article, redistributionOf(article, redistributable), partner, now)

/**
 * What `refusalFor` needs to judge one article: the redistributable sources, read only when the
 * article is syndicated (ours need no licence).
 */
export const redistributableFor = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
): Promise<Set<string>> =>
  article.origin === 'syndicated'
    ? redistributableSources(req, options)
    : Promise.resolve(new Set<string>())

/** One article as the public may read it, or null (not published, retracted, unknown). */
export const readPublicArticle = async (
  publicReq: PayloadRequest,
  options: ResolvedNewsroomOptions,
  id: number | string,
): Promise<Doc | null> => {
  const { docs } = await publicReq.payload.find({
    collection: options.collections.articles.slug,
    depth: 0,
    joins: false,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req: publicReq,
    where: { and: [{ id: { equals: id } }, ...listedArticlesWhere()] },
  })
  return docs[0] ?? null
}

/** The item's version: the instant its published form last changed. */
export const versionOf = (article: Doc) => String(article.updatedAt)

/** The item's permanent address: its partner URL, the same across slug changes and versions. */
export const itemUri = (
  payload: PayloadRequest['payload'],
  options: ResolvedNewsroomOptions,
  id: number | string,
) =>
  `${cmsOrigin(payload.config.serverURL, options.frontend)}/api/${options.collections.partners.slug}/feed/${encodeURIComponent(String(id))}`

/** One article as a partner receives it: the view an anonymous reader gets, its body as HTML, its addresses. */
export const partnerViewOf = async (
  publicReq: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  now: Date,
) => {
  const view = await viewOfArticle(publicReq, options, article, now)
  const { frontend } = options
  return {
    article,
    bodyHtml: bodyHtmlOf(view.body, view.bodyImages),
    uri: itemUri(publicReq.payload, options, article.id),
    url: `${frontend.siteUrl}${frontend.articlePath(view.language, view.slug)}`,
    view,
  }
}
export type PartnerView = Awaited<ReturnType<typeof partnerViewOf>>

/** The item as ninjs. */
export const ninjsItemOf = (
  options: ResolvedNewsroomOptions,
  { article, bodyHtml, uri, url, view }: PartnerView,
  format: NinjsFormat,
) => {
  const { frontend } = options
  return toNinjs(format, {
    bodyHtml,
    firstCreated: String(article.createdAt),
    publisher: { name: frontend.publisher.name, siteUrl: frontend.siteUrl },
    trustPolicies: { ...frontend.publisher.policies },
    uri,
    url,
    usageTerms: article.origin === 'syndicated' ? (article.attribution?.usageTerms ?? null) : null,
    version: versionOf(article),
    view,
  })
}

/** What a kill notice holds, stored with it when queued: enough to say which item to take down. */
export type KillNotice = {
  at: string
  id: number | string
  language: null | string
  reason: string
}

/** A kill notice as a ninjs item. */
export const killItemOf = (
  payload: PayloadRequest['payload'],
  options: ResolvedNewsroomOptions,
  format: NinjsFormat,
  kill: KillNotice,
) =>
  toNinjsKill(format, {
    id: kill.id,
    language: kill.language,
    reason: kill.reason,
    uri: itemUri(payload, options, kill.id),
    version: kill.at,
  })
