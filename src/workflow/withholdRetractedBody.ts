import type { FieldHook } from 'payload'

/**
 * The body of a retracted article is withheld from the public, which sees the retraction notice;
 * the newsroom still reads it. On every surface, since it runs wherever the document is read.
 */
export const withholdRetractedBody: FieldHook = ({ req, siblingData, value }) =>
  !req.user && siblingData?.workflowState === 'retracted' ? null : value
