import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { APIError } from 'payload'

import { isWorkflowAction } from '../rules/workflow.ts'
import { translate } from '../translations/index.ts'
import { inTransaction } from '../workflow/inTransaction.ts'
import { runWorkflowAction } from '../workflow/runWorkflowAction.ts'

type GraphQLModule = typeof import('graphql')

/** The complexity Payload's GraphQL cost rule counts for one call of a plugin resolver. */
export const resolverComplexity = 50

/** GraphQL `articleWorkflow(id, action, note, publishAt)`: the same actions as the REST endpoint. */
export const workflowMutation = (GraphQL: GraphQLModule, options: ResolvedNewsroomOptions) => ({
  args: {
    action: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    note: { type: GraphQL.GraphQLString },
    publishAt: { type: GraphQL.GraphQLString },
  },
  // A whole workflow action (reads, rules, writes): it weighs like a page of documents, so aliases
  // cannot multiply it within the query's complexity budget.
  extensions: { complexity: resolverComplexity },
  resolve: async (
    _root: unknown,
    args: { action: string; id: string; note?: string; publishAt?: string },
    context: { req: PayloadRequest },
  ) => {
    const { req } = context
    if (!isWorkflowAction(args.action)) {
      throw new APIError(translate(req.t, 'workflowUnknownAction'), 400)
    }
    const action = args.action
    const doc = (await inTransaction(req, () => runWorkflowAction(req, options, { ...args, action }))) as Record<string, any>
    return { id: String(doc.id), status: doc._status, workflowState: doc.workflowState }
  },
  type: new GraphQL.GraphQLObjectType({
    fields: {
      id: { type: GraphQL.GraphQLString },
      status: { type: GraphQL.GraphQLString },
      workflowState: { type: GraphQL.GraphQLString },
    },
    name: 'ArticleWorkflowResult',
  }),
})
