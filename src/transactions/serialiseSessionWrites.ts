import type { CollectionConfig, Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { refusal } from '../utilities/refusal.ts'
import { recordOf } from '../utilities/values.ts'
import { createKeyedTurns } from './keyedTurns.ts'

/**
 * Payload's login reads the user before its transaction and writes the whole `sessions` array back
 * (payloadcms/payload#16027, fix open as #17135): two logins of one account at once keep one session,
 * the other token signs nobody in, and a refresh with it fails with a 500. Here logins, refreshes and
 * logouts of one account take turns in this process, each to its commit. (Across app instances the
 * race stays Payload's until its fix lands.)
 */
const sessionTurns = createKeyedTurns()

const sessionOperations = [
  { graphql: 'login', path: '/login' },
  { graphql: 'logout', path: '/logout' },
  { graphql: 'refreshToken', path: '/refresh-token' },
] as const

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/**
 * Whose sessions a request changes, by the name the account logs in with: for a login, the email (or
 * username) it sends, whoever sends it; otherwise the signed-in user's. A login and a logout of one
 * account then share a turn.
 */
const accountKey = (
  collection: string,
  req: PayloadRequest,
  login?: Record<string, unknown>,
): string => {
  const user: { collection?: string; email?: unknown; username?: unknown } | null | undefined =
    req.user
  const source = login ?? (user?.collection === collection ? user : undefined)
  const name = [source?.email, source?.username].find(filled)
  return `${collection}:${(name ?? '').trim().toLowerCase()}`
}

/** A login's body, read from a copy of the request so Payload's own handler still reads the original. */
const loginData = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  if (
    !(req.headers.get('content-type') ?? '').startsWith('application/json') ||
    typeof req.clone !== 'function'
  ) {
    return {}
  }
  try {
    // A body that is not an object names no account (a list's items have no email either).
    return recordOf(JSON.parse(await req.clone().text()))
  } catch {
    return {}
  }
}

/** REST: ours run before Payload's own endpoint of the same path, and call it in the account's turn. */
const serialisedEndpoint = (slug: string, path: string): Endpoint => ({
  handler: async (req) => {
    const endpoints = req.payload.collections[slug]?.config.endpoints
    const payloadsOwn = (endpoints || [])
      .filter((endpoint) => endpoint.path === path && endpoint.method === 'post')
      .at(-1)
    if (!payloadsOwn) {
      throw refusal(req.t('error:notFound'), 404)
    }
    const key = accountKey(slug, req, path === '/login' ? await loginData(req) : undefined)
    return sessionTurns(key, async () => payloadsOwn.handler(req))
  },
  method: 'post',
  path,
})

export const serialiseSessionWrites = (collection: CollectionConfig): CollectionConfig =>
  !collection.auth || collection.endpoints === false
    ? collection
    : {
        ...collection,
        endpoints: [
          ...sessionOperations.map(({ path }) => serialisedEndpoint(collection.slug, path)),
          ...(collection.endpoints ?? []),
        ],
      }

type Resolver = (
  source: unknown,
  args: Record<string, unknown>,
  context: { req: PayloadRequest },
) => unknown
type GraphQLCollections = Record<
  string,
  { config: CollectionConfig; graphQL?: { type?: { name?: string } } }
>

/** GraphQL: the collection's login, logout and refresh mutations, each in the account's turn. */
export const serialiseSessionMutations = (graphql: Parameters<GraphQLExtension>[1]) => {
  const fields: Record<string, { resolve?: Resolver }> = graphql.Mutation?.fields ?? {}
  return Object.fromEntries(
    Object.values(graphql.collections ?? {})
      .filter(({ config, graphQL }) => config.auth && graphQL?.type?.name)
      .flatMap(({ config, graphQL }) =>
        sessionOperations.map(
          ({ graphql: operation }) => [config.slug, `${operation}${graphQL!.type.name}`] as const,
        ),
      )
      .filter(([, name]) => typeof fields[name]?.resolve === 'function')
      .map(([slug, name]) => {
        const field = fields[name]
        const resolve: Resolver = (source, args, context) =>
          sessionTurns(
            accountKey(slug, context.req, name.startsWith('login') ? args : undefined),
            // eslint-disable-next-line @typescript-eslint/require-await -- async turns a resolver's synchronous throw into the turn's rejection
            async () => field.resolve!(source, args, context),
          )
        return [name, { ...field, resolve }]
      }),
  )
}
