import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { describeProblem } from '../rules/describeProblem.ts'
import { isCheckedStep, stepCheckOf } from '../rules/stepChecks.ts'
import { newsroomContext } from '../utilities/requestContext.ts'
import { plannedTransition } from '../workflow/enforceWorkflow.ts'
import { evaluateArticle } from './evaluateArticle.ts'

/**
 * The publish rules at submit, approve and schedule (see `stepCheckOf`): what blocks at this step
 * refuses the action with one field error per problem, like a publication; the rest goes back to the
 * caller as warnings (the workflow endpoint's `warnings`), so a writer learns at submit what an
 * editor will be stopped by.
 */
export const checkWorkflowStep =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const action = plannedTransition(req)?.action
    if (!isCheckedStep(action)) {
      return data
    }
    const {
      result: { problems },
    } = await evaluateArticle(req, options, { ...originalDoc, ...data }, originalDoc?.id)
    const described = problems.map((problem) => ({
      code: problem.code,
      message: describeProblem(req.t, problem),
      path: problem.path,
    }))
    const blocking = described.filter((problem) => stepCheckOf(problem.code, action) === 'block')
    if (blocking.length > 0) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: blocking.map(({ message, path }) => ({ message, path })),
        },
        req.t,
      )
    }
    newsroomContext(req).newsroomWorkflowWarnings = described
    return data
  }
