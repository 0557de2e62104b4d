import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../translations/index.ts'
import { relationID, valueAfterWrite } from '../utilities/documentValue.ts'

/** A translation points at an article in another language, and never at itself. */
export const validateTranslationLink: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const sourceID = relationID(valueAfterWrite(data, originalDoc, 'translationOf'))
  if (sourceID === undefined) {
    return data
  }
  const fail = (key: 'translationOfItself' | 'translationSameLanguage') => {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ message: translate(req.t, key), path: 'translationOf' }] },
      req.t,
    )
  }
  if (originalDoc?.id !== undefined && sourceID === originalDoc.id) {
    fail('translationOfItself')
  }
  const source = await req.payload.findByID({
    id: sourceID,
    collection: collection.slug,
    depth: 0,
    disableErrors: true,
    draft: true,
    joins: false as never,
    overrideAccess: true,
    req,
  })
  if (source && (source as { language?: unknown }).language === valueAfterWrite(data, originalDoc, 'language')) {
    fail('translationSameLanguage')
  }
  return data
}
