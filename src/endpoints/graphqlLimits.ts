import type { ASTNode, FragmentDefinitionNode, ValidationContext, ValidationRule } from 'graphql'

import { GraphQLError, Kind } from 'graphql'

/**
 * Refuses GraphQL operations nested deeper than `maxDepth` (fragments followed): a cheap guard
 * against queries that walk relationships in circles. Payload's `maxComplexity` bounds the rest.
 */
export const depthLimit =
  (maxDepth: number): ValidationRule =>
  (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition)
      }
    }
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (node.kind === Kind.FIELD) {
        if (!node.selectionSet) return depth
        return Math.max(...node.selectionSet.selections.map((child) => depthOf(child, depth + 1, seen)))
      }
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value)
        if (!fragment || seen.has(node.name.value)) return depth
        return depthOf(fragment, depth, new Set([...seen, node.name.value]))
      }
      if ('selectionSet' in node && node.selectionSet) {
        return Math.max(depth, ...node.selectionSet.selections.map((child) => depthOf(child, depth, seen)))
      }
      return depth
    }
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation, 0, new Set())
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`The query is ${depth} levels deep; the limit is ${maxDepth}.`, { nodes: [operation] }))
        }
      },
    }
  }
