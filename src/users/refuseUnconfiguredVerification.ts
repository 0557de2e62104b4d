import type { CollectionConfig, Endpoint, GraphQLExtension } from 'payload'

import { refusal } from '../utilities/refusal.ts'

/**
 * Payload registers `POST /:collection/verify/:token` and the `verifyEmail…` mutation on every auth
 * collection, also on one that does not verify email addresses; there its lookup of the (absent)
 * verification token fails as a 500. A client or a crawler that tries it gets a 404 instead.
 */
const notVerifying = () => refusal('This collection does not verify email addresses.', 404, 'token')

const refuseVerifyEndpoint: Endpoint = {
  handler: () => {
    throw notVerifying()
  },
  method: 'post',
  path: '/verify/:id',
}

const verifies = (collection: CollectionConfig) =>
  typeof collection.auth === 'object' && Boolean(collection.auth.verify)

/** An auth collection without `verify` answers its verify endpoint with a 404 (ours runs before Payload's). */
export const refuseUnconfiguredVerification = (collection: CollectionConfig): CollectionConfig =>
  !collection.auth || verifies(collection) || collection.endpoints === false
    ? collection
    : { ...collection, endpoints: [refuseVerifyEndpoint, ...(collection.endpoints ?? [])] }

type GraphQLCollections = Record<
  string,
  { config: CollectionConfig; graphQL?: { type?: { name?: string } } }
>

/**
 * The GraphQL side: the `verifyEmail…` mutation of each auth collection without `verify` refuses with
 * the same 404 (Payload names it after the collection's GraphQL type, `verifyEmailUser`).
 */
export const refuseUnconfiguredVerificationMutations = (
  GraphQL: Parameters<GraphQLExtension>[0],
  graphql: Parameters<GraphQLExtension>[1],
) =>
  Object.fromEntries(
    Object.values(graphql.collections ?? {})
      .filter(({ config, graphQL }) => config.auth && !verifies(config) && graphQL?.type?.name)
      .map(({ graphQL }) => [
        `verifyEmail${graphQL!.type.name}`,
        {
          args: { token: { type: GraphQL.GraphQLString } },
          resolve: () => {
            throw notVerifying()
          },
          type: GraphQL.GraphQLBoolean,
        },
      ]),
  )
