import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { isDisclaimerValid, type RuleDisclaimer } from '../rules/publishRules.ts'
import { translate } from '../translations/index.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findPublishedArticles } from '../utilities/publishedArticles.ts'
import { findDocumentByID } from '../utilities/typedLocalApi.ts'

type ID = number | string

/** Published articles that show the disclaimer: the ones legal must not leave without one. */
const publishedDependents = (req: PayloadRequest, options: ResolvedNewsroomOptions, id: ID) =>
  findPublishedArticles<{ disclaimers?: unknown[]; id: ID }>(
    req,
    options,
    { disclaimers: { in: [id] } },
    { disclaimers: true },
  )

/**
 * A disclaimer that published articles depend on cannot stop being valid (retired, expired, back to
 * draft) or change its kind unless an approved replacement of the same kind is named in `replaceWith`: the dependent
 * articles are then re-pointed to it in the same operation (and re-checked and re-snapshotted).
 */
export const protectDisclaimerChanges =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const { replaceWith, ...rest } = data
    if (operation !== 'update' || !originalDoc) {
      return rest
    }
    const now = new Date()
    const after: RuleDisclaimer = { ...originalDoc, ...rest }
    // A new kind stops it serving as the kind the articles rely on, as surely as retiring it would.
    const kindChanged = rest.kind !== undefined && rest.kind !== originalDoc.kind
    const stopsBeingValid = isDisclaimerValid(originalDoc, now) && !isDisclaimerValid(after, now)
    if (!kindChanged && !stopsBeingValid) {
      return rest
    }
    const dependents = await publishedDependents(req, options, originalDoc.id)
    if (dependents.length === 0) {
      return rest
    }
    const path = kindChanged
      ? 'kind'
      : rest.status !== undefined && rest.status !== 'approved'
        ? 'status'
        : 'effectiveTo'
    const replacementID = relationID(replaceWith)
    if (replacementID === undefined) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [
            { message: translate(req.t, 'disclaimerInUse', { count: dependents.length }), path },
          ],
        },
        req.t,
      )
    }
    const replacement = await findDocumentByID<RuleDisclaimer>(req.payload, {
      id: replacementID,
      collection: collection.slug,
      depth: 0,
      disableErrors: true,
      joins: false,
      overrideAccess: true,
      req,
    })
    if (
      !replacement ||
      replacement.id === originalDoc.id ||
      replacement.kind !== originalDoc.kind ||
      !isDisclaimerValid(replacement, now)
    ) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [{ message: translate(req.t, 'replacementInvalid'), path: 'replaceWith' }],
        },
        req.t,
      )
    }
    for (const article of dependents) {
      const disclaimers = (article.disclaimers ?? [])
        .map(relationID)
        .filter((id) => id !== originalDoc.id)
      await req.payload.update({
        id: article.id,
        collection: options.collections.articles.slug,
        data: { disclaimers: [...new Set([...disclaimers, replacement.id])] },
        overrideAccess: true,
        req,
      })
    }
    return rest
  }

/** Deleting a disclaimer in use would leave published articles without it: refused, with the count. */
export const protectDisclaimerDeletion =
  (options: ResolvedNewsroomOptions): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    const dependents = await publishedDependents(req, options, id)
    if (dependents.length > 0) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [
            {
              message: translate(req.t, 'disclaimerInUseDelete', { count: dependents.length }),
              path: 'articles',
            },
          ],
        },
        req.t,
      )
    }
  }
