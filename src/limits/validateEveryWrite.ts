import type { CollectionConfig, Field, FlattenedField, PayloadRequest } from 'payload'

import { validations } from 'payload'

import type { InputLimits } from '../types.ts'

import { unstorablePath } from '../rules/storableValues.ts'
import { translate } from '../translations/index.ts'
import { isWellFormedID, relationID } from '../utilities/documentValue.ts'
import { alreadyFound, rememberFound } from '../utilities/requestCache.ts'
import { isRecord } from '../utilities/values.ts'

type ValidateArgs = Record<string, any> & {
  data?: Record<string, unknown>
  event?: string
  req: PayloadRequest
  required?: boolean
}
/**
 * A field's rule as this module calls it. Payload types each rule for its field's value; the strict
 * rule runs them only on a value `wrongType` passed, which the compiler cannot tie to the field's
 * type: declared as a method, so each rule's narrower value fits.
 */
type Validate = {
  validate(value: unknown, args: ValidateArgs): Promise<string | true> | string | true
}['validate']
type DataField = Extract<Field, { name: string }>
/** The fields with a value to validate (a join's is Payload's, a UI field has none). */
type ValidatedField = Exclude<DataField, { type: 'join' | 'ui' }>

const isMissing = (value: unknown) => value === undefined || value === null

/** An object or a list: either is walked by key (a list's rows by their index). */
const isObjectLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** A value of the wrong JavaScript type for the field (Payload coerces form strings before this runs). */
const wrongType = (field: DataField | FlattenedField, value: unknown): boolean => {
  if (isMissing(value)) {
    return false
  }
  const each = (check: (item: unknown) => boolean) =>
    'hasMany' in field && field.hasMany
      ? !Array.isArray(value) || !value.every(check)
      : !check(value)
  switch (field.type) {
    case 'code':
    case 'email':
    case 'textarea':
      return typeof value !== 'string'
    case 'text':
      return each((item) => typeof item === 'string')
    case 'number':
      return each((item) => typeof item === 'number' && Number.isFinite(item))
    case 'checkbox':
      return typeof value !== 'boolean'
    case 'date':
      return (
        !(typeof value === 'string' || value instanceof Date) ||
        Number.isNaN(new Date(value).getTime())
      )
    case 'select':
    case 'radio': {
      // Options are checked here too, before any hook reads the value (`_status: 'live'` included).
      const values = field.options.map((option) =>
        typeof option === 'string' ? option : option.value,
      )
      return each((item) => typeof item === 'string' && values.includes(item))
    }
    case 'relationship':
    case 'upload':
      return each(
        (item) =>
          ['number', 'string'].includes(typeof item) ||
          (typeof item === 'object' && item !== null && 'id' in item),
      )
    default:
      return false
  }
}

/**
 * Values of the wrong JavaScript type (or dates out of range) anywhere in a written document, by path. Run before any hook
 * reads the document (collection hooks run before Payload's field validation), so that no hook ever
 * sees an array where the schema says text. Walks the schema, not the data, so its depth is bounded.
 */
export const wrongTypePaths = (
  fields: FlattenedField[],
  data: Record<string, unknown>,
  prefix = '',
): string[] => {
  const paths: string[] = []
  for (const field of fields) {
    if (!(field.name in data)) {
      continue
    }
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (isMissing(value)) {
      continue
    }
    if (field.type === 'group' || field.type === 'tab') {
      // Not missing: an object here is a record.
      if (!isRecord(value)) {
        paths.push(path)
      } else {
        paths.push(...wrongTypePaths(field.flattenedFields ?? [], value, `${path}.`))
      }
    } else if (field.type === 'array') {
      // The admin sends an empty array as its row count, 0; Payload reads that as [].
      if (value === 0 || value === '0') {
        continue
      }
      if (!Array.isArray(value)) {
        paths.push(path)
      } else {
        value.forEach((row, index) =>
          !isRecord(row)
            ? paths.push(`${path}.${index}`)
            : paths.push(...wrongTypePaths(field.flattenedFields ?? [], row, `${path}.${index}.`)),
        )
      }
    } else if (wrongType(field, value) || outOfRangeDate(field, value)) {
      // Out-of-range dates too: a field hidden by its condition is not validated by Payload, and the
      // database would refuse the year 99999 with an error (a 500) instead of a field error.
      paths.push(path)
    }
  }
  return paths
}

/**
 * The path of the first value in a written document that no database stores (see `unstorablePath`):
 * NUL anywhere; keys starting with `$` or holding a dot inside JSON and rich text, whose keys are
 * stored as written. Field names themselves are Payload's, so only values are walked.
 */
export const unstorableFieldPath = (
  fields: FlattenedField[],
  data: Record<string, unknown>,
  prefix = '',
): string | undefined => {
  for (const field of fields) {
    if (!Object.hasOwn(data, field.name) || isMissing(data[field.name])) {
      continue
    }
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (
      (field.type === 'group' || field.type === 'tab' || field.type === 'array') &&
      typeof value === 'object'
    ) {
      const rows = Array.isArray(value)
        ? value.map((row, index) => [row, `${path}.${index}.`] as const)
        : [[value, `${path}.`] as const]
      for (const [row, rowPrefix] of rows) {
        if (!isObjectLike(row)) {
          continue
        }
        const inner = unstorableFieldPath(field.flattenedFields ?? [], row, rowPrefix)
        if (inner !== undefined) {
          return inner
        }
      }
      continue
    }
    const inside = unstorablePath(value, {
      checkKeys: field.type === 'json' || field.type === 'richText',
    })
    if (inside !== undefined) {
      return inside ? `${path}.${inside}` : path
    }
  }
  return undefined
}

/** Dates outside what every database and `Date` round-trip (years 1000–9999). */
const outOfRangeDate = (field: DataField | FlattenedField, value: unknown) => {
  // Run once `wrongType` passed the value: a date's is then a string or a `Date`.
  if (field.type !== 'date' || !(typeof value === 'string' || value instanceof Date)) {
    return false
  }
  const year = new Date(value).getUTCFullYear()
  return year < 1000 || year > 9999
}

const tooLong = (field: DataField, value: unknown, limits: InputLimits): number | undefined => {
  if (field.type !== 'json' || isMissing(value)) {
    return undefined
  }
  return JSON.stringify(value).length > limits.jsonLength ? limits.jsonLength : undefined
}

/**
 * Every referenced document must exist in the collection the field points to: an unknown, malformed
 * or foreign ID is a field error, never a failed foreign key after part of the write happened.
 */
const missingRelations = async (
  field: DataField,
  value: unknown,
  req: PayloadRequest,
): Promise<string[]> => {
  if (
    (field.type !== 'relationship' && field.type !== 'upload') ||
    typeof field.relationTo !== 'string' ||
    isMissing(value)
  ) {
    return []
  }
  const collection = field.relationTo
  const ids = [
    ...new Set(
      (Array.isArray(value) ? value : [value]).map(relationID).filter((id) => id !== undefined),
    ),
  ]
  if (ids.length === 0) {
    return []
  }
  // An ID the database cannot hold is unknown without asking.
  const wellFormed = ids.filter((id) => isWellFormedID(req.payload, id))
  // The publish rules have usually just read the source, section and disclaimers: no second query.
  const seen = await Promise.all(wellFormed.map((id) => alreadyFound(req, collection, id)))
  const unread = wellFormed.filter((_, index) => !seen[index])
  if (unread.length === 0) {
    return ids.filter((id) => !wellFormed.includes(id)).map(String)
  }
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    limit: unread.length,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: { id: { in: unread } },
  })
  // Known to exist for the rest of the request: a batch's items name the same section and users.
  rememberFound(req, collection, docs, 'exists')
  const found = new Set([
    ...docs.map((doc) => String(doc.id)),
    ...wellFormed.filter((_, index) => seen[index]).map(String),
  ])
  return ids.map(String).filter((id) => !found.has(id))
}

type StrictOptions = {
  /** Whether related documents must be shown to exist (not for collections only server code writes). */
  checkRelations: boolean
  limits: InputLimits
  /** Drafts may be incomplete: `required` is enforced only when the document is published. */
  requiredOnlyWhenPublished: boolean
}

/**
 * Wraps one field's validation: Payload's rule for its type (lengths, options, ranges), then the
 * field's own rule if it has one (Payload would run only the latter).
 */
const strictValidate = (
  field: DataField,
  { checkRelations, limits, requiredOnlyWhenPublished }: StrictOptions,
): Validate => {
  const own: undefined | Validate = 'validate' in field ? field.validate : undefined
  const rulesOfTypes: Partial<Record<string, Validate>> = validations
  const ofType = rulesOfTypes[field.type]
  const base: Validate = async (value, args) => {
    const typeResult = ofType ? await ofType(value, args) : true
    return typeResult === true && own ? own(value, args) : typeResult
  }
  return async (value, args) => {
    const { req } = args
    if (wrongType(field, value)) {
      return translate(req.t, 'valueWrongType')
    }
    if (outOfRangeDate(field, value)) {
      return translate(req.t, 'dateOutOfRange')
    }
    const jsonLimit = tooLong(field, value, limits)
    if (jsonLimit) {
      return req.t('validation:shorterThanMax', { maxLength: jsonLimit })
    }
    const required =
      Boolean(args.required) && (!requiredOnlyWhenPublished || args.data?._status === 'published')
    const result = await base(value, { ...args, required })
    if (result !== true || args.event === 'onChange' || !checkRelations) {
      return result
    }
    const missing = await missingRelations(field, value, req)
    return missing.length > 0
      ? translate(req.t, 'relationNotFound', { ids: missing.join(', ').slice(0, 300) })
      : true
  }
}

/** Default lengths and row counts for fields that do not set their own. */
const withDefaultBounds = (field: ValidatedField, limits: InputLimits): ValidatedField => {
  if (field.type === 'text' && field.maxLength === undefined) {
    return field.hasMany && field.maxRows === undefined
      ? { ...field, maxLength: limits.textLength, maxRows: limits.rows }
      : { ...field, maxLength: limits.textLength }
  }
  if (field.type === 'textarea' && field.maxLength === undefined) {
    return { ...field, maxLength: limits.textareaLength }
  }
  if (
    (field.type === 'array' || (field.type === 'relationship' && field.hasMany)) &&
    field.maxRows === undefined
  ) {
    return { ...field, maxRows: limits.rows }
  }
  return field
}

const strictFields = (fields: Field[], options: StrictOptions): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: strictFields(tab.fields, options) })),
      }
    }
    if (field.type === 'ui' || field.type === 'join' || !('name' in field)) {
      return 'fields' in field ? { ...field, fields: strictFields(field.fields, options) } : field
    }
    const bounded = withDefaultBounds(field, options.limits)
    // What the system writes itself (the publication snapshot, who created and saved) needs no existence check.
    const trusted: unknown = bounded.custom?.newsroomSystemWritten
    const own = trusted ? { ...options, checkRelations: false } : options
    const nested = 'fields' in bounded ? { fields: strictFields(bounded.fields, own) } : {}
    return { ...bounded, ...nested, validate: strictValidate(bounded, own) }
  })

/**
 * Field validation that holds on every write, drafts included: Payload's own rules for each type, plus
 * the JavaScript type, date range, default lengths and that related documents exist. Drafts stay
 * allowed to be incomplete (`required` waits for publication), never invalid. Payload skips
 * validation of draft saves unless `versions.drafts.validate` is on, so this turns it on.
 */
export const validateEveryWrite = (
  collection: CollectionConfig,
  limits: InputLimits,
  { checkRelations = true }: { checkRelations?: boolean } = {},
): CollectionConfig => {
  const drafts = typeof collection.versions === 'object' && collection.versions.drafts
  return {
    ...collection,
    fields: strictFields(collection.fields, {
      checkRelations,
      limits,
      requiredOnlyWhenPublished: Boolean(drafts),
    }),
    ...(drafts && typeof collection.versions === 'object'
      ? {
          versions: {
            ...collection.versions,
            drafts: { ...(drafts === true ? {} : drafts), validate: true },
          },
        }
      : {}),
  }
}

/** The same rules for fields the plugin adds to a collection it does not own (a host's users). */
export const validateFields = (fields: Field[], limits: InputLimits): Field[] =>
  strictFields(fields, { checkRelations: true, limits, requiredOnlyWhenPublished: false })

/**
 * `disabled: true`: the fields stay (same schema, no migration) but lose the plugin's own rules, whose
 * hooks (slugs, attribution defaults) no longer run to satisfy them. Payload's type rules still apply.
 */
export const withoutPluginValidation = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withoutPluginValidation(tab.fields) })),
      }
    }
    const withRules: Field & { hooks?: unknown; validate?: unknown } = field
    const { hooks: _pluginHooks, validate: _pluginRule, ...rest } = withRules
    return 'fields' in rest ? { ...rest, fields: withoutPluginValidation(rest.fields) } : rest
  })
