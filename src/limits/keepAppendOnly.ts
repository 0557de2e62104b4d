import type { CollectionBeforeOperationHook } from 'payload'

import { refusal } from '../utilities/refusal.ts'

/**
 * A record kept append-only: no update or delete, by anyone, through any API, even the system's
 * own code with `overrideAccess` (access rules alone would let that through).
 */
export const keepAppendOnly: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (
    operation === 'update' ||
    operation === 'updateByID' ||
    operation === 'delete' ||
    operation === 'deleteByID'
  ) {
    throw refusal('This record is append-only: it cannot be changed or deleted.', 403)
  }
  return args
}
