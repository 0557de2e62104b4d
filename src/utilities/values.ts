/**
 * Narrowing for values whose shape is only known once checked: documents read at depth 0 or with a
 * `select`, hook arguments, request bodies, feeds and thrown errors. A guard keeps the compiler
 * honest where a cast would only silence it.
 */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The value when it is an object, an empty one otherwise. */
export const recordOf = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {})

export const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** Whether the value is one of a closed list of strings (a workflow state, a format, a kind). */
export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  values.some((known) => known === value)

/** What a thrown value says, whatever was thrown. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
