import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../../src/translations/index.ts'
import { relationID, valueAfterWrite } from '../../src/utilities/documentValue.ts'
import { findLatestVersion } from '../../src/utilities/findLatestVersion.ts'

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
      {
        collection: collection.slug,
        errors: [{ message: translate(req.t, key), path: 'translationOf' }],
      },
      req.t,
    )
  }
  if (originalDoc?.id !== undefined && sourceID === originalDoc.id) {
    fail('translationOfItself')
  }
  const source = await findLatestVersion(req, collection.slug, sourceID)
  if (source && source.language === valueAfterWrite(data, originalDoc, 'language')) {
    fail('translationSameLanguage')
  }
  return data
}
