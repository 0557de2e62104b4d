import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { defaultCanonical, viewOriginalLabel } from '../utilities/articleDefaults.ts'
import { relationID, valueAfterWrite } from '../utilities/documentValue.ts'
import { findByIDOnce } from '../utilities/requestCache.ts'

/** Attribution fields an article inherits from its source when left empty. */
const inheritedFromSource = [
  ['creditText', 'creditLine'],
  ['licence', 'defaultLicence'],
  ['usageTerms', 'usageTerms'],
  ['copyrightHolder', 'copyrightHolder'],
  ['copyrightNotice', 'copyrightNotice'],
] as const

/**
 * Fills what a syndicated article's attribution leaves empty: credit, licence, terms and copyright from
 * its source (in the article's language), the canonical strategy from the origin, and the "view original"
 * label in the article's language.
 */
export const fillAttributionDefaults =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const origin = valueAfterWrite(data, originalDoc, 'origin') ?? 'original'
    const language = String(valueAfterWrite(data, originalDoc, 'language') ?? options.languages[0])
    const attribution: Record<string, unknown> = {
      ...(originalDoc?.attribution ?? {}),
      ...(data.attribution ?? {}),
    }
    attribution.canonical ||= defaultCanonical(origin as 'original' | 'syndicated')
    if (origin !== 'syndicated') {
      return { ...data, attribution }
    }
    attribution.viewOriginalLabel ||= viewOriginalLabel(language)

    const sourceID = relationID(attribution.source)
    // Defaults are taken when the source is chosen; later saves keep what the editor left or cleared.
    const sourceChanged = sourceID !== relationID(originalDoc?.attribution?.source)
    const missing = inheritedFromSource.filter(([field]) => !attribution[field])
    if (sourceID !== undefined && sourceChanged && missing.length > 0) {
      const source = await findByIDOnce(req, options.collections.sources.slug as CollectionSlug, sourceID, language)
      for (const [field, sourceField] of missing) {
        const inherited = source?.[sourceField]
        if (inherited) {
          attribution[field] = inherited
        }
      }
    }
    return { ...data, attribution }
  }
