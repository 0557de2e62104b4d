import { recordOf } from './values.ts'

/** An object, or a list (read by index, 'items.0'): anything a property can be read from by name. */
const isIndexable = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null

/**
 * Reads a (dotted) path from the document as it will be after this write: the update's value when it
 * carries one, the stored value otherwise. Updates carry only the fields they change.
 */
export const valueAfterWrite = (
  data: Record<string, unknown> | undefined,
  originalDoc: Record<string, unknown> | undefined,
  path: string,
): unknown => {
  const read = (source: Record<string, unknown> | undefined) =>
    path
      .split('.')
      .reduce<unknown>((node, key) => (isIndexable(node) ? node[key] : undefined), source)
  const updated = read(data)
  return updated === undefined ? read(originalDoc) : updated
}

/** A relationship's ID, whether the value is populated or not; IDs keep whatever type the adapter uses. */
export const relationID = (value: unknown): number | string | undefined => {
  if (value === null || value === undefined || value === '') {
    return undefined
  }
  // What Payload stores in a relationship: an ID, or the document when populated. Passed on
  // unchecked, so an ID keeps whatever type the adapter gave it.
  const relation = value as number | string | { id?: number | string }
  return typeof relation === 'object' ? relation.id : relation
}

/** The IDs of a hasMany relationship, populated or not; anything else gives none. */
export const relationIDs = (value: unknown): (number | string)[] =>
  Array.isArray(value)
    ? value.map(relationID).filter((id): id is number | string => id !== undefined)
    : []

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether the database could hold this ID, by the ID type a Drizzle adapter declares (`uuid`, `serial`):
 * a string that cannot be one names no document, and asking SQL for it fails instead of finding nothing.
 * Other adapters (MongoDB) declare none: every ID may be one.
 */
export const isWellFormedID = (payload: { db: unknown }, id: number | string): boolean => {
  const idType = recordOf(payload.db).idType
  if (idType === 'uuid') {
    return uuidPattern.test(String(id))
  }
  if (idType === 'serial') {
    return /^\d{1,15}$/.test(String(id))
  }
  return true
}
