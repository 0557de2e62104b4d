import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { NewsroomRole } from '../types.ts'

import { recordOf } from '../utilities/values.ts'

type RequestUser = PayloadRequest['user']

/** The newsroom roles of any user object (a request's, or the admin's signed-in user). */
export const userRoles = (user: unknown): NewsroomRole[] => {
  const roles = recordOf(user).roles
  return Array.isArray(roles) ? roles : []
}

export const hasAnyRole = (user: RequestUser, roles: readonly NewsroomRole[]): boolean =>
  userRoles(user).some((role) => roles.includes(role))

/** Collection access: only users holding one of the roles. */
export const allowRoles =
  (...roles: NewsroomRole[]): Access =>
  ({ req }) =>
    hasAnyRole(req.user, roles)

/** Field access: only users holding one of the roles. */
export const allowRolesOnField =
  (...roles: NewsroomRole[]): FieldAccess =>
  ({ req }) =>
    hasAnyRole(req.user, roles)

export const anyone: Access = () => true

/** Admins reach every document of the collection; other signed-in users only their own user record. */
export const adminOrSelf: Access = ({ req }) => {
  if (!req.user) {
    return false
  }
  return hasAnyRole(req.user, ['admin']) ? true : { id: { equals: req.user.id } }
}

/** Signed-in users read everything; the public only what matches `publicWhere` (published, approved, active…). */
export const signedInOr =
  (publicWhere: Where): Access =>
  ({ req }) =>
    req.user ? true : publicWhere

/** The newsroom's staff see each other (to pick authors, to know who did what); others only themselves. */
export const staffOrSelf: Access = ({ req }) => {
  if (!req.user) {
    return false
  }
  return hasAnyRole(req.user, ['admin', 'editor', 'writer'])
    ? true
    : { id: { equals: req.user.id } }
}

/** The ID of the newsroom user acting in this request, or null for server code and other auth collections. */
export const actingUserID = (req: PayloadRequest, usersSlug: string): null | number | string =>
  req.user?.collection === usersSlug ? req.user.id : null
