import type { PayloadRequest } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'

import type { ResolvedNewsroomOptions } from '../types'

import { toNewsArticleJsonLd } from '../read/jsonLd'
import { loadArticleView } from '../read/loadArticleView'

type GraphQLModule = typeof import('graphql')

/** GraphQL `ArticleView(language, slug)`: the same render-ready view and JSON-LD as the REST endpoint. */
export const articleViewQuery = (GraphQL: GraphQLModule, options: ResolvedNewsroomOptions) => ({
  args: {
    language: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
  },
  resolve: async (_root: unknown, args: { language: string; slug: string }, context: { req: PayloadRequest }) => {
    const view = await loadArticleView(context.req, options, args)
    return view ? { article: view, jsonLd: toNewsArticleJsonLd(view, options.frontend) } : null
  },
  type: GraphQLJSON,
})
