import type { FieldAccess, PayloadRequest } from 'payload'

/** Set on the request by the ingest while it writes an item: fields only the ingest may write check it. */
export const ingestContextKey = 'newsroomIngest'

export const isIngesting = (req: PayloadRequest): boolean => req.context[ingestContextKey] === true

/** Written by the ingest only (server code sets the flag; no client can). */
export const ingestOnly: FieldAccess = ({ req }) => isIngesting(req)
