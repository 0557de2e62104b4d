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
    path.split('.').reduce<unknown>((node, key) => {
      if (node === undefined || node === null || typeof node !== 'object') {
        return undefined
      }
      return (node as Record<string, unknown>)[key]
    }, source)
  const updated = read(data)
  return updated === undefined ? read(originalDoc) : updated
}

/** A relationship's ID, whether the value is populated or not; IDs keep whatever type the adapter uses. */
export const relationID = (value: unknown): number | string | undefined => {
  if (value === null || value === undefined || value === '') {
    return undefined
  }
  if (typeof value === 'object') {
    return (value as { id?: number | string }).id
  }
  return value as number | string
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
  const idType = (payload.db as { idType?: string }).idType
  if (idType === 'uuid') {
    return uuidPattern.test(String(id))
  }
  if (idType === 'serial') {
    return /^\d{1,15}$/.test(String(id))
  }
  return true
}
