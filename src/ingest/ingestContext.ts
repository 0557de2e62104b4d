import type { FieldAccess, PayloadRequest } from 'payload'

/** Set on the request by the ingest while it writes an item: fields only the ingest may write check it. */
export const ingestContextKey = 'newsroomIngest'

/** Which ingest run is writing: the audit trail names it beside the ingest account. */
export type IngestWriter = { run: string; source: string }

export const ingestWriter = (req: PayloadRequest): IngestWriter | undefined => req.context[ingestContextKey] as IngestWriter | undefined

export const isIngesting = (req: PayloadRequest): boolean => Boolean(ingestWriter(req))

/** How the audit trail says an ingest wrote: "ingest: <source>, run <id>". */
export const ingestVia = (req: PayloadRequest): null | string => {
  const writer = ingestWriter(req)
  return writer ? `ingest: ${writer.source}, run ${writer.run}`.slice(0, 300) : null
}

/** Written by the ingest only (server code sets the flag; no client can). */
export const ingestOnly: FieldAccess = ({ req }) => isIngesting(req)
