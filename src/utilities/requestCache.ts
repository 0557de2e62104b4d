import type { CollectionSlug, PayloadRequest, TypedLocale } from 'payload'

type CacheHolder = { newsroomDocuments?: Map<string, Promise<null | Record<string, unknown>>> }

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
  const context = req.context as CacheHolder
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
        joins: false as never,
        locale: locale as TypedLocale | undefined,
        overrideAccess: true,
        req,
      })
      .then((doc) => (doc as null | Record<string, unknown>) ?? null)
    context.newsroomDocuments.set(key, cached)
  }
  return cached
}
