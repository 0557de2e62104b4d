import { disclaimerContentHash, disclaimerTextFields } from '../utilities/disclaimerText.ts'
import { recordOf, stringOf, isRecord } from '../utilities/values.ts'

type ID = number | string
type Texts = Partial<Record<(typeof disclaimerTextFields)[number], null | string>>

/** The wording readers are shown for one disclaimer, as a publication recorded it. */
export type DisclaimerSnapshot = {
  appliedAt: string
  appliedBy: null | ID
  contentHash: null | string
  disclaimer: ID
  fullPageUrl: null | string
  key: string
  kind: string
  /** The texts per locale: `{ en: { title, shortText, longText }, … }`. */
  texts: Record<string, Texts>
  version: number
}

/** A disclaimer as read with `locale: 'all'`. */
export type DisclaimerAllLocales = {
  id: ID
  key: string
  kind: string
  version?: null | number
} & Record<string, unknown>

/** What the snapshot checks read of the live disclaimer (with `locale: 'all'`): its version and hash. */
export type LiveDisclaimer = { contentHash?: unknown; version?: null | number }

/**
 * A localized field read with `locale: 'all'`, as one value per locale. Payload answers an object keyed
 * by locale only when the config has localization; without it the same field is a plain value, which
 * stands for the one language the host writes (`language`).
 */
export const valuesByLocale = (
  value: unknown,
  localized: boolean,
  language: string,
): Record<string, unknown> => {
  if (!localized) {
    return value === undefined || value === null ? {} : { [language]: value }
  }
  return recordOf(value)
}

/** The locale readers of `language` are shown: their own when the snapshot has it, else the first. */
const shownLocale = (locales: string[], language: string): string | undefined =>
  locales.includes(language) ? language : locales[0]

/**
 * What a publication records of a disclaimer: its texts in every locale that has approved wording (a
 * content hash), and the hash of the texts shown in the article's language.
 */
export const toDisclaimerSnapshot = (
  disclaimer: DisclaimerAllLocales,
  {
    appliedAt,
    appliedBy,
    language,
    localized,
  }: { appliedAt: string; appliedBy: null | ID; language: string; localized: boolean },
): DisclaimerSnapshot => {
  const hashes = valuesByLocale(disclaimer.contentHash, localized, language)
  const locales = Object.keys(hashes).filter((locale) => typeof hashes[locale] === 'string')
  const fieldValues = Object.fromEntries(
    disclaimerTextFields.map((field) => [
      field,
      valuesByLocale(disclaimer[field], localized, language),
    ]),
  )
  const texts = Object.fromEntries(
    locales.map((locale) => [
      locale,
      Object.fromEntries(
        disclaimerTextFields.map((field) => [
          field,
          // Text fields: a string, or null when the locale has none.
          stringOf(fieldValues[field][locale]) ?? null,
        ]),
      ),
    ]),
  )
  const shown = shownLocale(locales, language)
  return {
    appliedAt,
    appliedBy,
    // `shown` is one of `locales`, whose hashes are strings.
    contentHash: shown === undefined ? null : (stringOf(hashes[shown]) ?? null),
    disclaimer: disclaimer.id,
    fullPageUrl: typeof disclaimer.fullPageUrl === 'string' ? disclaimer.fullPageUrl : null,
    key: disclaimer.key,
    kind: disclaimer.kind,
    texts,
    version: Number(disclaimer.version) || 1,
  }
}

/** The texts a snapshot shows readers of `language` (empty when it holds none). */
export const shownSnapshotTexts = (snapshot: { texts?: unknown }, language: string): Texts => {
  const texts = isRecord(snapshot.texts) ? snapshot.texts : {}
  const locale = shownLocale(Object.keys(texts), language)
  const shown = locale === undefined ? undefined : texts[locale]
  return isRecord(shown) ? shown : {}
}

const sha256Hex = /^[0-9a-f]{64}$/

/**
 * Why a stored snapshot cannot be what readers were meant to see, or null when it can: its texts must
 * be an object of locales, the shown texts must have a title and a short text and hash to the recorded
 * hash, and while the disclaimer is still at the snapshot's version, that hash must be the approved
 * wording's own in the same locale (`live`, read with `locale: 'all'`).
 */
export const snapshotProblem = (
  snapshot: { contentHash?: unknown; texts?: unknown; version?: unknown },
  live: LiveDisclaimer | undefined,
  { language, localized }: { language: string; localized: boolean },
): 'hashMismatch' | 'malformed' | 'notTheApprovedWording' | null => {
  if (!isRecord(snapshot.texts) || !Object.values(snapshot.texts).every(isRecord)) {
    return 'malformed'
  }
  if (typeof snapshot.contentHash !== 'string' || !sha256Hex.test(snapshot.contentHash)) {
    return 'malformed'
  }
  const shown = shownSnapshotTexts(snapshot, language)
  if (typeof shown.title !== 'string' || typeof shown.shortText !== 'string') {
    return 'malformed'
  }
  if (disclaimerContentHash(shown) !== snapshot.contentHash) {
    return 'hashMismatch'
  }
  if (live && Number(live.version) === Number(snapshot.version)) {
    const locale = shownLocale(Object.keys(snapshot.texts), language)!
    if (valuesByLocale(live.contentHash, localized, language)[locale] !== snapshot.contentHash) {
      return 'notTheApprovedWording'
    }
  }
  return null
}

/**
 * What the compliance check says of one snapshot: an older version than the disclaimer's approved one
 * (`snapshotOutdated`), a wording that is not the one it names (`snapshotInvalid`), or nothing.
 * Either way, re-publication changes what readers see.
 */
export const snapshotFinding = (
  snapshot: { contentHash?: unknown; texts?: unknown; version?: unknown },
  live: LiveDisclaimer | undefined,
  check: { language: string; localized: boolean },
): 'snapshotInvalid' | 'snapshotOutdated' | null =>
  live && Number(live.version) > Number(snapshot.version)
    ? 'snapshotOutdated'
    : snapshotProblem(snapshot, live, check)
      ? 'snapshotInvalid'
      : null
