import {
  type NewsroomRole,
  type WorkflowAction,
  workflowActions,
  type WorkflowState,
  workflowStates,
} from '../types.ts'
import { ownValue } from '../utilities/ownValue.ts'
import { isOneOf } from '../utilities/values.ts'

/**
 * The editorial workflow as one table, free of I/O: which action moves an article from which state
 * to which, and who may take it. The server, the admin and the tests all read this table.
 */
export { workflowActions, workflowStates }
export type { WorkflowAction, WorkflowState }

/** The kinds of public note on a published article (its `corrections`), in the order editors pick them. */
export const correctionTypes = ['correction', 'clarification', 'retraction'] as const
export type CorrectionType = (typeof correctionTypes)[number]

export type Transition = {
  action: WorkflowAction
  from: readonly WorkflowState[]
  /** A note is kept in the audit trail; for corrections and retractions it is also shown to readers. */
  noteRequired?: boolean
  roles: readonly NewsroomRole[]
  to: WorkflowState
}

const editors = ['admin', 'editor'] as const

export const transitions: readonly Transition[] = [
  {
    action: 'submit',
    from: ['draft', 'changes_requested'],
    roles: ['admin', 'editor', 'writer'],
    to: 'in_review',
  },
  {
    action: 'request_changes',
    from: ['in_review', 'approved'],
    noteRequired: true,
    roles: editors,
    to: 'changes_requested',
  },
  { action: 'approve', from: ['in_review'], roles: editors, to: 'approved' },
  // Editors may publish straight from a draft (breaking news); a published article re-publishes its edits.
  {
    action: 'publish',
    from: ['draft', 'in_review', 'approved', 'scheduled', 'published'],
    roles: editors,
    to: 'published',
  },
  { action: 'schedule', from: ['approved'], roles: editors, to: 'scheduled' },
  { action: 'unschedule', from: ['scheduled'], roles: editors, to: 'approved' },
  { action: 'correct', from: ['published'], noteRequired: true, roles: editors, to: 'published' },
  { action: 'retract', from: ['published'], noteRequired: true, roles: editors, to: 'retracted' },
  // Spiking a piece that will not run, at any stage before publication, or taking one off the site.
  {
    action: 'archive',
    from: ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'retracted'],
    roles: editors,
    to: 'archived',
  },
  { action: 'reopen', from: ['archived'], roles: editors, to: 'draft' },
  // Payload's own "Unpublish": the article goes back to being a draft.
  { action: 'unpublish', from: ['published', 'retracted'], roles: editors, to: 'draft' },
]

/** Payload's own `_status` for each state: the public sees exactly the published and retracted ones. */
export const statusOfState = (state: WorkflowState): 'draft' | 'published' =>
  state === 'published' || state === 'retracted' ? 'published' : 'draft'

export const isWorkflowAction = (value: unknown): value is WorkflowAction =>
  isOneOf(workflowActions, value)

/** Earlier spellings still read at the API's door (actions were camelCase before they matched the states' snake_case). */
const deprecatedActionNames: Record<string, WorkflowAction> = { requestChanges: 'request_changes' }

/** The action a client asked for, its deprecated spelling read as the current one; undefined when none. */
export const workflowActionOf = (value: unknown): undefined | WorkflowAction =>
  isWorkflowAction(value) ? value : ownValue(deprecatedActionNames, value)

/** The actions a user holding `roles` may take on an article in `state`. */
export const availableActions = (
  state: WorkflowState,
  roles: readonly string[],
): WorkflowAction[] =>
  transitions
    .filter(
      (transition) =>
        transition.from.includes(state) && transition.roles.some((role) => roles.includes(role)),
    )
    .map((transition) => transition.action)

/** States reachable from `state` by anyone: named in errors, so the user learns what is possible. */
export const nextStates = (state: WorkflowState): WorkflowState[] => [
  ...new Set(
    transitions
      .filter((transition) => transition.from.includes(state))
      .map((transition) => transition.to),
  ),
]

export type TransitionDecision =
  | { allowed: false; nextStates: WorkflowState[]; reason: 'forbidden' | 'invalidFromState' }
  | { allowed: true; transition: Transition }

export const decideTransition = (
  state: WorkflowState,
  action: WorkflowAction,
  roles: readonly string[],
): TransitionDecision => {
  const transition = transitions.find((candidate) => candidate.action === action)!
  if (!transition.from.includes(state)) {
    return { allowed: false, nextStates: nextStates(state), reason: 'invalidFromState' }
  }
  if (!transition.roles.some((role) => roles.includes(role))) {
    return { allowed: false, nextStates: nextStates(state), reason: 'forbidden' }
  }
  return { allowed: true, transition }
}

/** What an action's note or publication time lacks: a translation key and the field it names. */
export type WorkflowInputProblem = {
  key: 'workflowNoteInvalid' | 'workflowNoteRequired' | 'workflowPublishAtRequired'
  path: 'note' | 'publishAt'
}

/**
 * The rule for what an action is given, shared by the server and the admin's drawer: a note is text
 * within `noteLength` (required, once trimmed, where the table says so); scheduling needs a time after `now`.
 */
export const workflowInputProblems = (
  action: WorkflowAction,
  { note, publishAt }: { note?: unknown; publishAt?: unknown },
  { noteLength, now }: { noteLength: number; now: Date },
): WorkflowInputProblem[] => {
  const problems: WorkflowInputProblem[] = []
  const noteRequired = transitions.some(
    (transition) => transition.action === action && transition.noteRequired,
  )
  if (
    (note !== undefined && note !== null && typeof note !== 'string') ||
    (typeof note === 'string' && note.length > noteLength)
  ) {
    problems.push({ key: 'workflowNoteInvalid', path: 'note' })
  } else if (noteRequired && !(typeof note === 'string' && note.trim())) {
    problems.push({ key: 'workflowNoteRequired', path: 'note' })
  }
  if (action === 'schedule') {
    const when = typeof publishAt === 'string' && publishAt ? new Date(publishAt) : undefined
    if (!when || Number.isNaN(when.getTime()) || when.getTime() <= now.getTime()) {
      problems.push({ key: 'workflowPublishAtRequired', path: 'publishAt' })
    }
  }
  return problems
}
