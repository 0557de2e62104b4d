import type { JSONField } from 'payload'

import { type NewsroomTranslationKey, translate, translated } from '../../src/translations/index.ts'

type NamesFieldArgs = {
  label: NewsroomTranslationKey
  maxLength: number
  maxNames: number
  name: string
}

/** Whether `value` is a list of at most `maxNames` names of at most `maxLength` characters (or nothing). */
export const isNamesList = (
  value: unknown,
  { maxLength, maxNames }: Pick<NamesFieldArgs, 'maxLength' | 'maxNames'>,
): boolean =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) &&
    value.length <= maxNames &&
    value.every((name) => typeof name === 'string' && name.length <= maxLength))

/**
 * A list of names (`["Jane Doe", "AFP"]`) kept in the document's own row, as JSON: a `text` field with
 * `hasMany` stores each name as a row of another table, written again with every version, which made
 * it two of an ingested copy's writes. Checked here as strictly as `hasMany` text would be.
 */
export const namesField = ({ name, label, maxLength, maxNames }: NamesFieldArgs): JSONField => ({
  name,
  type: 'json',
  label: translated(label),
  typescriptSchema: [() => ({ type: 'array', items: { type: 'string' } })],
  validate: (value, { req: { t } }) =>
    isNamesList(value, { maxLength, maxNames })
      ? true
      : translate(t, 'namesListInvalid', { maxLength, maxNames }),
})
