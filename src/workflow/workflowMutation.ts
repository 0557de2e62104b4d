import type { GraphQLInfo, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { workflowActions, workflowStates } from '../rules/workflow.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import { runWorkflowAction } from './runWorkflowAction.ts'

type GraphQLModule = typeof import('graphql')

/** The complexity Payload's GraphQL cost rule counts for one call of a plugin resolver. */
export const resolverComplexity = 50

/** A GraphQL enum of the workflow table's names (snake_case, as REST and the database spell them). */
const workflowEnum = (
  GraphQL: GraphQLModule,
  name: string,
  values: readonly string[],
  description: string,
) =>
  new GraphQL.GraphQLEnumType({
    description,
    name,
    values: Object.fromEntries(values.map((value) => [value, { value }])),
  })

/**
 * The articles' ID type in Payload's own schema (`Int` on serial IDs, `String` on UUIDs and ObjectIDs),
 * so that `articleWorkflow(id:)` takes what `Article(id:)` takes.
 */
const articleIDType = (GraphQL: GraphQLModule, info: GraphQLInfo, slug: string) => {
  const type = info.collections[slug]?.graphQL?.type
  const idField = type?.getFields().id
  return idField ? GraphQL.getNullableType(idField.type) : GraphQL.GraphQLString
}

/**
 * GraphQL `articleWorkflow(id, action, note, publishAt)`: the same actions as the REST endpoint, the
 * action and the resulting state as enums, so a client's codegen knows them and GraphQL refuses an
 * unknown one before anything runs.
 */
export const workflowMutation = (
  GraphQL: GraphQLModule,
  info: GraphQLInfo,
  options: ResolvedNewsroomOptions,
) => {
  const idType = articleIDType(GraphQL, info, options.collections.articles.slug)
  return {
    args: {
      action: {
        type: new GraphQL.GraphQLNonNull(
          workflowEnum(
            GraphQL,
            'NewsroomWorkflowAction',
            workflowActions,
            `A workflow action: ${workflowActions.join(', ')}.`,
          ),
        ),
      },
      id: { type: new GraphQL.GraphQLNonNull(idType) },
      note: { type: GraphQL.GraphQLString },
      publishAt: { type: GraphQL.GraphQLString },
    },
    // A whole workflow action (reads, rules, writes): it weighs like a page of documents, so aliases
    // cannot multiply it within the query's complexity budget.
    extensions: { complexity: resolverComplexity },
    resolve: async (
      _root: unknown,
      args: {
        action: (typeof workflowActions)[number]
        id: number | string
        note?: string
        publishAt?: string
      },
      context: { req: PayloadRequest },
    ) => {
      const { req } = context
      const doc: Record<string, any> = await inTransaction(req, () =>
        runWorkflowAction(req, options, args),
      )
      return { id: doc.id, status: doc._status, workflowState: doc.workflowState }
    },
    type: new GraphQL.GraphQLObjectType({
      fields: {
        id: { type: idType },
        status: { type: GraphQL.GraphQLString },
        workflowState: {
          type: workflowEnum(
            GraphQL,
            'NewsroomWorkflowState',
            workflowStates,
            'Where an article stands in the editorial workflow.',
          ),
        },
      },
      name: 'ArticleWorkflowResult',
    }),
  }
}
