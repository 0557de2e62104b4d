import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { actingUserID } from '../users/roles.ts'
import { describeProblem } from '../rules/describeProblem.ts'
import { toDisclaimerSnapshot } from '../rules/disclaimerSnapshot.ts'
import type { StoredDisclaimer } from './loadRuleInput.ts'
import { lockPublicationInputs } from '../transactions/publicationLocks.ts'
import { evaluateArticle } from './evaluateArticle.ts'

/**
 * Images a published article shows become readable by the public, in the publication's transaction.
 * Only this bookkeeping flag, through the adapter: a regular update would validate and re-save the
 * whole image in the request's locale (the publication's business is the article, not the image).
 */
const makeImagesPublic = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  images: { id: number | string }[],
) => {
  if (images.length === 0) {
    return
  }
  await req.payload.db.updateMany({
    collection: options.collections.media.slug,
    data: { public: true },
    req,
    // Not yet public: false, or never set (SQL's `<> true` would not match a null).
    where: {
      and: [
        { id: { in: [...new Set(images.map((image) => image.id))] } },
        { or: [{ public: { equals: false } }, { public: { exists: false } }] },
      ],
    },
  })
}

/**
 * The guarantee. Whenever a write leaves an article published (publish, re-publish, an edit of a
 * published article, bulk update, restore, scheduled publish), its attribution must be complete and
 * it must carry a valid disclaimer of every required kind, after auto-attaching defaults; otherwise
 * the write fails with one field error per problem and nothing is stored. A publishing write also
 * snapshots the exact disclaimer wording shown. Drafts may be incomplete.
 */
export const requireDisclaimerOnPublish =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const merged = { ...originalDoc, ...data }
    if (merged._status !== 'published') {
      // The snapshot belongs to the last publication; no one writes it by hand.
      return {
        ...data,
        appliedDisclaimers: originalDoc?.appliedDisclaimers ?? [],
        complianceProblems: originalDoc?.complianceProblems ?? 0,
      }
    }

    // What the rules read is locked first (a retirement or a suspension waits, or is waited for), then read as committed.
    await lockPublicationInputs(req, options, merged, originalDoc?.id)
    const { input, language, result } = await evaluateArticle(req, options, merged, originalDoc?.id)
    if (result.problems.length > 0) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: result.problems.map((problem) => ({
            message: describeProblem(req.t, problem),
            path: problem.path,
          })),
        },
        req.t,
      )
    }

    const appliedAt = new Date().toISOString()
    await makeImagesPublic(req, options, input.images)
    return {
      ...data,
      appliedImages: input.images.map((image) => ({
        copyrightNotice: image.copyrightNotice ?? null,
        credit: image.credit ?? null,
        image: image.id,
        licence: image.licence ?? null,
        usedAs: image.usedAs,
      })),
      complianceProblems: 0,
      appliedDisclaimers: result.disclaimers
        .map((id) => input.disclaimers.get(id))
        .filter((disclaimer): disclaimer is StoredDisclaimer => Boolean(disclaimer))
        .map((disclaimer) =>
          toDisclaimerSnapshot(disclaimer, {
            appliedAt,
            appliedBy: actingUserID(req, options.collections.users.slug),
            language,
            localized: Boolean(req.payload.config.localization),
          }),
        ),
      disclaimers: result.disclaimers,
    }
  }
