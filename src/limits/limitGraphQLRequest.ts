import { parse } from 'graphql'

import { fragmentProblem } from './graphqlLimits.ts'
import { limitRequestBody, type RequestBodyLimits } from './limitRequestBody.ts'

/** A GraphQL-shaped refusal of the whole request (no operation ran). */
const graphqlRefusal = (message: string) =>
  Response.json({ errors: [{ extensions: { statusCode: 400 }, message }] }, { status: 400 })

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
    const contentType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
    if (request.method === 'POST' && contentType !== 'application/json') {
      return graphqlRefusal(
        'Send the operation as application/json: { "query": "…", "variables": { … } }.',
      )
    }
    if (request.method === 'POST') {
      const text = await request.clone().text()
      let body: unknown
      try {
        body = text.trim() === '' ? undefined : JSON.parse(text)
      } catch {
        return graphqlRefusal(
          'The request body is not valid JSON: send { "query": "…", "variables": { … } }.',
        )
      }
      // Payload's handler fails on these with a 500: one operation per request, as an object.
      if (body === undefined) {
        return graphqlRefusal(
          'The request body is empty: send { "query": "…", "variables": { … } }.',
        )
      }
      if (Array.isArray(body)) {
        return graphqlRefusal(
          'Batched operations are not supported: send one { "query": "…" } per request.',
        )
      }
      if (typeof body !== 'object' || body === null) {
        return graphqlRefusal(
          'The request body must be a JSON object: { "query": "…", "variables": { … } }.',
        )
      }
      const query: unknown = 'query' in body ? body.query : undefined
      if (typeof query === 'string') {
        let problem: string | undefined
        try {
          problem = fragmentProblem(parse(query))
        } catch {
          // Not valid GraphQL: Payload's handler answers that with a 400 of its own.
        }
        if (problem) {
          return graphqlRefusal(problem)
        }
      }
    }
    return handler(request, ...args)
  }, limits)
