import type { WorkflowAction, WorkflowState } from './workflow.ts'

/**
 * What the ingest does with one item, free of I/O: the source's policies, the copy we already hold
 * and the item decide it. The ingest (API and feed polling), its tests and the bench read these rules.
 */

/** `review`: ingested items wait in review. `publish-if-compliant`: published when the guarantee allows. */
export const publishPolicies = ['review', 'publish-if-compliant'] as const
export type PublishPolicy = (typeof publishPolicies)[number]
/** A new version of a published item: `review` keeps it in a draft for an editor; `republish` publishes it. */
export const updatePolicies = ['review', 'republish'] as const
export type UpdatePolicy = (typeof updatePolicies)[number]
/** What a source's `expires` (ninjs, AP: "no longer publishable after") means to us: nothing, or the end of our rights. */
export const expiresPolicies = ['ignore', 'rights-expiry'] as const
export type ExpiresPolicy = (typeof expiresPolicies)[number]

/** The rights expiry an item gives, its `expires` counting as one when the source's policy says so: the earlier wins. */
export const itemRightsExpiry = (
  item: { expiresAt?: string; rightsExpireAt?: string },
  policy: ExpiresPolicy,
): string | undefined => {
  const candidates = [
    item.rightsExpireAt,
    policy === 'rights-expiry' ? item.expiresAt : undefined,
  ].filter((value): value is string => Boolean(value))
  return candidates.sort((a, b) => Date.parse(a) - Date.parse(b))[0]
}

export type IngestPolicy = { publish: PublishPolicy; update: UpdatePolicy }

/** Our copy of the item, as its latest version stands. */
export type HeldCopy = {
  fingerprint?: null | string
  version?: null | string
  workflowState: WorkflowState
}

/**
 * What follows the write. `schedule`: an embargoed item of a source that publishes on ingest is
 * submitted, approved and scheduled for the embargo's end, so the queue publishes it then (never earlier).
 */
export type IngestFollowUp = 'none' | 'publish' | 'schedule' | 'submit'

export type IngestPlan =
  | { embargoedUntil?: string; kind: 'create'; then: Exclude<IngestFollowUp, 'none'> }
  | { embargoedUntil?: string; kind: 'update'; then: IngestFollowUp }
  | { kind: 'refuse'; reason: 'withdrawnCopy' }
  | {
      kind: 'unchanged'
      reason: 'nothingToWithdraw' | 'olderVersion' | 'sameItem' | 'withdrawnAlready'
    }
  | { kind: 'withdraw'; actions: WorkflowAction[] }

/** Numbers as numbers, dates as dates, anything else as text: whether `incoming` is older than `held`. */
export const isOlderVersion = (
  incoming: string | undefined,
  held: null | string | undefined,
): boolean => {
  if (!incoming || !held) {
    return false
  }
  const [a, b] = [Number(incoming), Number(held)]
  if (Number.isFinite(a) && Number.isFinite(b)) {
    return a < b
  }
  const [dateA, dateB] = [Date.parse(incoming), Date.parse(held)]
  if (!Number.isNaN(dateA) && !Number.isNaN(dateB)) {
    return dateA < dateB
  }
  return incoming < held
}

const withdrawn: readonly WorkflowState[] = ['retracted', 'archived']

/** The actions that take a copy off the site or out of the newsroom's queue when the source kills it. */
export const withdrawActions = (state: WorkflowState): WorkflowAction[] => {
  if (state === 'published') {
    return ['retract']
  }
  if (state === 'scheduled') {
    return ['unschedule', 'archive']
  }
  return withdrawn.includes(state) ? [] : ['archive']
}

export const planIngestItem = ({
  fingerprint,
  held,
  item,
  now,
  policy,
}: {
  fingerprint: string
  held: HeldCopy | undefined
  item: { embargoedUntil?: string; killed: boolean; version?: string }
  now: Date
  policy: IngestPolicy
}): IngestPlan => {
  if (item.killed) {
    if (!held) {
      return { kind: 'unchanged', reason: 'nothingToWithdraw' }
    }
    const actions = withdrawActions(held.workflowState)
    return actions.length
      ? { kind: 'withdraw', actions }
      : { kind: 'unchanged', reason: 'withdrawnAlready' }
  }
  // An embargoed item is written (editors see it and when it lifts) but never published before its time.
  const embargoedUntil =
    item.embargoedUntil && Date.parse(item.embargoedUntil) > now.getTime()
      ? item.embargoedUntil
      : undefined
  const embargo = embargoedUntil ? { embargoedUntil } : {}
  const publishNow =
    policy.publish === 'publish-if-compliant' ? (embargoedUntil ? 'schedule' : 'publish') : 'submit'
  if (!held) {
    return { ...embargo, kind: 'create', then: publishNow }
  }
  if (held.fingerprint === fingerprint) {
    return { kind: 'unchanged', reason: 'sameItem' }
  }
  if (isOlderVersion(item.version, held.version)) {
    return { kind: 'unchanged', reason: 'olderVersion' }
  }
  // A killed item does not come back by a new version: an editor reopens it if the agency says so.
  if (withdrawn.includes(held.workflowState)) {
    return { kind: 'refuse', reason: 'withdrawnCopy' }
  }
  if (held.workflowState === 'published') {
    return {
      ...embargo,
      kind: 'update',
      then: policy.update === 'republish' && !embargoedUntil ? 'publish' : 'none',
    }
  }
  if (held.workflowState === 'draft') {
    return { ...embargo, kind: 'update', then: publishNow }
  }
  // In review: the new version replaces the one under review, and publishes when the policy says so.
  return {
    ...embargo,
    kind: 'update',
    then:
      policy.publish === 'publish-if-compliant' && held.workflowState === 'in_review'
        ? publishNow
        : 'none',
  }
}

/**
 * The workflow actions an ingest client may take on its own copies: submitting, withdrawing what the
 * source killed, and publishing (now, or scheduled at an embargo's end) when, and only when, its
 * source's policy says so. The editorial table
 * gives the `ingest` role nothing; the source grants these.
 */
export const ingestMayTake = (
  action: WorkflowAction,
  state: WorkflowState,
  policy: IngestPolicy | undefined,
): boolean => {
  if (action === 'submit' || action === 'unschedule') {
    return true
  }
  if (action === 'retract' || action === 'archive') {
    return withdrawActions(state).includes(action)
  }
  // Publishing at the embargo's end: approving and scheduling are no more than the publishing the policy grants.
  if (action === 'approve' || action === 'schedule') {
    return (
      policy?.publish === 'publish-if-compliant' &&
      state === (action === 'approve' ? 'in_review' : 'approved')
    )
  }
  if (action !== 'publish' || !policy) {
    return false
  }
  return state === 'published'
    ? policy.update === 'republish'
    : policy.publish === 'publish-if-compliant'
}
