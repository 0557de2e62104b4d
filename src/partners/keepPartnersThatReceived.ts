import type { CollectionBeforeDeleteHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { refusal } from '../utilities/refusal.ts'

/**
 * A partner that was ever sent an item stays: kills must still reach it, and the receipts must still
 * say who had what. It can be suspended instead (`active` off), which stops everything but kills.
 */
export const keepPartnersThatReceived =
  (options: ResolvedNewsroomOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const { totalDocs } = await req.payload.count({
      collection: options.collections.partnerReceipts.slug,
      overrideAccess: true,
      req,
      where: { partner: { equals: id } },
    })
    if (totalDocs > 0) {
      throw refusal(
        'This partner was sent items: suspend it (Active off) instead of deleting it, so that kills still reach it.',
        409,
        'id',
      )
    }
  }
