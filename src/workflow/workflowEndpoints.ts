import type { Endpoint, PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { newsroomContext } from '../utilities/requestContext.ts'

import { hasAnyRole, userRoles } from '../users/roles.ts'
import {
  availableActions,
  workflowActionOf,
  workflowActions,
  type WorkflowState,
} from '../rules/workflow.ts'
import { translate } from '../translations/index.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import { isWellFormedID } from '../utilities/documentValue.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import { readArticleAsUser, runWorkflowAction } from './runWorkflowAction.ts'
import { findOpenTasks } from './articleTasks.ts'
import { isRefusal, refusalEntries } from './workflowErrors.ts'
import { refusal } from '../utilities/refusal.ts'

/** The warnings the workflow step left on the request, once (a bulk action takes them per article). */
const takeWorkflowWarnings = (req: PayloadRequest) => {
  const context = newsroomContext(req)
  const warnings = context.newsroomWorkflowWarnings ?? []
  delete context.newsroomWorkflowWarnings
  return warnings
}

const articleID = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

/** Articles one bulk action may name: a page of the admin's list. */
export const maxBulkArticles = 100

/** "Unknown workflow action. The actions are: submit, request_changes, …". */
export const unknownActionMessage = (req: PayloadRequest) =>
  translate(req.t, 'workflowUnknownAction', { actions: workflowActions.join(', ') })

/** A 400 naming `field`, in Payload's shape. */
const badRequest = (field: string, message: string): never => {
  throw refusal(message, 400, field)
}

/** The IDs of a bulk action: 1 to `maxBulkArticles` distinct short strings or numbers. */
const bulkIDs = (value: unknown): (number | string)[] | undefined => {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxBulkArticles) {
    return undefined
  }
  const ids = value.filter(
    (id) =>
      (typeof id === 'string' && id.length > 0 && id.length <= 100) ||
      (typeof id === 'number' && Number.isSafeInteger(id)),
  )
  return ids.length === value.length && new Set(ids.map(String)).size === ids.length
    ? ids
    : undefined
}

export type BulkItemResult = {
  errors?: { path: string; reason: string }[]
  id: number | string
  ok: boolean
  state?: string
  title?: string
  /** What the publish rules will refuse later, said at submit, approve and schedule. */
  warnings?: { code: string; message: string; path: string }[]
}

/**
 * `POST /api/<articles>/:id/workflow` with `{ action, note?, publishAt? }` takes an action;
 * `GET` answers the article's state, the actions the current user may take and its audit trail.
 */
export const workflowEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  {
    handler: async (req) => {
      const article = await readArticleAsUser(req, options, articleID(req), {
        _status: true,
        workflowState: true,
      })
      if (!article || !req.user) {
        throw refusal(req.t('error:notFound'), 404, 'id')
      }
      const state: WorkflowState = article.workflowState ?? 'draft'
      const events = hasAnyRole(req.user, ['admin', 'editor'])
        ? await req.payload.find({
            collection: options.collections.workflowEvents.slug,
            // Who acted, by name; not the article again with its body, once per event.
            depth: 1,
            overrideAccess: false,
            pagination: false,
            populate: { [options.collections.users.slug]: { name: true } },
            req,
            select: {
              action: true,
              by: true,
              createdAt: true,
              from: true,
              note: true,
              to: true,
              via: true,
            },
            sort: 'createdAt',
            where: { article: { equals: article.id } },
          })
        : undefined
      return Response.json({
        actions: availableActions(state, userRoles(req.user)),
        audit: events?.docs ?? null,
        // What the checklist shows beside the guarantee's rules: each open task blocks publication.
        openTasks: await findOpenTasks(req, options, article.id),
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
      const { action: asked, note, publishAt } = req.data ?? {}
      if (!req.user) {
        throw refusal(req.t('error:unauthorized'), 401)
      }
      const action = workflowActionOf(asked)
      if (!action) {
        return badRequest('action', unknownActionMessage(req))
      }
      const doc = await inTransaction(req, () =>
        runWorkflowAction(req, options, {
          action,
          id: articleID(req),
          note,
          publishAt,
        }),
      )
      // What the publish rules will refuse later, said now (submit, approve, schedule).
      return Response.json({ doc, warnings: takeWorkflowWarnings(req) })
    },
    method: 'post',
    path: '/:id/workflow',
  },
  {
    /**
     * `POST /api/<articles>/workflow` with `{ action, ids, note?, publishAt? }`: the action on each
     * article in turn, each its own workflow action (same rules, same guarantee, own transaction), so
     * one refusal never stops or undoes the others. The answer says per article what was done or why not.
     */
    handler: async (req) => {
      await addDataAndFileToRequest(req)
      const { action: asked, ids: givenIDs, note, publishAt } = req.data ?? {}
      if (!req.user) {
        throw refusal(req.t('error:unauthorized'), 401)
      }
      const action = workflowActionOf(asked)
      if (!action) {
        return badRequest('action', unknownActionMessage(req))
      }
      const ids = bulkIDs(givenIDs)
      if (!ids) {
        return badRequest('ids', translate(req.t, 'workflowBulkIDs', { max: maxBulkArticles }))
      }
      // Titles as the user may see them, so the answer names each article.
      const askable = ids.filter((id) => isWellFormedID(req.payload, id))
      const { docs: visible } =
        askable.length === 0
          ? { docs: [] }
          : await findDocuments<{ title?: string }>(req.payload, {
              collection: options.collections.articles.slug,
              depth: 0,
              draft: true,
              limit: askable.length,
              overrideAccess: false,
              req,
              select: { title: true },
              where: { id: { in: askable } },
            })
      const titles = new Map(visible.map((doc) => [String(doc.id), doc.title]))
      const results: BulkItemResult[] = []
      for (const id of ids) {
        const title = titles.get(String(id))
        if (!titles.has(String(id))) {
          // Not an article this user can see (or not an ID at all): nothing to act on.
          results.push({ errors: [{ path: 'id', reason: req.t('error:notFound') }], id, ok: false })
          continue
        }
        try {
          const doc = await inTransaction(req, () =>
            runWorkflowAction(req, options, { action, id, note, publishAt }),
          )
          results.push({
            id,
            ok: true,
            state: doc.workflowState,
            title,
            warnings: takeWorkflowWarnings(req),
          })
        } catch (error) {
          if (!isRefusal(error)) {
            req.payload.logger.error({
              err: error,
              msg: `payload-newsroom: bulk ${action} of ${id} failed`,
            })
            results.push({
              errors: [{ path: 'item', reason: translate(req.t, 'workflowBulkFailed') }],
              id,
              ok: false,
              title,
            })
          } else {
            results.push({ errors: refusalEntries(error), id, ok: false, title })
          }
        }
      }
      const done = results.filter((result) => result.ok).length
      return Response.json(
        { done, refused: results.length - done, results },
        { status: done === 0 ? 422 : 200 },
      )
    },
    method: 'post',
    path: '/workflow',
  },
]
