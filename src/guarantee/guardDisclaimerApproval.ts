import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { hasAnyRole } from '../users/roles.ts'
import { translate } from '../translations/index.ts'
import { refusal } from '../utilities/refusal.ts'

/**
 * Approval is legal's act: only admins approve, the approver and time are recorded, and an approved
 * disclaimer's key never changes (articles and audits refer to it).
 */
export const guardDisclaimerApproval: CollectionBeforeChangeHook = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const wasApproved = Boolean(originalDoc?.approvedAt)
  if (wasApproved && data.key !== undefined && data.key !== originalDoc?.key) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ message: translate(req.t, 'disclaimerKeyLocked'), path: 'key' }],
      },
      req.t,
    )
  }
  const becomesApproved = data.status === 'approved' && originalDoc?.status !== 'approved'
  if (!becomesApproved) {
    return data
  }
  // Without a user this is trusted server code (a seed, a migration); with one, it must be an admin.
  if (req.user && !hasAnyRole(req.user, ['admin'])) {
    throw refusal(req.t('error:notAllowedToPerformAction'), 403, 'status')
  }
  return { ...data, approvedAt: new Date().toISOString(), approvedBy: req.user?.id ?? null }
}
