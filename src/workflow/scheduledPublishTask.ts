import type { PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { translate } from '../translations/index.ts'
import { findLatestVersion } from '../utilities/findLatestVersion.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import {
  runWorkflowAction,
  type ScheduledPublishInput,
  scheduledPublishTaskSlug,
} from './runWorkflowAction.ts'
import { isRefusal, refusalEntries, refusalSummary } from './workflowErrors.ts'

type Outcome = 'published' | 'refused' | 'stale'

/** The job's input and output, as its schemas below declare them: Payload types a task by them. */
type ScheduledPublishJob = {
  input: ScheduledPublishInput
  output: { outcome: Outcome; reasons: null | string }
}

const sameInstant = (a: unknown, b: string) =>
  typeof a === 'string' || a instanceof Date
    ? new Date(a).getTime() === new Date(b).getTime()
    : false

/** Whether the article is still scheduled for this job's time, read in the caller's transaction. */
const stillScheduled = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  input: ScheduledPublishInput,
) => {
  const article = await findLatestVersion(req, options.collections.articles.slug, input.article, {
    scheduledPublishAt: true,
    workflowState: true,
  })
  return (
    article?.workflowState === 'scheduled' &&
    sameInstant(article.scheduledPublishAt, input.publishAt)
  )
}

/**
 * Publishes a scheduled article at its time, through the `publish` workflow action as the user who
 * scheduled it (so the guarantee and access apply then, not when it was scheduled). A job whose
 * schedule was cancelled or replaced, or whose article is gone, does nothing. When the rules refuse,
 * the article goes back to "approved" with the reasons in its audit trail: never a silent "scheduled".
 */
export const scheduledPublishTask = (
  options: ResolvedNewsroomOptions,
): TaskConfig<ScheduledPublishJob> => ({
  slug: scheduledPublishTaskSlug,
  handler: async ({ input, req: jobReq }) => {
    const { payload } = jobReq
    const usersSlug = options.collections.users.slug
    const user = input.user
      ? await payload.findByID({
          id: input.user,
          collection: usersSlug,
          depth: 0,
          disableErrors: true,
        })
      : null
    const actingReq = () =>
      createLocalReq({ user: user ? { ...user, collection: usersSlug } : undefined }, payload)

    const attempt = await actingReq()
    const outcome = await inTransaction(
      attempt,
      async (): Promise<{ outcome: Outcome; reasons?: string }> => {
        if (!(await stillScheduled(attempt, options, input))) {
          return { outcome: 'stale' }
        }
        try {
          await runWorkflowAction(attempt, options, { action: 'publish', id: input.article })
          return { outcome: 'published' }
        } catch (error) {
          // A refusal (rules, access) is final; anything else is retried by the queue.
          if (!isRefusal(error)) {
            throw error
          }
          return { outcome: 'refused', reasons: refusalSummary(refusalEntries(error)) }
        }
      },
    )

    if (outcome.outcome === 'refused') {
      const fallback = await actingReq()
      await inTransaction(fallback, async () => {
        if (!(await stillScheduled(fallback, options, input))) {
          return
        }
        await runWorkflowAction(fallback, options, {
          action: 'unschedule',
          id: input.article,
          note: translate(fallback.t, 'scheduledPublishRefused', {
            reasons: outcome.reasons,
          }).slice(0, options.inputLimits.noteLength),
        })
      })
    }
    return { output: { outcome: outcome.outcome, reasons: outcome.reasons ?? null } }
  },
  inputSchema: [
    { name: 'article', type: 'text', required: true },
    { name: 'publishAt', type: 'text', required: true },
    { name: 'user', type: 'text' },
  ],
  outputSchema: [
    { name: 'outcome', type: 'text' },
    { name: 'reasons', type: 'textarea' },
  ],
  retries: 3,
})
