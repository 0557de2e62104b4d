import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { findDocumentByID, findDocuments } from '../utilities/typedLocalApi.ts'
import type { IngestSource } from './ingestItems.ts'

const sourceSelect = { ingest: true, name: true, status: true } as const

/**
 * A source named by its slug or its ID, as the request's user may read it; undefined when there is none.
 * The slug first: partners configure a readable name, and an ID's shape is the database's business.
 */
export const findSource = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  reference: unknown,
  overrideAccess = false,
): Promise<IngestSource | undefined> => {
  if (
    (typeof reference !== 'string' && typeof reference !== 'number') ||
    String(reference).length > 200
  ) {
    return undefined
  }
  const collection = options.collections.sources.slug
  const bySlug = await findDocuments<IngestSource>(req.payload, {
    collection,
    depth: 0,
    limit: 1,
    overrideAccess,
    req,
    select: sourceSelect,
    where: { slug: { equals: String(reference) } },
  })
  if (bySlug.docs[0]) {
    return bySlug.docs[0]
  }
  try {
    return (
      (await findDocumentByID<IngestSource>(req.payload, {
        id: reference,
        collection,
        depth: 0,
        disableErrors: true,
        overrideAccess,
        req,
        select: sourceSelect,
      })) ?? undefined
    )
  } catch {
    // Not an ID this database can hold (a word where IDs are numbers): no such source.
    return undefined
  }
}
