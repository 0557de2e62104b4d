import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { articleViewAnswer } from './articleHead.ts'
import { loadArticleView } from './loadArticleView.ts'
import { loadAuthorPage } from './authorPage.ts'
import { feedQueryFrom, loadFeed } from './loadFeed.ts'
import type { readModelTypes } from './readTypes.ts'
import { resolverComplexity } from '../workflow/workflowMutation.ts'

type GraphQLModule = typeof import('graphql')
type ReadModelTypes = ReturnType<typeof readModelTypes>

/**
 * Each read costs several queries, whatever fields are selected (the whole view is built): counted
 * as heavy, so 1,000 aliases exceed the complexity budget before any of them runs.
 */
const fixedCost = { complexity: () => resolverComplexity }

/** GraphQL `ArticleView(language, slug)`: the same render-ready view and JSON-LD as the REST endpoint. */
export const articleViewQuery = (
  GraphQL: GraphQLModule,
  options: ResolvedNewsroomOptions,
  types: ReadModelTypes,
) => ({
  args: {
    language: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
  },
  extensions: fixedCost,
  resolve: async (
    _root: unknown,
    args: { language: string; slug: string },
    context: { req: PayloadRequest },
  ) => {
    options.rateLimit.checkPublicRead(context.req)
    const view = await loadArticleView(context.req, options, args)
    return view ? articleViewAnswer(view, options.frontend) : null
  },
  type: types.articleView,
})

/** GraphQL `ArticleFeed(language, section, page, limit)`: the same feed page as the REST endpoint. */
export const articleFeedQuery = (
  GraphQL: GraphQLModule,
  options: ResolvedNewsroomOptions,
  types: ReadModelTypes,
) => ({
  args: {
    language: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    limit: { type: GraphQL.GraphQLInt },
    page: { type: GraphQL.GraphQLInt },
    section: { type: GraphQL.GraphQLString },
  },
  extensions: fixedCost,
  resolve: async (
    _root: unknown,
    args: { language: string; limit?: number; page?: number; section?: string },
    context: { req: PayloadRequest },
  ) => {
    options.rateLimit.checkPublicRead(context.req)
    const query = await feedQueryFrom(context.req, options, args)
    return query ? loadFeed(context.req, options, query) : null
  },
  type: types.feedPage,
})

/** GraphQL `AuthorPage(language, slug, page, limit)`: the same author page as the REST endpoint. */
export const authorPageQuery = (
  GraphQL: GraphQLModule,
  options: ResolvedNewsroomOptions,
  types: ReadModelTypes,
) => ({
  args: {
    language: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    limit: { type: GraphQL.GraphQLInt },
    page: { type: GraphQL.GraphQLInt },
    slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
  },
  extensions: fixedCost,
  resolve: async (
    _root: unknown,
    args: { language: string; limit?: number; page?: number; slug: string },
    context: { req: PayloadRequest },
  ) => {
    options.rateLimit.checkPublicRead(context.req)
    return loadAuthorPage(context.req, options, args)
  },
  type: types.authorPage,
})
