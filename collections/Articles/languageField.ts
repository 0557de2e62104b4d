import type { SelectField } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { translated } from '../../src/translations/index.ts'

/** The one language an article is written in (articles are not localized per field; translations are linked articles). */
export const languageField = (options: ResolvedNewsroomOptions): SelectField => ({
  name: 'language',
  type: 'select',
  admin: { position: 'sidebar' },
  index: true,
  label: translated('language'),
  options: options.languages.map((code) => ({ label: code.toUpperCase(), value: code })),
  required: true,
})
