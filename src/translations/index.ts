import type { TFunction } from '@payloadcms/translations'

import { en } from './en.ts'
import { fr } from './fr.ts'

/** Every string the plugin shows, per admin language, merged into Payload's i18n by the plugin. */
export const translations = { en, fr }

export type NewsroomTranslationKey = keyof (typeof en)['newsroom']

/** Translates one of the plugin's own strings with Payload's `t` (admin labels, validation messages). */
export const translate = (
  t: TFunction<any>,
  key: NewsroomTranslationKey,
  variables?: Record<string, unknown>,
): string => t(`newsroom:${key}`, variables)

/** The prefixes of the keys named after a value, `<prefix>_<value>` (`state_published`, `rule_embargoed`). */
export type NewsroomTranslationKeyPrefix<Key = NewsroomTranslationKey> =
  Key extends `${infer Prefix}_${string}` ? Prefix : never

/**
 * A key built from a stored or computed value (`state_${state}`): the value is data, so the key may
 * name no string, and Payload's `t` then answers the key itself, as for any key it does not know.
 */
export type ComposedTranslationKey = `${NewsroomTranslationKeyPrefix}_${string}`

/** Translates a key built from a value, as `translate` does a literal key. */
export const translateComposed = (
  t: TFunction<any>,
  key: ComposedTranslationKey,
  variables?: Record<string, unknown>,
): string => t(`newsroom:${key}`, variables)

/** A label or description that follows the admin language: `label: translated('name')`. */
export const translated =
  (key: NewsroomTranslationKey) =>
  ({ t }: { t: TFunction<any> }): string =>
    translate(t, key)

/** As `translated`, for a key built from a value (a select option's label). */
export const translatedComposed =
  (key: ComposedTranslationKey) =>
  ({ t }: { t: TFunction<any> }): string =>
    translateComposed(t, key)

/** The same string in every admin language, for the few config spots that take no function (admin groups). */
export const translatedRecord = (key: NewsroomTranslationKey): Record<string, string> =>
  Object.fromEntries(
    Object.entries(translations).map(([language, strings]) => [language, strings.newsroom[key]]),
  )
