import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { defaultCanonical, viewOriginalLabel } from './articleDefaults.ts'
import { relationID, valueAfterWrite } from '../utilities/documentValue.ts'
import { findByIDOnce } from '../utilities/requestCache.ts'
import { recordOf } from '../utilities/values.ts'

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
 * its source (in the article's language), the rights' expiry from its licence's duration, the canonical strategy from the source's policy when the source
 * is chosen (else from the origin: `noindex` for a copy, `self` for our own), and the "view original"
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
    if (origin !== 'syndicated') {
      attribution.canonical ||= defaultCanonical('original')
      return { ...data, attribution }
    }
    attribution.viewOriginalLabel ||= viewOriginalLabel(language)

    const sourceID = relationID(attribution.source)
    // Defaults are taken when the source is chosen; later saves keep what the editor left or cleared.
    const sourceChanged = sourceID !== relationID(originalDoc?.attribution?.source)
    if (sourceID !== undefined && sourceChanged) {
      const source = await findByIDOnce(req, options.collections.sources.slug, sourceID, language)
      for (const [field, sourceField] of inheritedFromSource) {
        const inherited = source?.[sourceField]
        if (!attribution[field] && inherited) {
          attribution[field] = inherited
        }
      }
      // Rights last the licence's duration from the original's publication (or from when we got it).
      const days = recordOf(source?.licence).durationDays
      if (!attribution.rightsExpireAt && typeof days === 'number' && days > 0) {
        const from =
          Date.parse(String(attribution.originalPublishedAt ?? attribution.retrievedAt ?? '')) ||
          Date.now()
        attribution.rightsExpireAt = new Date(from + days * 86_400_000).toISOString()
      }
      // The source's canonical policy, unless this very write chooses one.
      if (!data.attribution?.canonical && source?.canonicalPolicy) {
        attribution.canonical = source.canonicalPolicy
      }
    }
    attribution.canonical ||= defaultCanonical('syndicated')
    return { ...data, attribution }
  }
