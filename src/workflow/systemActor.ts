import type { PayloadRequest } from 'payload'

/**
 * Set on the request by server code that acts for no user (a scheduled rule such as licence expiry):
 * the workflow lets it take an editor's actions, and the audit trail names the rule in `via`.
 * Only server code can set a request's context; no client can.
 */
export const systemActorKey = 'newsroomSystemActor'

export type SystemActor = { via: string }

export const systemActor = (req: PayloadRequest): SystemActor | undefined => req.context[systemActorKey] as SystemActor | undefined

/** Marks the request as the rule's: every workflow action taken with it is the rule's. */
export const actAsSystem = (req: PayloadRequest, via: string): PayloadRequest => {
  req.context[systemActorKey] = { via: via.slice(0, 300) } satisfies SystemActor
  return req
}
