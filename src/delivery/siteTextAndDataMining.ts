import type { PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import {
  robotsTxt,
  type TextAndDataMiningReservation,
  textAndDataMiningReservationOf,
  type TextAndDataMiningRule,
} from '../rules/textAndDataMining.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import { cmsOrigin } from './imageView.ts'
import { publicRequest } from './sitemaps.ts'

/**
 * Articles named one by one in `tdmrep.json` and robots.txt at most. Beyond it (a newsroom that
 * syndicates thousands of minable pieces), every article is reserved: saying too much is safe,
 * granting what a licence did not is not.
 */
export const maxNamedTextAndDataMiningExceptions = 5_000

/**
 * The site's text-and-data-mining rules, as the public sees it: the published articles whose
 * reservation differs from the publisher's own (syndicated pieces whose licence allows mining, where
 * ours are reserved; syndicated pieces not allowed, where ours are not), each by its path, then every
 * article path of each language with the publisher's choice. The first matching rule applies.
 */
export const loadTextAndDataMiningRules = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
): Promise<TextAndDataMiningRule[]> => {
  const { articlePath, textAndDataMining } = options.frontend
  const own = textAndDataMiningReservationOf({ origin: 'original' }, undefined, textAndDataMining)
  const asPublic = await publicRequest(req)
  // Sources whose licence allows mining, as the public may read them (active ones): a handful.
  const allowing = await findDocuments<{ id: number | string }>(req.payload, {
    collection: options.collections.sources.slug,
    depth: 0,
    overrideAccess: false,
    pagination: false,
    req: asPublic,
    select: { textAndDataMining: true },
    where: { textAndDataMining: { equals: 'allowed' } },
  })
  const allowedSources = allowing.docs.map((source) => source.id)
  const bySource: null | Where[] = own.reserved
    ? allowedSources.length > 0
      ? [{ 'attribution.source': { in: allowedSources } }]
      : null
    : allowedSources.length > 0
      ? // Without a source (or an unreadable one) a syndicated piece is reserved: `not_in` skips nulls.
        [
          {
            or: [
              { 'attribution.source': { not_in: allowedSources } },
              { 'attribution.source': { exists: false } },
            ],
          },
        ]
      : []
  const wildcards = options.languages.map((language): TextAndDataMiningRule => ({
    location: articlePath(language, '*'),
    reservation: own,
  }))
  if (bySource === null) {
    return wildcards
  }
  const where: Where = {
    and: [{ _status: { equals: 'published' } }, { origin: { equals: 'syndicated' } }, ...bySource],
  }
  const exception: TextAndDataMiningReservation = { policyUrl: null, reserved: !own.reserved }
  const collection = options.collections.articles.slug
  const { totalDocs } = await req.payload.count({
    collection,
    overrideAccess: false,
    req: asPublic,
    where,
  })
  if (totalDocs > maxNamedTextAndDataMiningExceptions) {
    const reservedEverywhere = { policyUrl: own.policyUrl, reserved: true }
    return wildcards.map((rule) => ({ ...rule, reservation: reservedEverywhere }))
  }
  const { docs } = await findDocuments<{ language: string; slug: string }>(req.payload, {
    collection,
    depth: 0,
    joins: false,
    overrideAccess: false,
    pagination: false,
    req: asPublic,
    select: { language: true, slug: true },
    sort: 'createdAt',
    where,
  })
  return [
    ...docs.map((article) => ({
      location: articlePath(article.language, article.slug),
      reservation: exception,
    })),
    ...wildcards,
  ]
}

/** The site's robots.txt: the text-and-data-mining rules for AI crawlers, and the sitemaps. */
export const loadRobotsTxt = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
): Promise<string> => {
  const articles = `${cmsOrigin(req.payload.config.serverURL, options.frontend)}${req.payload.config.routes.api}/${options.collections.articles.slug}`
  return robotsTxt({
    crawlers: options.frontend.textAndDataMining.crawlers,
    rules: await loadTextAndDataMiningRules(req, options),
    sitemaps: [`${articles}/sitemap`, `${articles}/news-sitemap`],
  })
}
