import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { describeProblem } from '../rules/describeProblem.ts'
import { imageProblemField, problemsAddedByEdit } from '../rules/imageRules.ts'
import { translate } from '../translations/index.ts'
import { findPublishedArticles } from '../utilities/publishedArticles.ts'

/**
 * An image that published articles show keeps what the guarantee required of it when they were
 * published: an edit that would leave it without alt text (in one of their languages), or a
 * third-party image without its credit or licence, or with its rights ended, is a 400 naming the
 * field. Other edits go through. Unpublish or change the articles first to remove any of these.
 */
export const protectImagesInUse =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc) {
      return data
    }
    const docs = await findPublishedArticles<{ id: number | string; language?: string }>(
      req,
      options,
      {
        or: [
          { featuredImage: { equals: originalDoc.id } },
          { 'appliedImages.image': { equals: originalDoc.id } },
        ],
      },
      { language: true },
    )
    if (docs.length === 0) {
      return data
    }
    const shownIn = [...new Set(docs.map((doc) => doc.language ?? ''))]
    const language = String(req.locale ?? shownIn[0])
    const name = { filename: originalDoc.filename ?? originalDoc.externalUrl, id: originalDoc.id }
    const added = problemsAddedByEdit(
      { ...originalDoc, ...name },
      { ...originalDoc, ...data, ...name },
      { language, now: new Date(), shownIn },
    )
    if (added.length === 0) {
      return data
    }
    throw new ValidationError(
      {
        errors: added.map((problem) => ({
          message: translate(req.t, 'mediaInUse', {
            count: docs.length,
            problem: describeProblem(req.t, problem),
          }),
          path: imageProblemField[problem.code],
        })),
      },
      req.t,
    )
  }
