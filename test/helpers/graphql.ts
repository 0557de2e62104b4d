import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'

import { limitGraphQLRequest } from 'payload-newsroom'

export type GraphQLResponse<T = any> = {
  body: { data?: T; errors?: Array<{ extensions?: Record<string, any>; message: string; path?: string[] }> }
  status: number
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
