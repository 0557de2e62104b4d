import type { PayloadRequest } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { toNewsArticleJsonLd } from '../read/jsonLd.ts'
import { loadArticleView } from '../read/loadArticleView.ts'
import { resolverComplexity } from './workflowMutation.ts'

type GraphQLModule = typeof import('graphql')

/** GraphQL `ArticleView(language, slug)`: the same render-ready view and JSON-LD as the REST endpoint. */
export const articleViewQuery = (GraphQL: GraphQLModule, options: ResolvedNewsroomOptions) => ({
  args: {
    language: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
  },
  // Each view costs several queries: counted as heavy, so 1,000 aliases exceed the complexity budget
  // before any of them runs.
  extensions: { complexity: resolverComplexity },
  resolve: async (_root: unknown, args: { language: string; slug: string }, context: { req: PayloadRequest }) => {
    options.rateLimit.checkPublicRead(context.req)
    const view = await loadArticleView(context.req, options, args)
    return view ? { article: view, jsonLd: toNewsArticleJsonLd(view, options.frontend) } : null
  },
  type: GraphQLJSON,
})
