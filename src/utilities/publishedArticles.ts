import type { PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { findDocuments } from './typedLocalApi.ts'

/**
 * The published articles matching `where`, with the fields `select` names: an integrity check of the
 * plugin's (what depends on a disclaimer, an image), so it reads past the user's access.
 */
export const findPublishedArticles = async <Doc extends { id: number | string }>(
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  where: Where,
  select: Record<string, true>,
): Promise<Doc[]> => {
  const { docs } = await findDocuments<Doc>(req.payload, {
    collection: options.collections.articles.slug,
    depth: 0,
    joins: false,
    overrideAccess: true,
    pagination: false,
    req,
    select,
    where: { and: [{ _status: { equals: 'published' } }, where] },
  })
  return docs
}

/**
 * Live syndicated pieces whose rights end by `until` (and after `after`, when given): what the
 * rights rules act on (the expiry task, its warning, the compliance check).
 */
export const liveRightsEndingWhere = (until: Date, after?: Date): Where => ({
  and: [
    { _status: { equals: 'published' } },
    { workflowState: { equals: 'published' } },
    { origin: { equals: 'syndicated' } },
    ...(after ? [{ 'attribution.rightsExpireAt': { greater_than: after.toISOString() } }] : []),
    { 'attribution.rightsExpireAt': { less_than_equal: until.toISOString() } },
  ],
})
