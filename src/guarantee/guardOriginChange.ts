import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { userRoles } from '../users/roles.ts'
import { leavesSyndication, originChangeProblem, type OriginProblem } from '../rules/originRules.ts'
import { translate } from '../translations/index.ts'
import { relationID, valueAfterWrite } from '../utilities/documentValue.ts'
import { findByIDOnce } from '../utilities/requestCache.ts'
import { recordOf } from '../utilities/values.ts'
import { appendAuditEvent } from '../workflow/enforceWorkflow.ts'
import { newsroomContext } from '../utilities/requestContext.ts'

/** The reason given for an origin change, by article, from the check to the audit record. */

const messages: Record<OriginProblem['code'], Parameters<typeof translate>[1]> = {
  originChangeForbiddenRole: 'originChangeForbiddenRole',
  originChangeKeepsOriginalUrl: 'originChangeKeepsOriginalUrl',
  originChangeNeedsReason: 'originChangeNeedsReason',
  originChangeNotLicensed: 'originChangeNotLicensed',
}

const attributionOf = (
  data: Record<string, unknown> | undefined,
  originalDoc: Record<string, unknown> | undefined,
) => ({
  origin: valueAfterWrite(data, originalDoc, 'origin'),
  originalUrl: valueAfterWrite(data, originalDoc, 'attribution.originalUrl'),
  source: relationID(valueAfterWrite(data, originalDoc, 'attribution.source')) ?? null,
})

/**
 * Before a write: a syndicated article may leave syndication (become our own, or lose its source or
 * original URL) only as `originChangeProblem` allows, on every path (REST, GraphQL, bulk, Local API
 * with a user). The reason travels in the virtual field `originChangeReason`.
 */
export const guardOriginChange =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc) {
      return data
    }
    const before = {
      origin: originalDoc.origin,
      originalUrl: originalDoc.attribution?.originalUrl,
      source: relationID(originalDoc.attribution?.source),
    }
    const after = attributionOf(data, originalDoc)
    if (!leavesSyndication({ after, before })) {
      return data
    }
    const source =
      before.source === undefined
        ? null
        : await findByIDOnce(req, options.collections.sources.slug, before.source)
    // A select with hasMany: a list, or null when none was chosen.
    const transformations = recordOf(source?.licence).transformations
    const reason = typeof data.originChangeReason === 'string' ? data.originChangeReason.trim() : ''
    const problem = originChangeProblem({
      after,
      before,
      licensedTransformations: Array.isArray(transformations) ? transformations : [],
      reason,
      roles: req.user ? userRoles(req.user) : null,
    })
    if (problem) {
      throw new ValidationError(
        {
          collection: options.collections.articles.slug,
          errors: [{ message: translate(req.t, messages[problem.code]), path: problem.path }],
        },
        req.t,
      )
    }
    const reasons = (newsroomContext(req).newsroomOriginChangeReasons ??= {})
    reasons[String(originalDoc.id)] = reason
    return data
  }

/** After the write, in its transaction: the audit trail records who took the article out of syndication, and why. */
export const recordOriginChange =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const reasons = newsroomContext(req).newsroomOriginChangeReasons
    const reason = reasons?.[String(doc.id)]
    if (reason === undefined) {
      return doc
    }
    delete reasons![String(doc.id)]
    const state = doc.workflowState ?? 'draft'
    await appendAuditEvent(req, options, {
      action: 'change_origin',
      article: doc,
      from: state,
      note: reason,
      to: state,
    })
    return doc
  }
