import { parse } from 'graphql'

import { fragmentProblem } from '../endpoints/graphqlLimits.ts'
import { limitRequestBody, type RequestBodyLimits } from './limitRequestBody.ts'

/**
 * `limitRequestBody` for Payload's GraphQL route, plus a 400 for a query whose fragments spread each
 * other in a cycle or too deep, before Payload parses and validates it at all (the plugin's
 * `fragmentLimit` validation rule refuses the same documents with a GraphQL error where a route is
 * not wrapped).
 */
export const limitGraphQLRequest = <Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response>,
  limits: RequestBodyLimits = {},
) =>
  limitRequestBody(async (request: Request, ...args: Args) => {
    if (request.headers.get('content-type')?.split(';')[0].trim() === 'application/json') {
      const body = (await request.clone().json().catch(() => undefined)) as { query?: unknown } | undefined
      if (typeof body?.query === 'string') {
        let problem: string | undefined
        try {
          problem = fragmentProblem(parse(body.query))
        } catch {
          // Not valid GraphQL: Payload's handler answers that with a 400 of its own.
        }
        if (problem) return Response.json({ errors: [{ message: problem }] }, { status: 400 })
      }
    }
    return handler(request, ...args)
  }, limits)
