import type { TextField, TextFieldSingleValidation } from 'payload'

import { type NewsroomTranslationKey, translate, translated } from '../translations/index.ts'
import { hasAllowedScheme, webSchemes } from '../utilities/urls.ts'

type UrlFieldArgs = {
  /** Accept a site-relative path (`/disclaimer`) besides absolute http(s) URLs. */
  allowRelative?: boolean
  label: NewsroomTranslationKey
  name: string
  required?: boolean
}

const webUrlValidator =
  (allowRelative: boolean): TextFieldSingleValidation =>
  (value, { req: { t }, required }) => {
    if (value === null || value === undefined || value === '') {
      return required ? t('validation:required') : true
    }
    return hasAllowedScheme(value, webSchemes, { allowRelative })
      ? true
      : translate(t, 'urlInvalid')
  }

/** An http(s) URL: where readers are sent, so `javascript:` and other schemes are refused. */
export const urlField = ({
  name,
  allowRelative = false,
  label,
  required = false,
}: UrlFieldArgs): TextField => ({
  name,
  type: 'text',
  label: translated(label),
  required,
  validate: webUrlValidator(allowRelative),
})
