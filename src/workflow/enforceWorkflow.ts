import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { actingUserID, userRoles } from '../users/roles.ts'
import { decideTransition, type WorkflowState } from '../rules/workflow.ts'
import { workflowRefusal } from './workflowErrors.ts'
import { ingestVia, systemActor } from './systemActor.ts'
import { refusal } from '../utilities/refusal.ts'
import { newsroomContext } from '../utilities/requestContext.ts'

/** Set by `runWorkflowAction` on the request: the transition it already checked. */
export const plannedTransition = (req: PayloadRequest) => newsroomContext(req).newsroomWorkflow

/**
 * Keeps `workflowState` true to what happened. A workflow action sets it; a direct write that
 * publishes (the admin's Publish button, REST, GraphQL, bulk update, restore, the scheduled job) is
 * the `publish` action and must be allowed from the current state for the user's roles. Nobody sets
 * the state by hand. Server code without a user (seed, jobs) is trusted.
 */
export const enforceWorkflow: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const planned = plannedTransition(req)
  if (planned) {
    return { ...data, workflowState: planned.to }
  }
  const stored: WorkflowState =
    operation === 'create' ? 'draft' : (originalDoc?.workflowState ?? 'draft')
  const status = data._status ?? originalDoc?._status ?? 'draft'
  const publishes = status === 'published' && stored !== 'retracted'

  if (status === 'published' && req.user) {
    // Editing a retracted article keeps it retracted; it is still an editor's call.
    const decision = decideTransition(
      stored === 'retracted' ? 'published' : stored,
      'publish',
      userRoles(req.user),
    )
    if (!decision.allowed) {
      throw decision.reason === 'forbidden'
        ? refusal(req.t('error:notAllowedToPerformAction'), 403, '_status')
        : workflowRefusal(req, 'publish', stored, decision.nextStates)
    }
  }
  return { ...data, workflowState: publishes ? 'published' : stored }
}

/** Appends to the audit trail every transition a write made, in the write's own transaction. */
export const recordWorkflowEvent =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ data, doc, operation, previousDoc, req }) => {
    const planned = plannedTransition(req)
    const from: null | WorkflowState = operation === 'create' ? null : previousDoc?.workflowState
    // From the written data: the returned `doc` holds only the fields the caller selected.
    const to: WorkflowState = data.workflowState ?? doc.workflowState
    const event =
      planned ??
      (from !== to && !(operation === 'create' && to === 'draft')
        ? { action: 'publish' as const, from, to }
        : undefined)
    if (event) {
      await appendAuditEvent(req, options, {
        action: event.action,
        article: doc,
        from: event.from,
        note: planned?.note ?? null,
        to: event.to,
      })
    }
    return doc
  }

type AuditEvent = {
  action: string
  article: { id: number | string; title?: unknown }
  from: null | string
  note: null | string
  to: string
}

/**
 * One record of the audit trail, in the request's transaction. It names the article by ID and title
 * as well as by relationship, so it still says what happened after the article is deleted.
 */
export const appendAuditEvent = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  { action, article, from, note, to }: AuditEvent,
) =>
  req.payload.create({
    collection: options.collections.workflowEvents.slug,
    data: {
      action,
      article: to === 'deleted' ? null : article.id,
      articleRef: String(article.id),
      articleTitle: typeof article.title === 'string' ? article.title : null,
      by: actingUserID(req, options.collections.users.slug),
      from,
      note,
      to,
      via: ingestVia(req) ?? systemActor(req)?.via ?? null,
    },
    depth: 0,
    // The audit trail is written by the system, for whoever acted; no user can write it directly.
    overrideAccess: true,
    req,
  })

/** Deleting a (never published) article is recorded too, in the same transaction as the delete. */
export const recordDeletion =
  (options: ResolvedNewsroomOptions): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await appendAuditEvent(req, options, {
      action: 'delete',
      article: doc,
      from: doc.workflowState ?? null,
      note: null,
      to: 'deleted',
    })
    return doc
  }
