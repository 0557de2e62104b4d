import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, APIError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole, userRoles } from '../access/roles.ts'
import { availableActions, isWorkflowAction, type WorkflowState } from '../rules/workflow.ts'
import { translate } from '../translations/index.ts'
import { inTransaction } from '../workflow/inTransaction.ts'
import { readArticleAsUser, runWorkflowAction } from '../workflow/runWorkflowAction.ts'

const articleID = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

/**
 * `POST /api/<articles>/:id/workflow` with `{ action, note?, publishAt? }` takes an action;
 * `GET` answers the article's state, the actions the current user may take and its audit trail.
 */
export const workflowEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  {
    handler: async (req) => {
      const article = await readArticleAsUser(req, options, articleID(req), { _status: true, workflowState: true })
      if (!article || !req.user) {
        return Response.json({ errors: [{ message: req.t('error:notFound') }] }, { status: 404 })
      }
      const state = (article.workflowState ?? 'draft') as WorkflowState
      const events = hasAnyRole(req.user, ['admin', 'editor'])
        ? await req.payload.find({
            collection: options.collections.workflowEvents.slug as CollectionSlug,
            // Who acted, by name; not the article again with its body, once per event.
            depth: 1,
            overrideAccess: false,
            pagination: false,
            populate: { [options.collections.users.slug]: { name: true } } as never,
            req,
            select: { action: true, by: true, createdAt: true, from: true, note: true, to: true, via: true } as never,
            sort: 'createdAt',
            where: { article: { equals: article.id } },
          })
        : undefined
      return Response.json({
        actions: availableActions(state, userRoles(req.user)),
        audit: events?.docs ?? null,
        state,
        status: article._status,
      })
    },
    method: 'get',
    path: '/:id/workflow',
  },
  {
    handler: async (req) => {
      await addDataAndFileToRequest(req)
      const { action, note, publishAt } = (req.data ?? {}) as Record<string, unknown>
      if (!req.user) {
        return Response.json({ errors: [{ message: req.t('error:unauthorized') }] }, { status: 401 })
      }
      if (!isWorkflowAction(action)) {
        throw new APIError(translate(req.t, 'workflowUnknownAction'), 400)
      }
      const doc = await inTransaction(req, () =>
        runWorkflowAction(req, options, {
          action,
          id: articleID(req),
          note,
          publishAt,
        }),
      )
      return Response.json({ doc })
    },
    method: 'post',
    path: '/:id/workflow',
  },
]
