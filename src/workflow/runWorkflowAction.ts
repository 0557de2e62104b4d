import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { actingUserID, userRoles } from '../users/roles.ts'
import { formatInstant } from '../rules/describeProblem.ts'
import { ingestMayTake } from '../rules/ingestRules.ts'
import { isEmbargoed } from '../rules/publishRules.ts'
import {
  availableActions,
  type CorrectionType,
  decideTransition,
  statusOfState,
  type TransitionDecision,
  transitions,
  type WorkflowAction,
  workflowInputProblems,
  type WorkflowState,
} from '../rules/workflow.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findDocumentByID } from '../utilities/typedLocalApi.ts'
import { translate, translateComposed } from '../translations/index.ts'
import { snapshotNeedsRepublish } from './snapshotNeedsRepublish.ts'
import { systemActor } from './systemActor.ts'
import { articleLock, takeLocks } from '../transactions/writeLocks.ts'
import { workflowRefusal } from './workflowErrors.ts'
import { refusal } from '../utilities/refusal.ts'
import { newsroomContext, type PlannedTransition } from '../utilities/requestContext.ts'

/** The job that publishes a scheduled article (workflow/scheduledPublishTask.ts runs it). */
export const scheduledPublishTaskSlug = 'newsroomPublishScheduled'

export type ScheduledPublishInput = {
  article: string
  /** The time it was scheduled for: a job for an earlier schedule finds a different one and stands down. */
  publishAt: string
  /** The scheduling user's ID: the publication runs as them, with their access and the rules. */
  user?: string
}

export type WorkflowActionInput = {
  action: WorkflowAction
  id: number | string
  /** Whatever the client sent: checked here, so every surface refuses the same bad notes. */
  note?: unknown
  /** For `schedule`: when to publish (ISO date, in the future). */
  publishAt?: unknown
}

/** Corrections and retractions are shown to readers: the action's note becomes a public entry. */
const publicNoteType: Partial<Record<WorkflowAction, CorrectionType>> = {
  correct: 'correction',
  retract: 'retraction',
}

/** The article's latest draft as the request's user may see it (null when they may not), without joins. */
export const readArticleAsUser = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  id: number | string,
  select?: Record<string, true>,
  // A rule acting for no user reads what it acts on whatever the access rules say.
  overrideAccess = false,
): Promise<null | Record<string, any>> =>
  // The whole article (or what `select` names), read field by field.
  findDocumentByID<Record<string, any>>(req.payload, {
    id,
    collection: options.collections.articles.slug,
    depth: 0,
    disableErrors: true,
    draft: true,
    joins: false,
    overrideAccess,
    req,
    select,
  })

/** A source's policy as it widens what its ingest client may do: none unless the source is active. */
const ingestPolicyOf = (source: null | Record<string, any> | undefined) =>
  source?.ingest && source.status === 'active'
    ? { publish: source.ingest.publishPolicy, update: source.ingest.updatePolicy }
    : undefined

/** The roles an action is decided for: a scheduled rule (licence expiry) takes the editors' actions. */
const actingRoles = (req: PayloadRequest) => (systemActor(req) ? ['editor'] : userRoles(req.user))

/**
 * The workflow table's decision for the user, widened for an ingest client on its own syndicated copy
 * by what the copy's source allows it (`ingestMayTake`). `source` is read only when the table refuses.
 */
const decideWithSource = async (
  req: PayloadRequest,
  syndicated: boolean,
  state: WorkflowState,
  action: WorkflowAction,
  source: () => Promise<null | Record<string, any>>,
): Promise<TransitionDecision> => {
  const roles = actingRoles(req)
  const decision = decideTransition(state, action, roles)
  if (
    decision.allowed ||
    decision.reason !== 'forbidden' ||
    !roles.includes('ingest') ||
    !syndicated
  ) {
    return decision
  }
  return ingestMayTake(action, state, ingestPolicyOf(await source()))
    ? { allowed: true, transition: transitions.find((entry) => entry.action === action)! }
    : decision
}

const decideForUser = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Record<string, any>,
  state: WorkflowState,
  action: WorkflowAction,
) =>
  decideWithSource(req, article.origin === 'syndicated', state, action, async () => {
    const sourceID = relationID(article.attribution?.source)
    if (!sourceID) {
      return null
    }
    return findDocumentByID<{
      ingest?: null | { publishPolicy?: unknown; updatePolicy?: unknown }
      status?: unknown
    }>(req.payload, {
      id: sourceID,
      collection: options.collections.sources.slug,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
      req,
      select: { ingest: { publishPolicy: true, updatePolicy: true }, status: true },
    })
  })

/**
 * The transition a new syndicated copy of `source` (already read) may be created in, for the request's
 * user: `action` taken from `draft` at creation, so the copy is written once, in its state, with its
 * audit event. Undefined when the user may not: the caller then creates a draft and takes the action,
 * which refuses with the reason.
 */
export const transitionOnCreate = async (
  req: PayloadRequest,
  source: Record<string, any>,
  action: WorkflowAction,
  note?: string,
): Promise<PlannedTransition | undefined> => {
  const decision = await decideWithSource(req, true, 'draft', action, () => Promise.resolve(source))
  return decision.allowed ? { action, from: 'draft', note, to: decision.transition.to } : undefined
}

/**
 * Takes one workflow action on an article for the request's user, through the Local API with
 * `overrideAccess: false`: the user must be able to read and update the article, the table must
 * allow the action from its state for the user's roles, and the write runs every other rule
 * (publishing checks the guarantee). The audit trail records it in the same transaction.
 */
export const runWorkflowAction = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  { action, id, note, publishAt }: WorkflowActionInput,
) => {
  const collection = options.collections.articles.slug
  // Before reading the state: a concurrent action on any instance waits, then sees this one's result.
  await takeLocks(req, options, [articleLock(options, id)])
  const asSystem = Boolean(systemActor(req))
  const article = await readArticleAsUser(req, options, id, undefined, asSystem)
  if (!article) {
    throw refusal(req.t('error:notFound'), 404, 'id')
  }

  const state: WorkflowState = article.workflowState ?? 'draft'
  const decision = await decideForUser(req, options, article, state, action)
  if (!decision.allowed) {
    if (decision.reason === 'forbidden') {
      const allowed = availableActions(state, userRoles(req.user))
        .map((value) => translateComposed(req.t, `action_${value}`))
        .join(', ')
      throw refusal(
        translate(req.t, 'workflowForbidden', { allowed: allowed || '—' }),
        403,
        'action',
      )
    }
    throw workflowRefusal(req, action, state, decision.nextStates)
  }
  const { transition } = decision
  // Re-publishing is for pending edits, or for a newer approved disclaimer wording: a second publish of
  // the same content is no change, and under concurrency the losers of a race to publish must not
  // each record a publication.
  if (
    action === 'publish' &&
    state === 'published' &&
    article._status === 'published' &&
    !(await snapshotNeedsRepublish(req, options, article))
  ) {
    throw refusal(
      translate(req.t, 'workflowNothingToPublish', { state: translate(req.t, 'state_published') }),
      409,
      'action',
    )
  }
  const inputProblems = workflowInputProblems(
    action,
    { note, publishAt },
    { noteLength: options.inputLimits.noteLength, now: new Date() },
  )
  if (inputProblems.length > 0) {
    const errors = inputProblems.map(({ key, path }) => ({
      message: translate(req.t, key, { max: options.inputLimits.noteLength }),
      path,
    }))
    throw new ValidationError({ errors }, req.t)
  }
  const trimmedNote = (typeof note === 'string' && note.trim()) || undefined

  const data: Record<string, unknown> = { _status: statusOfState(transition.to) }
  const noteType = publicNoteType[action]
  if (noteType) {
    data.corrections = [
      ...(article.corrections ?? []),
      {
        at: new Date().toISOString(),
        by: actingUserID(req, options.collections.users.slug),
        text: trimmedNote,
        type: noteType,
      },
    ]
  }
  if (action === 'schedule') {
    // A valid time in the future (`workflowInputProblems` checked it).
    const when = new Date(String(publishAt))
    // Never earlier than the embargo: the job would only be refused then.
    if (isEmbargoed(article, when)) {
      throw new ValidationError(
        {
          errors: [
            {
              message: translate(req.t, 'workflowPublishAtEmbargo', {
                until: formatInstant(article.embargoUntil),
              }),
              path: 'publishAt',
            },
          ],
        },
        req.t,
      )
    }
    // The jobs queue publishes it then, as this user, through the same action and rules.
    await req.payload.jobs.queue({
      input: {
        article: String(article.id),
        publishAt: when.toISOString(),
        user:
          req.user?.collection === options.collections.users.slug ? String(req.user.id) : undefined,
      } satisfies ScheduledPublishInput,
      req,
      task: scheduledPublishTaskSlug,
      waitUntil: when,
    })
    data.scheduledPublishAt = when.toISOString()
  } else if (article.scheduledPublishAt) {
    data.scheduledPublishAt = null
  }

  newsroomContext(req).newsroomWorkflow = {
    action,
    from: state,
    note: trimmedNote,
    to: transition.to,
  }
  try {
    return await req.payload.update({
      id: article.id,
      collection,
      data,
      depth: 0,
      draft: false,
      overrideAccess: asSystem,
      req,
    })
  } finally {
    delete newsroomContext(req).newsroomWorkflow
  }
}
