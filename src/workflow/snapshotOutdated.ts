import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { relationID } from '../utilities/documentValue.ts'

/**
 * Whether an approved wording newer than the one the article's publication snapshotted exists for
 * one of its disclaimers: the one case where re-publishing unchanged content changes what readers see.
 */
export const snapshotOutdated = async (req: PayloadRequest, options: ResolvedNewsroomOptions, article: Record<string, any>): Promise<boolean> => {
  const applied = (article.appliedDisclaimers ?? []) as { disclaimer: unknown; version: number }[]
  const ids = applied.map((entry) => relationID(entry.disclaimer)).filter((id) => id !== undefined)
  if (ids.length === 0) return false
  const { docs } = await req.payload.find({
    collection: options.collections.disclaimers.slug as CollectionSlug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { version: true } as never,
    where: { id: { in: ids } },
  })
  const current = new Map((docs as { id: number | string; version?: number }[]).map((doc) => [doc.id, Number(doc.version)]))
  return applied.some((entry) => Number(current.get(relationID(entry.disclaimer)!) ?? 0) > Number(entry.version))
}
