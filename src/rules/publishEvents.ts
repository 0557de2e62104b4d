import { isOneOf } from '../utilities/values.ts'
import { statusOfState, type WorkflowAction, workflowStates } from './workflow.ts'

/** What a frontend is told about: each changes what the public sees of an article. */
export const publishEvents = [
  'article.published',
  'article.updated',
  'article.corrected',
  'article.retracted',
  'article.unpublished',
  'article.deleted',
] as const
export type PublishEvent = (typeof publishEvents)[number]

/** An article as a write found it or left it: Payload's `_status` and our workflow state. */
export type ArticleStatus = { _status?: null | string; workflowState?: null | string }

// A missing state is a draft's, and so is one the table does not know: neither is public.
const isPublicState = (state: unknown) =>
  isOneOf(workflowStates, state) && statusOfState(state) === 'published'

/**
 * The publish event a write makes, if any: `before` as it was (null on create), `after` as it is
 * (null on delete), `action` the workflow action that made it. A draft saved over a published article
 * changes nothing public (its state stays public while the saved version is a draft), so no event.
 * Pure: the webhooks, their tests and any host can ask it.
 */
export const publishEventOf = ({
  action,
  after,
  before,
}: {
  action?: WorkflowAction
  after: ArticleStatus | null
  before: ArticleStatus | null
}): null | PublishEvent => {
  const wasPublic = before !== null && isPublicState(before.workflowState)
  if (after === null) {
    return wasPublic ? 'article.deleted' : null
  }
  if (after._status !== 'published') {
    return wasPublic && !isPublicState(after.workflowState) ? 'article.unpublished' : null
  }
  if (after.workflowState === 'retracted') {
    return before?.workflowState === 'retracted' ? 'article.updated' : 'article.retracted'
  }
  if (!wasPublic) {
    return 'article.published'
  }
  return action === 'correct' ? 'article.corrected' : 'article.updated'
}
