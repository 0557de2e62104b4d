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

/** A label or description that follows the admin language: `label: translated('name')`. */
export const translated =
  (key: NewsroomTranslationKey) =>
  ({ t }: { t: TFunction<any> }): string =>
    translate(t, key)

/** The same string in every admin language, for the few config spots that take no function (admin groups). */
export const translatedRecord = (key: NewsroomTranslationKey): Record<string, string> =>
  Object.fromEntries(
    Object.entries(translations).map(([language, strings]) => [language, strings.newsroom[key]]),
  )
