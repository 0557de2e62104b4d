/**
 * The guarantee for images, free of I/O: every image an article shows needs alt text in the article's
 * language, and a third-party image its credit, its licence and rights that have not expired.
 */

import { isRecord, recordOf } from '../utilities/values.ts'

type ID = number | string

/** Image formats a newsroom publishes; SVG is not one of them (it can carry script). */
export const imageMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

/** Where the article shows the image: the publish error names that field. */
export type ImageUse = 'body' | 'featuredImage'

/** An image as the rules see it, its texts in the article's language (no fallback to another). */
export type RuleImage = {
  alt?: null | string
  credit?: null | string
  filename?: null | string
  id: ID
  licence?: null | string
  origin?: null | string
  rightsExpireAt?: null | string
  usedAs: ImageUse
}

export type ImageProblem =
  | { code: 'imageAltMissing'; image: string; language: string; path: ImageUse }
  | { code: 'imageCreditMissing'; image: string; path: ImageUse }
  | { code: 'imageLicenceMissing'; image: string; path: ImageUse }
  | { at: string; code: 'imageRightsExpired'; image: string; path: ImageUse }

const blank = (value: null | string | undefined) => !value || !value.trim()

export const imageProblems = (
  images: readonly RuleImage[],
  language: string,
  now: Date,
): ImageProblem[] =>
  images.flatMap((image): ImageProblem[] => {
    const name = image.filename || String(image.id)
    const problems: ImageProblem[] = []
    if (blank(image.alt)) {
      problems.push({ code: 'imageAltMissing', image: name, language, path: image.usedAs })
    }
    if (image.origin === 'third-party') {
      if (blank(image.credit)) {
        problems.push({ code: 'imageCreditMissing', image: name, path: image.usedAs })
      }
      if (blank(image.licence)) {
        problems.push({ code: 'imageLicenceMissing', image: name, path: image.usedAs })
      }
      if (image.rightsExpireAt && Date.parse(image.rightsExpireAt) <= now.getTime()) {
        problems.push({
          at: image.rightsExpireAt,
          code: 'imageRightsExpired',
          image: name,
          path: image.usedAs,
        })
      }
    }
    return problems
  })

/** The images of a Lexical body (upload nodes sit at the root only), in order, as IDs. */
export const bodyImageIDs = (body: unknown): ID[] => {
  const children = recordOf(recordOf(body).root).children
  if (!Array.isArray(children)) {
    return []
  }
  return children.flatMap((node) => {
    const { type, value } = recordOf(node)
    if (type !== 'upload') {
      return []
    }
    const id = isRecord(value) ? value.id : value
    return typeof id === 'number' || typeof id === 'string' ? [id] : []
  })
}

/** Every image the article shows, with where: the featured image first, then the body's. */
export const imageUses = (article: {
  body?: unknown
  featuredImage?: unknown
}): { id: ID; usedAs: ImageUse }[] => {
  const featured = article.featuredImage
  // An upload field: its ID, or the image itself when populated.
  const featuredID = isRecord(featured) ? featured.id : featured
  return [
    ...((typeof featuredID === 'number' || typeof featuredID === 'string') && featuredID !== ''
      ? [{ id: featuredID, usedAs: 'featuredImage' as const }]
      : []),
    ...bodyImageIDs(article.body).map((id) => ({ id, usedAs: 'body' as const })),
  ]
}

/** The media field each image problem is about. */
export const imageProblemField: Record<
  ImageProblem['code'],
  'alt' | 'credit' | 'licence' | 'rightsExpireAt'
> = {
  imageAltMissing: 'alt',
  imageCreditMissing: 'credit',
  imageLicenceMissing: 'licence',
  imageRightsExpired: 'rightsExpireAt',
}

/**
 * What an edit of an image shown by published articles would break for them: the problems the image
 * has after the edit and not before, in `language` (the edit's locale). Texts are per language, so alt
 * and credit count only when a published article showing it is in that language (`shownIn`).
 */
export const problemsAddedByEdit = (
  before: Omit<RuleImage, 'usedAs'>,
  after: Omit<RuleImage, 'usedAs'>,
  { language, now, shownIn }: { language: string; now: Date; shownIn: readonly string[] },
): ImageProblem[] => {
  const codes = (image: Omit<RuleImage, 'usedAs'>) =>
    imageProblems([{ ...image, usedAs: 'featuredImage' }], language, now)
  const existing = new Set(codes(before).map((problem) => problem.code))
  const perLanguage = new Set<ImageProblem['code']>(['imageAltMissing', 'imageCreditMissing'])
  return codes(after).filter(
    (problem) =>
      !existing.has(problem.code) && (!perLanguage.has(problem.code) || shownIn.includes(language)),
  )
}
