import type { GraphQLFieldConfigArgumentMap, GraphQLOutputType } from 'graphql'
import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { articleViewAnswer } from './articleHead.ts'
import { loadArticleView } from './loadArticleView.ts'
import { loadAuthorPage } from './authorPage.ts'
import { feedQueryFrom, loadFeed } from './loadFeed.ts'
import { readModelTypes } from './readTypes.ts'
import { resolverComplexity } from '../workflow/workflowMutation.ts'

type GraphQLModule = typeof import('graphql')

/**
 * A public read as a GraphQL query, counted by the public read limit like its REST endpoint. Each
 * read costs several queries, whatever fields are selected (the whole answer is built): counted as
 * heavy, so 1,000 aliases exceed the complexity budget before any of them runs.
 */
const publicReadQuery = <Args>(
  options: ResolvedNewsroomOptions,
  args: GraphQLFieldConfigArgumentMap,
  type: GraphQLOutputType,
  read: (req: PayloadRequest, args: Args) => Promise<unknown>,
) => ({
  args,
  extensions: { complexity: () => resolverComplexity },
  resolve: async (_root: unknown, given: Args, context: { req: PayloadRequest }) => {
    options.rateLimit.checkPublicRead(context.req)
    return read(context.req, given)
  },
  type,
})

/** The arguments every read takes: the language, required. */
const languageArg = (GraphQL: GraphQLModule) => ({
  language: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
})
/** The arguments of a list: `page` (from 1) and `limit` (1–100). */
const pageArgs = (GraphQL: GraphQLModule) => ({
  limit: { type: GraphQL.GraphQLInt },
  page: { type: GraphQL.GraphQLInt },
})
const slugArg = (GraphQL: GraphQLModule) => ({
  slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
})

/**
 * The GraphQL reads, each the same answer as its REST endpoint:
 * - `ArticleFeed(language, section, page, limit)`: a feed page;
 * - `ArticleView(language, slug)`: the render-ready view and its JSON-LD;
 * - `AuthorPage(language, slug, page, limit)`: an author and a page of their articles.
 */
export const readModelQueries = (GraphQL: GraphQLModule, options: ResolvedNewsroomOptions) => {
  const types = readModelTypes(GraphQL)
  const language = languageArg(GraphQL)
  return {
    ArticleFeed: publicReadQuery(
      options,
      { ...language, ...pageArgs(GraphQL), section: { type: GraphQL.GraphQLString } },
      types.feedPage,
      async (req, args: { language: string; limit?: number; page?: number; section?: string }) => {
        const query = await feedQueryFrom(req, options, args)
        return query ? loadFeed(req, options, query) : null
      },
    ),
    ArticleView: publicReadQuery(
      options,
      { ...language, ...slugArg(GraphQL) },
      types.articleView,
      async (req, args: { language: string; slug: string }) => {
        const view = await loadArticleView(req, options, args)
        return view ? articleViewAnswer(view, options.frontend) : null
      },
    ),
    AuthorPage: publicReadQuery(
      options,
      { ...language, ...slugArg(GraphQL), ...pageArgs(GraphQL) },
      types.authorPage,
      (req, args: { language: string; limit?: number; page?: number; slug: string }) =>
        loadAuthorPage(req, options, args),
    ),
  }
}
