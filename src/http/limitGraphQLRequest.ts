import type { DocumentNode, SelectionSetNode } from 'graphql'

import { Kind, parse } from 'graphql'

import { limitRequestBody, type RequestBodyLimits } from './limitRequestBody'

const fragmentSpreads = (selectionSet: SelectionSetNode | undefined, found: Set<string> = new Set()) => {
  const stack = selectionSet ? [selectionSet] : []
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) found.add(selection.name.value)
      else if (selection.selectionSet) stack.push(selection.selectionSet)
    }
  }
  return found
}

/** The name of a fragment that spreads itself through other fragments, if any. */
export const fragmentCycle = (document: DocumentNode): string | undefined => {
  const uses = new Map<string, Set<string>>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) uses.set(definition.name.value, fragmentSpreads(definition.selectionSet))
  }
  for (const start of uses.keys()) {
    const seen = new Set<string>()
    const stack = [...(uses.get(start) ?? [])]
    while (stack.length > 0) {
      const name = stack.pop()!
      if (name === start) return start
      if (seen.has(name)) continue
      seen.add(name)
      stack.push(...(uses.get(name) ?? []))
    }
  }
  return undefined
}

/**
 * `limitRequestBody` for Payload's GraphQL route, plus a 400 for a query whose fragments spread
 * each other in a cycle: GraphQL's own rule reports it, but Payload's complexity rule walks the
 * fragments first and overflows the stack (a 500 with an empty body).
 */
export const limitGraphQLRequest = <Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response>,
  limits: RequestBodyLimits = {},
) =>
  limitRequestBody(async (request: Request, ...args: Args) => {
    if (request.headers.get('content-type')?.split(';')[0].trim() === 'application/json') {
      const body = (await request.clone().json().catch(() => undefined)) as { query?: unknown } | undefined
      if (typeof body?.query === 'string') {
        let cycle: string | undefined
        try {
          cycle = fragmentCycle(parse(body.query))
        } catch {
          // Not valid GraphQL: Payload's handler answers that with a 400 of its own.
        }
        if (cycle) {
          return Response.json({ errors: [{ message: `Fragment "${cycle}" spreads itself through other fragments.` }] }, { status: 400 })
        }
      }
    }
    return handler(request, ...args)
  }, limits)
