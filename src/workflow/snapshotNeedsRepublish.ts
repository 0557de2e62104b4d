import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { type LiveDisclaimer, snapshotFinding } from '../rules/disclaimerSnapshot.ts'
import { relationID } from '../utilities/documentValue.ts'
import { keepRequestLocale } from '../utilities/keepRequestLocale.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'

/**
 * Whether re-publishing unchanged content would change what readers see: an approved wording newer
 * than the one the publication snapshotted exists for one of its disclaimers, or a snapshot does not
 * hold the wording it names (written by an older release, or behind the plugin's back).
 */
export const snapshotNeedsRepublish = keepRequestLocale(
  async (
    req: PayloadRequest,
    options: ResolvedNewsroomOptions,
    article: Record<string, any>,
  ): Promise<boolean> => {
    const applied: {
      contentHash?: unknown
      disclaimer: unknown
      texts?: unknown
      version: number
    }[] = article.appliedDisclaimers ?? []
    const ids = applied
      .map((entry) => relationID(entry.disclaimer))
      .filter((id) => id !== undefined)
    if (ids.length === 0) {
      return false
    }
    const { docs } = await findDocuments<LiveDisclaimer>(req.payload, {
      collection: options.collections.disclaimers.slug,
      depth: 0,
      locale: 'all',
      overrideAccess: true,
      pagination: false,
      req,
      select: { contentHash: true, version: true },
      where: { id: { in: ids } },
    })
    const current = new Map(docs.map((doc) => [doc.id, doc]))
    const check = {
      language: String(article.language),
      localized: Boolean(req.payload.config.localization),
    }
    return applied.some(
      (entry) => snapshotFinding(entry, current.get(relationID(entry.disclaimer)!), check) !== null,
    )
  },
)
