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

export type IngestPolicy = { publish: PublishPolicy; update: UpdatePolicy }

/** Our copy of the item, as its latest version stands. */
export type HeldCopy = { fingerprint?: null | string; version?: null | string; workflowState: WorkflowState }

export type IngestPlan =
  | { kind: 'create'; then: 'publish' | 'submit' }
  | { kind: 'hold'; reason: 'embargoed'; until: string }
  | { kind: 'refuse'; reason: 'withdrawnCopy' }
  | { kind: 'unchanged'; reason: 'nothingToWithdraw' | 'olderVersion' | 'sameItem' | 'withdrawnAlready' }
  | { kind: 'update'; then: 'none' | 'publish' | 'submit' }
  | { kind: 'withdraw'; actions: WorkflowAction[] }

/** Numbers as numbers, dates as dates, anything else as text: whether `incoming` is older than `held`. */
export const isOlderVersion = (incoming: string | undefined, held: null | string | undefined): boolean => {
  if (!incoming || !held) return false
  const [a, b] = [Number(incoming), Number(held)]
  if (Number.isFinite(a) && Number.isFinite(b)) return a < b
  const [dateA, dateB] = [Date.parse(incoming), Date.parse(held)]
  if (!Number.isNaN(dateA) && !Number.isNaN(dateB)) return dateA < dateB
  return incoming < held
}

const withdrawn: readonly WorkflowState[] = ['retracted', 'archived']

/** The actions that take a copy off the site or out of the newsroom's queue when the source kills it. */
export const withdrawActions = (state: WorkflowState): WorkflowAction[] => {
  if (state === 'published') return ['retract']
  if (state === 'scheduled') return ['unschedule', 'archive']
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
    if (!held) return { kind: 'unchanged', reason: 'nothingToWithdraw' }
    const actions = withdrawActions(held.workflowState)
    return actions.length ? { kind: 'withdraw', actions } : { kind: 'unchanged', reason: 'withdrawnAlready' }
  }
  if (item.embargoedUntil && Date.parse(item.embargoedUntil) > now.getTime()) {
    return { kind: 'hold', reason: 'embargoed', until: item.embargoedUntil }
  }
  const publishNew = policy.publish === 'publish-if-compliant'
  if (!held) return { kind: 'create', then: publishNew ? 'publish' : 'submit' }
  if (held.fingerprint === fingerprint) return { kind: 'unchanged', reason: 'sameItem' }
  if (isOlderVersion(item.version, held.version)) return { kind: 'unchanged', reason: 'olderVersion' }
  // A killed item does not come back by a new version: an editor reopens it if the agency says so.
  if (withdrawn.includes(held.workflowState)) return { kind: 'refuse', reason: 'withdrawnCopy' }
  if (held.workflowState === 'published') return { kind: 'update', then: policy.update === 'republish' ? 'publish' : 'none' }
  if (held.workflowState === 'draft') return { kind: 'update', then: publishNew ? 'publish' : 'submit' }
  // In review: the new version replaces the one under review, and publishes when the policy says so.
  return { kind: 'update', then: publishNew && held.workflowState === 'in_review' ? 'publish' : 'none' }
}

/**
 * The workflow actions an ingest client may take on its own copies: submitting, withdrawing what the
 * source killed, and publishing when (and only when) its source's policy says so. The editorial table
 * gives the `ingest` role nothing; the source grants these.
 */
export const ingestMayTake = (action: WorkflowAction, state: WorkflowState, policy: IngestPolicy | undefined): boolean => {
  if (action === 'submit' || action === 'unschedule') return true
  if (action === 'retract' || action === 'archive') return withdrawActions(state).includes(action)
  if (action !== 'publish' || !policy) return false
  return state === 'published' ? policy.update === 'republish' : policy.publish === 'publish-if-compliant'
}
