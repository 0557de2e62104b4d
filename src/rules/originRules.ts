import type { NewsroomRole } from '../types.ts'

/**
 * Turning a syndicated article into one of our own (or clearing its source or original URL) takes
 * the third-party guarantee off it: no disclaimer, no attribution is asked for afterwards. So it is a
 * decision, not an edit: an editor's or an admin's, with a reason, allowed by the source's licence,
 * and it keeps the original URL, shown to readers as "based on". Pure, for the hook and its tests.
 */

export type OriginChange = {
  /** The stored article before the write (values as stored: only compared and checked for blanks). */
  before: { origin?: unknown; originalUrl?: unknown; source?: unknown }
  /** The article as it will be written. */
  after: { origin?: unknown; originalUrl?: unknown; source?: unknown }
  /** The roles of the user writing, or null for server code acting for itself. */
  roles: null | readonly NewsroomRole[]
  reason?: null | string
  /** The transformations the source's licence allows (empty: no list, anything goes). */
  licensedTransformations: readonly string[]
}

export type OriginProblem =
  | { code: 'originChangeForbiddenRole'; path: 'origin' }
  | { code: 'originChangeNeedsReason'; path: 'originChangeReason' }
  | { code: 'originChangeNotLicensed'; path: 'origin' }
  | { code: 'originChangeKeepsOriginalUrl'; path: 'attribution.originalUrl' }

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/** Whether this write takes a syndicated article out of the guarantee. */
export const leavesSyndication = ({
  after,
  before,
}: Pick<OriginChange, 'after' | 'before'>): boolean =>
  before.origin === 'syndicated' &&
  (after.origin !== 'syndicated' ||
    (!isBlank(before.source) && isBlank(after.source)) ||
    (!isBlank(before.originalUrl) && isBlank(after.originalUrl)))

/** Why the change is refused, or undefined when it may be made (or is no such change). */
export const originChangeProblem = (change: OriginChange): OriginProblem | undefined => {
  if (!leavesSyndication(change)) {
    return undefined
  }
  if (change.roles && !change.roles.some((role) => role === 'admin' || role === 'editor')) {
    return { code: 'originChangeForbiddenRole', path: 'origin' }
  }
  if (isBlank(change.reason)) {
    return { code: 'originChangeNeedsReason', path: 'originChangeReason' }
  }
  // Ours now means rewritten: a licence that lists what it allows must allow that.
  if (
    change.licensedTransformations.length > 0 &&
    !change.licensedTransformations.includes('rewritten')
  ) {
    return { code: 'originChangeNotLicensed', path: 'origin' }
  }
  if (isBlank(change.after.originalUrl)) {
    return { code: 'originChangeKeepsOriginalUrl', path: 'attribution.originalUrl' }
  }
  return undefined
}
