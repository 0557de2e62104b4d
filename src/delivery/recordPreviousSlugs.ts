import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { previousSlugsAfter } from '../rules/previousSlugs.ts'
import { findDocumentByID } from '../utilities/typedLocalApi.ts'

const slugList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((slug): slug is string => typeof slug === 'string') : []

/**
 * Keeps `previousSlugs` true: only this hook writes it (whatever a client sends is replaced), and
 * only a publication changes it, adding the slug of the version readers saw until now (the
 * collection's own row, which drafts do not touch) when the new one differs. A slug only ever held
 * by a draft was never public, so it is not kept.
 */
export const recordPreviousSlugs =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const kept = operation === 'create' ? [] : slugList(originalDoc?.previousSlugs)
    if (operation === 'create' || data._status !== 'published' || !originalDoc) {
      data.previousSlugs = kept
      return data
    }
    const live = await findDocumentByID<{ _status?: string; slug?: string }>(req.payload, {
      id: originalDoc.id,
      collection: options.collections.articles.slug,
      depth: 0,
      disableErrors: true,
      draft: false,
      overrideAccess: true,
      req,
      select: { _status: true, slug: true },
    })
    const leaving = live?._status === 'published' ? live.slug : undefined
    data.previousSlugs = previousSlugsAfter(kept, leaving, data.slug ?? originalDoc.slug)
    return data
  }
