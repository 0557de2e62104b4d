import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types'

/** Records who created an article: writers may edit their own drafts, and only those. */
export const stampCreatedBy =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (operation === 'create') {
      return { ...data, createdBy: req.user?.collection === options.collections.users.slug ? req.user.id : null }
    }
    return { ...data, createdBy: originalDoc?.createdBy ?? null }
  }
