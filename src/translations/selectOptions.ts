import type { OptionObject } from 'payload'

import { type NewsroomTranslationKeyPrefix, translatedComposed } from './index.ts'

/**
 * Options whose labels follow the admin language; each value's label is the key `<prefix>_<value>`
 * (hyphens become underscores), e.g. `sourceCategory_press_release`.
 */
export const selectOptions = (
  prefix: NewsroomTranslationKeyPrefix,
  values: readonly string[],
): OptionObject[] =>
  values.map((value) => ({
    label: translatedComposed(`${prefix}_${value.replaceAll('-', '_')}`),
    value,
  }))
