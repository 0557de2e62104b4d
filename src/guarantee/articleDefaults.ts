import type { CanonicalStrategy } from '../types.ts'

import { translations } from '../translations/index.ts'
import { ownValue } from '../utilities/ownValue.ts'

/** Google's advice for syndicated copies is `noindex` rather than a cross-site canonical. */
export const defaultCanonical = (origin: 'original' | 'syndicated'): CanonicalStrategy =>
  origin === 'syndicated' ? 'noindex' : 'self'

/** "Voir l'original" / "View original", in the article's language (not the editor's). */
export const viewOriginalLabel = (language: string): string =>
  ownValue(translations, language)?.newsroom.viewOriginal ?? translations.en.newsroom.viewOriginal
