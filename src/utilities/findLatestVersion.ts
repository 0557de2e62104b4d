import type { CollectionSlug, PayloadRequest, TypeWithID } from 'payload'

import { findDocumentByID } from './typedLocalApi.ts'

/**
 * A document's latest version (its pending draft if any), as the system reads it for a rule: no
 * access check, no joins, no population, null when it does not exist. In the request's transaction.
 * `T` names the fields the caller selected.
 */
export const findLatestVersion = async <T extends object = Record<string, unknown>>(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  select?: Record<string, true>,
): Promise<(T & TypeWithID) | null> =>
  await findDocumentByID<T>(req.payload, {
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
