import type { CollectionBeforeChangeHook } from 'payload'

import {
  disclaimerContentHash,
  disclaimerTextChanged,
  disclaimerTextFields,
} from '../utilities/disclaimerText.ts'

/**
 * Keeps `version` and `contentHash` true to the wording: a text change in any locale is a new version;
 * other edits (status, dates, links) are not. The hash is per locale, of that locale's texts.
 */
export const versionDisclaimerText: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
}) => {
  const merged = { ...originalDoc, ...data }
  const texts = Object.fromEntries(disclaimerTextFields.map((field) => [field, merged[field]]))
  const version =
    operation === 'create'
      ? 1
      : disclaimerTextChanged(originalDoc ?? {}, data)
        ? (Number(originalDoc?.version) || 1) + 1
        : Number(originalDoc?.version) || 1
  return { ...data, contentHash: disclaimerContentHash(texts), version }
}
