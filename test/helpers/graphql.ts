import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { limitGraphQLRequest } from 'payload-newsroom/http'
export type GraphQLResponse<T = any> = {
  body: {
    data?: T
    errors?: Array<{ extensions?: Record<string, any>; message: string; path?: string[] }>
  }
  status: number
}

/**
 * A `fetch` that answers from the GraphQL route handler instead of the network, for standard clients
 * (graphql-request, urql) to run against the app exactly as its route file composes it.
 */
export const graphqlRouteFetch =
  (config: Promise<SanitizedConfig>): typeof fetch =>
  async (input, init) => {
    const handler = limitGraphQLRequest(GRAPHQL_POST(config))
    return handler(new Request(input, init))
  }

/** Calls the GraphQL route handler as the app's route file composes it, with standard Request objects. */
export const graphqlClient = (config: Promise<SanitizedConfig>) => {
  const handler = limitGraphQLRequest(GRAPHQL_POST(config))
  return async <T = any>(
    query: string,
    { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
  ): Promise<GraphQLResponse<T>> => {
    const response = await handler(
      new Request('http://localhost/api/graphql', {
        body: JSON.stringify({ query, variables }),
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `JWT ${token}` } : {}),
        },
        method: 'POST',
      }),
    )
    return { body: await response.json(), status: response.status }
  }
}
