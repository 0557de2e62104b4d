import type { PayloadRequest } from 'payload'

import type { WorkflowAction, WorkflowState } from '../types.ts'

/** Which ingest run is writing: the audit trail names it beside the ingest account. */
export type IngestWriter = { run: string; source: string }

/** The transition `runWorkflowAction` already checked, for the workflow hook of the same write. */
export type PlannedTransition = {
  action: WorkflowAction
  from: WorkflowState
  note?: string
  to: WorkflowState
}

/** Server code acting for no user (a scheduled rule such as licence expiry), named in the audit. */
export type SystemActor = { via: string }

/** The write-lock rows a transaction holds, so that it never waits for itself. */
export type HeldLocks = { keys: Set<string>; transaction: unknown }

/**
 * Every value the plugin keeps on `req.context`, in one place. Only server code sets a request's
 * context (no client can), so a value here is one step of the plugin telling a later step of the same
 * request something; the names are prefixed so that a host's own keys never meet them.
 */
export type NewsroomRequestContext = {
  /** What an upload's C2PA credentials are, from the signing hook to the record (media/signOwnImages.ts). */
  newsroomContentCredentials?: {
    signedAt: null | string
    signer: null | string
    status: 'kept' | 'none' | 'signed'
  }
  /** Documents read once per request (utilities/requestCache.ts). */
  newsroomDocuments?: Map<string, Promise<null | Record<string, unknown>>>
  /** A login the account-safety hooks guard (limits/accountSafety.ts). */
  newsroomGuardedLogin?: boolean
  /** The lock rows this request's transaction holds (transactions/writeLocks.ts). */
  newsroomHeldLocks?: HeldLocks
  /** Set by the ingest while it writes an item; fields only the ingest may write check it. */
  newsroomIngest?: IngestWriter
  /** Reasons given for origin changes, by article, between the guard's two hooks (guarantee/guardOriginChange.ts). */
  newsroomOriginChangeReasons?: Record<string, string>
  /** Articles whose `If-Match`/`updatedAt` precondition was checked already (transactions/requireFreshVersion.ts). */
  newsroomPreconditionsChecked?: Set<string>
  /** This request's public read was counted, or refused with this error (limits/accountSafety.ts). */
  newsroomReadCounted?: Error | true
  /** Set on the summary's own writes, so that they never queue another generation. */
  newsroomSummaryWrite?: boolean
  /** A date: the summary generation a write queues waits until then. Hosts may set it. */
  newsroomSummaryWaitUntil?: Date
  /** Server code acting for no user (workflow/systemActor.ts). */
  newsroomSystemActor?: SystemActor
  /** The transition `runWorkflowAction` checked (workflow/enforceWorkflow.ts). */
  newsroomWorkflow?: PlannedTransition
  /** What the publish rules warn of at this workflow step (guarantee/checkWorkflowStep.ts). */
  newsroomWorkflowWarnings?: { code: string; message: string; path: string }[]
}

/** The plugin's values on a request's context, typed (Payload types `req.context` as a free record). */
export const newsroomContext = (req: Pick<PayloadRequest, 'context'>): NewsroomRequestContext =>
  req.context
