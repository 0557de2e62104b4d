import type { CollectionSlug, PayloadRequest, TypedLocale } from 'payload'

import { newsroomContext } from './requestContext.ts'

/**
 * Reads a document once per request: several hooks of one write (attribution defaults, publish
 * rules) need the same source and section, and a bulk update runs them per article.
 * A system read (it must see what the user may not), at depth 0.
 */
export const findByIDOnce = (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  locale?: string,
): Promise<null | Record<string, unknown>> => {
  const context = newsroomContext(req)
  context.newsroomDocuments ??= new Map()
  const key = `${collection}:${String(id)}:${locale ?? ''}`
  let cached = context.newsroomDocuments.get(key)
  if (!cached) {
    cached = req.payload
      .findByID({
        id,
        collection,
        depth: 0,
        disableErrors: true,
        joins: false,
        locale,
        overrideAccess: true,
        req,
      })
      .then((doc) => doc ?? null)
    context.newsroomDocuments.set(key, cached)
  }
  return cached
}

/** Whether this request already read the document (in any locale) and found it. */
export const alreadyFound = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<boolean> => {
  const documents = newsroomContext(req).newsroomDocuments
  if (!documents) {
    return false
  }
  const prefix = `${collection}:${String(id)}:`
  for (const [key, document] of documents) {
    if (key.startsWith(prefix) && (await document)) {
      return true
    }
  }
  return false
}

/**
 * Records documents a request read by other means (a `find`), so later checks need not read them again.
 * `locale` tells partial reads apart: only `findByIDOnce` with the same locale would return them.
 */
export const rememberFound = (
  req: PayloadRequest,
  collection: CollectionSlug,
  docs: { id: number | string }[],
  locale = 'all',
) => {
  const context = newsroomContext(req)
  context.newsroomDocuments ??= new Map()
  for (const doc of docs) {
    const key = `${collection}:${String(doc.id)}:${locale}`
    if (!context.newsroomDocuments.has(key)) {
      context.newsroomDocuments.set(key, Promise.resolve(doc))
    }
  }
}

/** Forgets what the request read of a document (in every locale): it is read again, as it is now. */
export const forgetFound = (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
) => {
  const documents = newsroomContext(req).newsroomDocuments
  if (!documents) {
    return
  }
  const prefix = `${collection}:${String(id)}:`
  for (const key of [...documents.keys()]) {
    if (key.startsWith(prefix)) {
      documents.delete(key)
    }
  }
}
