import type { TextField, TextFieldSingleValidation } from 'payload'

import { deriveSlugFromField } from './deriveSlugFromField.ts'
import { translate, translated } from '../translations/index.ts'
import { isValidSlug } from '../utilities/formatSlug.ts'
import { recordOf } from '../utilities/values.ts'

// Required in effect, though not declared `required`: the slug is derived before validation, so
// API clients (GraphQL inputs included) may leave it out.
// A draft may still lack one (no title yet).
const validateSlug: TextFieldSingleValidation = (value, { data, req: { t } }) => {
  if (value === null || value === undefined || value === '') {
    return recordOf(data)._status === 'draft' ? true : t('validation:required')
  }
  return isValidSlug(value) ? true : translate(t, 'slugInvalid')
}

type SlugFieldArgs = {
  /** The field the slug is derived from when left empty. */
  from: string
  unique?: boolean
}

export const slugField = ({ from, unique = true }: SlugFieldArgs): TextField => ({
  name: 'slug',
  type: 'text',
  admin: {
    description: translated('slugDescription'),
    position: 'sidebar',
  },
  hooks: {
    // A copy needs its own slug; Payload's default (" - Copy") would not be a valid one.
    beforeDuplicate: [
      ({ value }) =>
        typeof value === 'string' && value ? `${value}-copy-${Date.now().toString(36)}` : value,
    ],
    beforeValidate: [deriveSlugFromField(from)],
  },
  index: true,
  label: translated('slug'),
  unique,
  validate: validateSlug,
})
