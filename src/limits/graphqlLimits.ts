import type {
  DocumentNode,
  FragmentDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql'

// The CommonJS entry, as Payload's route (graphql-http) loads it: an error built from another copy of
// the module would not be recognised as a GraphQL error, and the answer would lose its `errors` key.
import { GraphQLError, Kind } from 'graphql/index.js'

/** Fragment names spread anywhere inside a selection set (inline fragments and nested fields included). */
const spreadsIn = (selectionSet: SelectionSetNode): string[] => {
  const found: string[] = []
  const stack = [selectionSet]
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        found.push(selection.name.value)
      } else if (selection.selectionSet) {
        stack.push(selection.selectionSet)
      }
    }
  }
  return found
}

/** Field selections written inside a selection set, not counting those of the fragments it spreads. */
const fieldsIn = (selectionSet: SelectionSetNode): number => {
  let count = 0
  const stack = [selectionSet]
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        count += 1
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) {
        stack.push(selection.selectionSet)
      }
    }
  }
  return count
}

export type FragmentAnalysis = {
  /** The first cycle of spreads found, as a path that ends where it starts (`['A', 'B', 'A']`). */
  cycle?: string[]
  /** The longest chain of fragments spreading each other (1: fragments that spread none). */
  depth: number
  /**
   * Field selections of the operations with every fragment spread written out where it is spread:
   * what Payload's complexity rule walks through (it does not remember a fragment it has already
   * measured, so fragments spreading two others, each spreading two others, … cost it 2^levels).
   * A spread that closes a cycle counts nothing.
   */
  expandedFields: number
}

const analyses = new WeakMap<DocumentNode, FragmentAnalysis>()

/**
 * The shape of a document's fragments, found without recursion in time linear in the document
 * (fragments visited depth-first, each once, after those it spreads).
 */
export const analyseFragments = (document: DocumentNode): FragmentAnalysis => {
  const known = analyses.get(document)
  if (known) {
    return known
  }
  const fragments = new Map<string, { fields: number; spreads: string[] }>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, {
        fields: fieldsIn(definition.selectionSet),
        spreads: spreadsIn(definition.selectionSet),
      })
    }
  }
  let cycle: string[] | undefined
  const finished = new Map<string, { depth: number; expandedFields: number }>()
  for (const start of fragments.keys()) {
    if (finished.has(start)) {
      continue
    }
    const path: Array<{ name: string; next: number }> = [{ name: start, next: 0 }]
    const onPath = new Set([start])
    while (path.length > 0) {
      const top = path[path.length - 1]
      const { fields, spreads } = fragments.get(top.name)!
      if (top.next < spreads.length) {
        const child = spreads[top.next++]
        if (!fragments.has(child) || finished.has(child)) {
          continue
        }
        if (onPath.has(child)) {
          if (!cycle) {
            const names = path.map((entry) => entry.name)
            cycle = [...names.slice(names.indexOf(child)), child]
          }
          continue
        }
        path.push({ name: child, next: 0 })
        onPath.add(child)
        continue
      }
      let depth = 1
      let expandedFields = fields
      for (const child of spreads) {
        const below = finished.get(child)
        if (!below) {
          continue
        }
        depth = Math.max(depth, below.depth + 1)
        expandedFields += below.expandedFields
      }
      finished.set(top.name, { depth, expandedFields })
      onPath.delete(top.name)
      path.pop()
    }
  }
  let depth = 0
  for (const { depth: fragmentDepth } of finished.values()) {
    depth = Math.max(depth, fragmentDepth)
  }
  let expandedFields = 0
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) {
      continue
    }
    expandedFields += fieldsIn(definition.selectionSet)
    for (const name of spreadsIn(definition.selectionSet)) {
      expandedFields += finished.get(name)?.expandedFields ?? 0
    }
  }
  const analysis = { cycle, depth, expandedFields }
  analyses.set(document, analysis)
  return analysis
}

const flattenedContexts = new WeakSet<ValidationContext>()

/**
 * Makes this validation's `context.getFragment()` answer each fragment without its selections, so every
 * rule that follows fragments (Payload's complexity rule, GraphQL's own) stops after one step. Only for
 * a document that is refused anyway: what the other rules then see no longer matters.
 */
const stopFollowingFragments = (context: ValidationContext) => {
  if (flattenedContexts.has(context)) {
    return
  }
  flattenedContexts.add(context)
  const fragmentOf = context.getFragment.bind(context)
  const emptied = new Map<string, FragmentDefinitionNode>()
  context.getFragment = (name: string) => {
    const fragment = fragmentOf(name)
    if (!fragment) {
      return fragment
    }
    if (!emptied.has(name)) {
      emptied.set(name, { ...fragment, selectionSet: { ...fragment.selectionSet, selections: [] } })
    }
    return emptied.get(name)
  }
}

/**
 * Why the rules below act when they are set up, not in a visitor: every rule of a validation runs in
 * one traversal of the document, and Payload's complexity rule (set up before the config's rules, but
 * like them before the traversal starts) follows fragments recursively as soon as it enters an
 * operation. A cycle of fragments overflows its stack (a 500 with an empty body), a chain of a few
 * thousand fragments too (GraphQL's own `NoFragmentCyclesRule` as well), and fragments that each spread
 * two others keep it busy 2^levels steps (40 levels: for ever). Reporting an error does not stop it;
 * so these rules report theirs and `stopFollowingFragments`. They need no position in the list.
 */
const onceEach = {
  fields: new WeakSet<ValidationContext>(),
  fragments: new WeakSet<ValidationContext>(),
}
/** Once per validation, should a rule be listed twice (by the host and by the plugin). */
const firstTime = (rule: keyof typeof onceEach, context: ValidationContext) => {
  if (onceEach[rule].has(context)) {
    return false
  }
  onceEach[rule].add(context)
  return true
}

/**
 * Refuses a document whose fragments spread each other in a cycle, or in chains more than `maxDepth`
 * fragments long (default 50), with a GraphQL validation error (HTTP 200, or 400 when the client asks
 * for `application/graphql-response+json`, with `errors`; nothing runs). The first error is this rule's.
 */
export const fragmentLimit =
  (maxDepth = 50): ValidationRule =>
  (context) => {
    if (!firstTime('fragments', context)) {
      return {}
    }
    const problem = fragmentProblem(context.getDocument(), maxDepth)
    if (!problem) {
      return {}
    }
    stopFollowingFragments(context)
    context.reportError(new GraphQLError(problem))
    return {}
  }

/** What is wrong with a document's fragments (a cycle, or a chain over `maxDepth`), in words; else undefined. */
export const fragmentProblem = (document: DocumentNode, maxDepth = 50): string | undefined => {
  const { cycle, depth } = analyseFragments(document)
  if (cycle) {
    return `Fragment "${cycle[0]}" spreads itself (${cycle.join(' → ')}).`
  }
  return depth > maxDepth
    ? `Fragments spread each other ${depth} levels deep; the limit is ${maxDepth}.`
    : undefined
}

/**
 * Refuses a document of more than `maxFields` field selections once its fragments are written out
 * where they are spread (aliases included), default 2,000. Payload's complexity rule skips
 * `__typename` and the introspection fields, so without this 150,000 `a1: __typename` aliases in a
 * 2 MiB request pass it and run (about 2 s of CPU); and it walks fragments without remembering them
 * (see above). Any document its budget (1,000) accepts has at most 1,000 other fields.
 */
export const fieldLimit =
  (maxFields = 2_000): ValidationRule =>
  (context) => {
    if (!firstTime('fields', context)) {
      return {}
    }
    const { expandedFields } = analyseFragments(context.getDocument())
    if (expandedFields <= maxFields) {
      return {}
    }
    stopFollowingFragments(context)
    const count =
      Number.isFinite(expandedFields) && expandedFields < 1e12 ? String(expandedFields) : 'too many'
    context.reportError(
      new GraphQLError(`The query selects ${count} fields; the limit is ${maxFields}.`),
    )
    return {}
  }

/**
 * How deep the fields of a selection set nest (its own fields at 0), a fragment spread counting as the
 * depth of its fragment's fields (`fragmentDepth`) below the place it is spread. Iterative: a document
 * nested a few thousand levels deep (as deep as GraphQL's parser goes) does not overflow the stack.
 */
const selectionDepth = (
  selectionSet: SelectionSetNode,
  fragmentDepth: (name: string) => number,
): number => {
  let deepest = 0
  const stack: Array<{ depth: number; selectionSet: SelectionSetNode }> = [
    { depth: 0, selectionSet },
  ]
  while (stack.length > 0) {
    const { depth, selectionSet: current } = stack.pop()!
    for (const selection of current.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) {
          stack.push({ depth: depth + 1, selectionSet: selection.selectionSet })
        } else {
          deepest = Math.max(deepest, depth)
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stack.push({ depth, selectionSet: selection.selectionSet })
      } else {
        deepest = Math.max(deepest, depth + fragmentDepth(selection.name.value))
      }
    }
  }
  return deepest
}

/** The introspection entry points: what they reach is the schema's type graph, not the data. */
const introspectionRoots = new Set(['__schema', '__type'])

/**
 * Refuses GraphQL operations nested deeper than `maxDepth` (fragments followed, each measured once): a
 * cheap guard against queries that walk relationships in circles. Payload's `maxComplexity` bounds the
 * rest. Without recursion; a fragment that spreads itself (refused by `fragmentLimit` and by GraphQL's
 * own rules) counts once around its cycle. Introspection (`__schema`, `__type`) is not measured: the
 * standard introspection query is 14 levels deep, walks no data, and is off in production unless the
 * host enables it; `fieldLimit` still bounds its size.
 */
export const depthLimit =
  (maxDepth: number): ValidationRule =>
  (context: ValidationContext) => {
    const fragmentDepths = new Map<string, number>()
    const knownDepth = (name: string) => fragmentDepths.get(name) ?? 0
    /** Fragments measured after those they spread (post-order, iteratively). */
    const fragmentDepth = (start: string): number => {
      const first = context.getFragment(start)
      if (fragmentDepths.has(start) || !first) {
        return knownDepth(start)
      }
      const path = [{ fragment: first, next: 0, spreads: spreadsIn(first.selectionSet) }]
      const onPath = new Set([start])
      while (path.length > 0) {
        const top = path[path.length - 1]
        if (top.next < top.spreads.length) {
          const name = top.spreads[top.next++]
          const fragment = context.getFragment(name)
          if (fragment && !fragmentDepths.has(name) && !onPath.has(name)) {
            path.push({ fragment, next: 0, spreads: spreadsIn(fragment.selectionSet) })
            onPath.add(name)
          }
          continue
        }
        fragmentDepths.set(
          top.fragment.name.value,
          selectionDepth(top.fragment.selectionSet, knownDepth),
        )
        onPath.delete(top.fragment.name.value)
        path.pop()
      }
      return knownDepth(start)
    }
    return {
      OperationDefinition(operation) {
        const dataSelections = operation.selectionSet.selections.filter(
          (selection) =>
            !(selection.kind === Kind.FIELD && introspectionRoots.has(selection.name.value)),
        )
        const depth = selectionDepth(
          { ...operation.selectionSet, selections: dataSelections },
          fragmentDepth,
        )
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is ${depth} levels deep; the limit is ${maxDepth}.`, {
              nodes: [operation],
            }),
          )
        }
      },
    }
  }
