import type { FieldAccess } from 'payload'

import { newsroomContext } from '../utilities/requestContext.ts'

/** Written by the ingest only (server code sets the flag; no client can). */
export const ingestOnly: FieldAccess = ({ req }) => Boolean(newsroomContext(req).newsroomIngest)
