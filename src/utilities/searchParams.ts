import type { PayloadRequest } from 'payload'

import { refusal } from './refusal.ts'

/** A 400 naming the parameter or field at fault. */
export const badRequest = (path: string, message: string): never => {
  throw refusal(message, 400, path)
}

/** A query parameter given at most once (a repeated one is refused: which would count is a guess). */
export const searchParam = (req: PayloadRequest, name: string): string | undefined => {
  const values = new URL(req.url ?? 'http://localhost').searchParams.getAll(name)
  if (values.length > 1) {
    badRequest(name, `${name} may be given once.`)
  }
  return values[0]
}
