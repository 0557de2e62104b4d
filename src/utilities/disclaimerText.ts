import { createHash } from 'node:crypto'

/** The fields whose wording legal approves; a change to any of them is a new version. */
export const disclaimerTextFields = ['title', 'shortText', 'longText'] as const

type DisclaimerTexts = Partial<Record<(typeof disclaimerTextFields)[number], unknown>>

const normalise = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : JSON.stringify(value ?? null)

/** SHA-256 of the texts of one locale, so an audit can prove which wording readers were shown. */
export const disclaimerContentHash = (texts: DisclaimerTexts): string =>
  createHash('sha256')
    .update(JSON.stringify(disclaimerTextFields.map((field) => normalise(texts[field]))))
    .digest('hex')

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/**
 * True when an update changes wording readers may have seen; fields the update leaves out keep their
 * stored value. Filling a blank (the first English text of a French disclaimer) changes nothing
 * anyone was shown, so it is not a new version.
 */
export const disclaimerTextChanged = (
  original: DisclaimerTexts,
  update: DisclaimerTexts,
): boolean =>
  disclaimerTextFields.some(
    (field) =>
      field in update &&
      !isBlank(original[field]) &&
      normalise(update[field]) !== normalise(original[field]),
  )
