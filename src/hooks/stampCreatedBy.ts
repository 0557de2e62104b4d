import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { actingUserID } from '../access/roles.ts'

/** Records who created an article: writers may edit their own drafts, and only those. */
export const stampCreatedBy =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (operation === 'create') {
      return { ...data, createdBy: actingUserID(req, options.collections.users.slug) }
    }
    return { ...data, createdBy: originalDoc?.createdBy ?? null }
  }
