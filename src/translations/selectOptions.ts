import type { OptionObject } from 'payload'

import { type NewsroomTranslationKey, translated } from './index.ts'

/**
 * Options whose labels follow the admin language; each value's label is the key `<prefix>_<value>`
 * (hyphens become underscores), e.g. `sourceCategory_press_release`.
 */
export const selectOptions = (prefix: string, values: readonly string[]): OptionObject[] =>
  values.map((value) => ({
    label: translated(`${prefix}_${value.replaceAll('-', '_')}` as NewsroomTranslationKey),
    value,
  }))
