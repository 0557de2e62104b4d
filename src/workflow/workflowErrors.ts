import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { WorkflowAction, WorkflowState } from '../rules/workflow.ts'

import { type NewsroomTranslationKey, translate } from '../translations/index.ts'

const label = (req: PayloadRequest, prefix: 'action' | 'state', value: string) =>
  translate(req.t, `${prefix}_${value}` as NewsroomTranslationKey)

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
