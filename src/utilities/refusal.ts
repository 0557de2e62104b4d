import { APIError } from 'payload'

/**
 * A refusal (4xx) that keeps its message and the field it names in every build:
 * `{ errors: [{ message, data: { errors: [{ message, path }] } }] }`, as a ValidationError answers.
 * Payload keeps an APIError's message only when it carries data or its class still has a name, and a
 * production bundle (Next's Turbopack build) leaves a bare `APIError` nameless: without data, every
 * refusal would read "An unknown error occurred."
 */
export const refusal = (message: string, status: number, path?: string): APIError =>
  // Named here too: the minifier also empties the class's own name, which answers carry.
  Object.assign(
    new APIError(
      message,
      status,
      { errors: [{ message, ...(path === undefined ? {} : { path }) }] },
      true,
    ),
    { name: 'APIError' },
  )
