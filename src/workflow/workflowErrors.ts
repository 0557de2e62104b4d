import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { WorkflowAction, WorkflowState } from '../rules/workflow.ts'

import { translate, translateComposed } from '../translations/index.ts'
import { isRecord } from '../utilities/values.ts'

const label = (req: PayloadRequest, prefix: 'action' | 'state', value: string) =>
  translateComposed(req.t, `${prefix}_${value}`)

/** A 400 on `workflowState` that names the states the article can move to from where it is. */
export const workflowRefusal = (
  req: PayloadRequest,
  action: WorkflowAction,
  state: WorkflowState,
  next: WorkflowState[],
) =>
  new ValidationError(
    {
      errors: [
        {
          message: translate(req.t, 'workflowTransitionInvalid', {
            action: label(req, 'action', action),
            next: next.map((value) => label(req, 'state', value)).join(', '),
            state: label(req, 'state', state),
          }),
          path: 'workflowState',
        },
      ],
    },
    req.t,
  )

/** A refusal the caller can act on (4xx: a rule, access, a validation), as opposed to a failure of ours. */
export const isRefusal = (error: unknown): boolean => {
  const status = isRecord(error) ? error.status : undefined
  return typeof status === 'number' && status >= 400 && status < 500
}

/** A refusal's reasons, each with the field it names (`item` when it names none). */
export const refusalEntries = (error: unknown): { path: string; reason: string }[] => {
  // Payload's refusals (ValidationError, APIError) carry their reasons in `data.errors`; its shape, not checked here.
  const { data, message } = error as {
    data?: { errors?: { message: string; path?: string }[] }
    message?: string
  }
  return data?.errors?.length
    ? data.errors.map((entry) => ({ path: entry.path ?? 'item', reason: entry.message }))
    : [{ path: 'item', reason: String(message ?? error) }]
}

/** The reasons on one line, for an audit note: "field: reason; field: reason". */
export const refusalSummary = (entries: { path: string; reason: string }[]): string =>
  entries.map((entry) => `${entry.path}: ${entry.reason}`).join('; ')
