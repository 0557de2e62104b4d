import type { PayloadRequest, TextField } from 'payload'

import { type NewsroomTranslationKey, translate, translated } from '../translations/index.ts'
import { hasAllowedScheme, webSchemes } from '../utilities/urls.ts'

type UrlFieldArgs = {
  /** Accept a site-relative path (`/disclaimer`) besides absolute http(s) URLs. */
  allowRelative?: boolean
  label: NewsroomTranslationKey
  name: string
  required?: boolean
}

/**
 * Validates one URL. It reads only `req.t` and `required` of its arguments, so it is a text field's
 * validator and also one that other validators can wrap (`requiredWhenSyndicated`).
 */
export const webUrlValidator =
  (allowRelative = false) =>
  (
    value: null | string | undefined,
    { req: { t }, required }: { req: Pick<PayloadRequest, 't'>; required?: boolean },
  ): string | true => {
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
