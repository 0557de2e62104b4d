import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../translations/index'
import { valueAfterWrite } from '../utilities/documentValue'
import { isValidSlug } from '../utilities/formatSlug'
import { findDisallowedLinks } from '../utilities/lexicalLinks'
import { hasAllowedScheme, webSchemes } from '../utilities/urls'

/**
 * Formats that hold for drafts too (Payload skips field validation on draft saves, and a `javascript:`
 * link must never be stored, published or not): slug, the original URL and the body's links.
 */
export const checkArticleFormats: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  const errors: { message: string; path: string }[] = []

  const slug = valueAfterWrite(data, originalDoc, 'slug')
  if (typeof slug === 'string' && slug !== '' && !isValidSlug(slug)) {
    errors.push({ message: translate(req.t, 'slugInvalid'), path: 'slug' })
  }
  const originalUrl = valueAfterWrite(data, originalDoc, 'attribution.originalUrl')
  if (typeof originalUrl === 'string' && originalUrl !== '' && !hasAllowedScheme(originalUrl, webSchemes)) {
    errors.push({ message: translate(req.t, 'urlInvalid'), path: 'attribution.originalUrl' })
  }
  if (data.body !== undefined) {
    const disallowed = findDisallowedLinks(data.body)
    if (disallowed.length > 0) {
      errors.push({
        message: translate(req.t, 'bodyLinkInvalid', { urls: disallowed.join(', ') }),
        path: 'body',
      })
    }
  }

  if (errors.length > 0) {
    throw new ValidationError({ collection: collection.slug, errors }, req.t)
  }
  return data
}
