import type { TextField, TextFieldSingleValidation } from 'payload'

import { deriveSlugFromField } from './deriveSlugFromField.ts'
import { type NewsroomTranslationKey, translate, translated } from '../translations/index.ts'
import { isValidSlug } from '../utilities/formatSlug.ts'
import { recordOf } from '../utilities/values.ts'

// Required in effect, though not declared `required`: the slug is derived before validation, so
// API clients (GraphQL inputs included) may leave it out.
// A draft may still lack one (no title yet); an optional slug (a person's page) may be absent.
const validateSlug =
  (optional: boolean): TextFieldSingleValidation =>
  (value, { data, req: { t } }) => {
    if (value === null || value === undefined || value === '') {
      return optional || recordOf(data)._status === 'draft' ? true : t('validation:required')
    }
    return isValidSlug(value) ? true : translate(t, 'slugInvalid')
  }

type SlugFieldArgs = {
  /** What the admin says of it. Default `slugDescription`. */
  description?: NewsroomTranslationKey
  /** The field the slug is derived from when left empty. */
  from: string
  /** Default `slug`. */
  name?: string
  /** Whether a document may have none (when `from` is empty too). Default false. */
  optional?: boolean
  unique?: boolean
}

export const slugField = ({
  name = 'slug',
  description = 'slugDescription',
  from,
  optional = false,
  unique = true,
}: SlugFieldArgs): TextField => ({
  name,
  type: 'text',
  admin: {
    description: translated(description),
    position: 'sidebar',
  },
  hooks: {
    // A copy needs its own slug; Payload's default (" - Copy") would not be a valid one.
    beforeDuplicate: [
      ({ value }) =>
        typeof value === 'string' && value ? `${value}-copy-${Date.now().toString(36)}` : value,
    ],
    beforeValidate: [deriveSlugFromField(from, name)],
  },
  index: true,
  label: translated('slug'),
  unique,
  validate: validateSlug(optional),
})
