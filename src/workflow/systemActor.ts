import type { PayloadRequest } from 'payload'
import { newsroomContext } from '../utilities/requestContext.ts'

/**
 * Set on the request by server code that acts for no user (a scheduled rule such as licence expiry):
 * the workflow lets it take an editor's actions, and the audit trail names the rule in `via`.
 * Only server code can set a request's context; no client can.
 */
export const systemActor = (req: PayloadRequest) => newsroomContext(req).newsroomSystemActor

/** Marks the request as the rule's: every workflow action taken with it is the rule's. */
export const actAsSystem = (req: PayloadRequest, via: string): PayloadRequest => {
  newsroomContext(req).newsroomSystemActor = { via: via.slice(0, 300) }
  return req
}

/** How the audit trail says an ingest wrote: "ingest: <source>, run <id>". */
export const ingestVia = (req: PayloadRequest): null | string => {
  const writer = newsroomContext(req).newsroomIngest
  return writer ? `ingest: ${writer.source}, run ${writer.run}`.slice(0, 300) : null
}
