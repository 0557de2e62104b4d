import type { FieldHook } from 'payload'

import { slugFromTitle } from '../utilities/formatSlug.ts'

/**
 * Fills an empty slug from another field of the same document. An existing slug is kept,
 * so a later change of the title does not break published URLs.
 */
export const deriveSlugFromField =
  (sourceField: string, slugField = 'slug'): FieldHook =>
  ({ data, originalDoc, value }) => {
    if (typeof value === 'string' && value.length > 0) {
      return value
    }
    const existing = originalDoc?.[slugField]
    if (typeof existing === 'string' && existing.length > 0) {
      return existing
    }
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    return typeof source === 'string' && source.trim() ? slugFromTitle(source) : value
  }
