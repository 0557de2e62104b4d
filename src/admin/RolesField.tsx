'use client'

import type { SelectFieldClientComponent } from 'payload'

import { SelectField, useAuth } from '@payloadcms/ui'

/**
 * The role picker, left out where nobody is signed in: the create-first-user page, whose account is
 * made an administrator whatever is picked (`FirstUserNotice` says so). A component rather than an
 * `admin.condition`, which would also make `roles` optional in the GraphQL schema.
 */
export const RolesField: SelectFieldClientComponent = (props) => {
  const { user } = useAuth()
  return user ? <SelectField {...props} /> : null
}
