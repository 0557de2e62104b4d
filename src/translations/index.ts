import type { GenericTranslationsObject, NestedKeysStripped } from '@payloadcms/translations'

import { en } from './en'
import { fr } from './fr'

/** Every string the plugin shows, per admin language. French must cover every English key. */
export const translations = { en, fr }

export type NewsroomTranslationsObject = typeof en
export type NewsroomTranslationKeys = NestedKeysStripped<NewsroomTranslationsObject>

/** Typed key helper: `t(newsroomKey('slugInvalid'))` fails to compile on a typo. */
export const newsroomKey = (key: keyof (typeof en)['newsroom']): `newsroom:${string}` =>
  `newsroom:${String(key)}`

export type { GenericTranslationsObject }
