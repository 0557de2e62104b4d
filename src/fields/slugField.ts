import type { TextField, TextFieldSingleValidation } from 'payload'

import type { ResolvedNewsroomOptions } from '../types'

import { deriveSlugFromField } from '../hooks/deriveSlugFromField'
import { newsroomKey } from '../translations/index'
import { isValidSlug } from '../utilities/formatSlug'

const validateSlug: TextFieldSingleValidation = (value, { req: { t } }) =>
  value === null || value === undefined || value === '' || isValidSlug(value)
    ? true
    : t(newsroomKey('slugInvalid'))

type SlugFieldArgs = {
  /** The field the slug is derived from when left empty. */
  from: string
  options: ResolvedNewsroomOptions
  unique?: boolean
}

export const slugField = ({ from, options, unique = true }: SlugFieldArgs): TextField => ({
  name: 'slug',
  type: 'text',
  admin: {
    description: ({ t }) => t(newsroomKey('slugDescription')),
    position: 'sidebar',
  },
  hooks: options.disabled ? undefined : { beforeValidate: [deriveSlugFromField(from)] },
  index: true,
  label: ({ t }) => t(newsroomKey('slug')),
  required: true,
  unique,
  validate: validateSlug,
})
