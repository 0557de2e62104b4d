import { expect } from 'vitest'

type FieldError = { message: string; path: string }

/** Awaits a Local API call that must fail validation, and returns its field errors. */
export const fieldErrorsOf = async (operation: Promise<unknown>): Promise<FieldError[]> => {
  const error = await operation.then(
    () => {
      throw new Error('expected a ValidationError, but the operation succeeded')
    },
    (caught: unknown) =>
      caught as { data?: { errors?: FieldError[] }; name?: string; status?: number },
  )
  expect(error.name).toBe('ValidationError')
  expect(error.status).toBe(400)
  return error.data?.errors ?? []
}

/** Asserts the operation fails with a field error at `path` (and a message matching `message`). */
export const expectFieldError = async (
  operation: Promise<unknown>,
  path: string,
  message?: RegExp,
) => {
  const errors = await fieldErrorsOf(operation)
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        path,
        ...(message ? { message: expect.stringMatching(message) } : {}),
      }),
    ]),
  )
}
