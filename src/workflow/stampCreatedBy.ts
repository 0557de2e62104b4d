import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { actingUserID } from '../users/roles.ts'

/** Records who created an article (writers may edit their own drafts, and only those) and who saved it last. */
export const stampCreatedBy =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    const actor = actingUserID(req, options.collections.users.slug)
    if (operation === 'create') {
      return { ...data, createdBy: actor, updatedBy: actor }
    }
    return { ...data, createdBy: originalDoc?.createdBy ?? null, updatedBy: actor }
  }
