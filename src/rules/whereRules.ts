import { isRecord } from '../utilities/values.ts'

/** Operators Payload's `where` understands; anything else is refused before it reaches an adapter. */
const operators = new Set([
  'all',
  'contains',
  'equals',
  'exists',
  'greater_than',
  'greater_than_equal',
  'in',
  'intersects',
  'less_than',
  'less_than_equal',
  'like',
  'near',
  'not_equals',
  'not_in',
  'not_like',
  'within',
])
const listOperators = new Set(['all', 'in', 'not_in'])
const comparisonOperators = new Set([
  'equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'not_equals',
])

export type WhereLimits = { maxDepth: number; maxListLength: number; maxValueLength: number }

export type WhereProblem =
  | { kind: 'invalidDate'; path: string }
  | { kind: 'listTooLong'; max: number; path: string }
  | { kind: 'notAnObject'; path: string }
  | { kind: 'tooDeep'; max: number }
  | { kind: 'unknownOperator'; path: string }
  | { kind: 'unstorable'; path: string }
  | { kind: 'valueTooLong'; max: number; path: string }

/** The values of a list operand: an array, or a comma-separated string as Payload splits it. */
const listValues = (operand: unknown): unknown[] =>
  Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]

const scalars = (operand: unknown): unknown[] => (Array.isArray(operand) ? operand : [operand])

/**
 * Checks a `where` clause's shape and size before Payload builds a query from it: objects only,
 * known operators, bounded and/or nesting (walked iteratively, so a 5,000-deep clause cannot exhaust
 * the stack), bounded lists and values, and real dates for date fields. `isDatePath` says which
 * paths are dates. Returns the first problem, or undefined.
 */
export const checkWhere = (
  where: unknown,
  limits: WhereLimits,
  isDatePath: (path: string) => boolean = () => false,
): undefined | WhereProblem => {
  if (where === undefined || where === null) {
    return undefined
  }
  const stack: Array<{ depth: number; node: unknown; path: string }> = [
    { depth: 0, node: where, path: 'where' },
  ]
  while (stack.length > 0) {
    const { depth, node, path } = stack.pop()!
    if (depth > limits.maxDepth) {
      return { kind: 'tooDeep', max: limits.maxDepth }
    }
    if (!isRecord(node)) {
      return { kind: 'notAnObject', path }
    }
    for (const [key, value] of Object.entries(node)) {
      const lowerKey = key.toLowerCase()
      if (lowerKey === 'and' || lowerKey === 'or') {
        if (!Array.isArray(value)) {
          return { kind: 'notAnObject', path: `${path}.${key}` }
        }
        if (value.length > limits.maxListLength) {
          return { kind: 'listTooLong', max: limits.maxListLength, path: `${path}.${key}` }
        }
        value.forEach((child, index) =>
          stack.push({ depth: depth + 1, node: child, path: `${path}.${key}.${index}` }),
        )
        continue
      }
      const fieldPath = `${path}.${key}`
      if (key.includes('\u0000')) {
        return { kind: 'unstorable', path: 'where' }
      }
      if (key.length > 200) {
        return { kind: 'valueTooLong', max: 200, path: fieldPath.slice(0, 220) }
      }
      if (!isRecord(value)) {
        return { kind: 'notAnObject', path: fieldPath }
      }
      for (const [operator, operand] of Object.entries(value)) {
        const operandPath = `${fieldPath}.${operator}`
        if (!operators.has(operator)) {
          return { kind: 'unknownOperator', path: operandPath.slice(0, 300) }
        }
        const values = listOperators.has(operator) ? listValues(operand) : scalars(operand)
        if (values.length > limits.maxListLength) {
          return { kind: 'listTooLong', max: limits.maxListLength, path: operandPath }
        }
        for (const item of values) {
          if (
            isRecord(item) &&
            operator !== 'near' &&
            operator !== 'within' &&
            operator !== 'intersects'
          ) {
            return { kind: 'notAnObject', path: operandPath }
          }
          if (typeof item === 'string' && item.includes('\u0000')) {
            return { kind: 'unstorable', path: operandPath }
          }
          if (typeof item === 'string' && item.length > limits.maxValueLength) {
            return { kind: 'valueTooLong', max: limits.maxValueLength, path: operandPath }
          }
          if (
            (comparisonOperators.has(operator) || listOperators.has(operator)) &&
            isDatePath(key) &&
            item !== null &&
            item !== '' &&
            // Any JSON value (a number, a list in a list): the Date constructor reads them all, as the adapter does.
            Number.isNaN(new Date(item as string).getTime())
          ) {
            return { kind: 'invalidDate', path: operandPath }
          }
        }
      }
    }
  }
  return undefined
}

/**
 * The first entry of a `sort` (`'-publishedAt'`, `'a,b'` or an array) that names no field of the
 * collection, or undefined. Payload would ignore it silently, or ask the database for it.
 */
export const unknownSortField = (
  sort: unknown,
  isFieldPath: (path: string) => boolean,
): string | undefined => {
  if (sort === undefined || sort === null || sort === '') {
    return undefined
  }
  const entries = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [sort]
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      return String(entry).slice(0, 100)
    }
    const path = entry.trim().replace(/^[-+]/, '')
    if (path !== 'id' && !isFieldPath(path)) {
      return entry.slice(0, 100)
    }
  }
  return undefined
}
