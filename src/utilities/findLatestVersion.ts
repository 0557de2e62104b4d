import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * A document's latest version (its pending draft if any), as the system reads it for a rule: no
 * access check, no joins, no population, null when it does not exist. In the request's transaction.
 */
export const findLatestVersion = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  select?: Record<string, true>,
): Promise<null | Record<string, unknown>> =>
  await req.payload.findByID({
    id,
    collection,
    depth: 0,
    disableErrors: true,
    draft: true,
    joins: false,
    overrideAccess: true,
    req,
    select,
  })
