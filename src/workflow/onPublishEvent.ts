import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { publishEventOf, type PublishEvent } from '../rules/publishEvents.ts'
import { plannedTransition } from './enforceWorkflow.ts'

type Doc = Record<string, any>

/** What runs after a write that changes what the public sees: the article after it, and before it. */
export type PublishEventHandler = (
  req: PayloadRequest,
  event: PublishEvent,
  after: Doc,
  before: Doc | null,
) => Promise<void>

/**
 * The article hooks that call `handle` with the publish event a write makes, if any (see
 * `publishEventOf`), in the write's own transaction: on a change, the article as written (the
 * returned `doc` holds only what the caller selected, so the written data completes it); on a
 * delete, the article as it was. Webhooks, partners and provenance each hear of the same events.
 */
export const onPublishEvent = (
  handle: PublishEventHandler,
): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } => ({
  afterChange: async ({ data, doc, operation, previousDoc, req }) => {
    const before: Doc | null = operation === 'create' ? null : previousDoc
    const after: Doc = { ...before, ...data, ...doc }
    const event = publishEventOf({ action: plannedTransition(req)?.action, after, before })
    if (event) {
      await handle(req, event, after, before)
    }
    return doc
  },
  afterDelete: async ({ doc, req }) => {
    const event = publishEventOf({ after: null, before: doc })
    if (event) {
      await handle(req, event, doc, null)
    }
    return doc
  },
})
