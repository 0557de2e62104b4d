import type { CollectionBeforeChangeHook, Field, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { translate } from '../translations/index.ts'
import { formatInstant } from '../rules/describeProblem.ts'
import { relationID } from '../utilities/documentValue.ts'
import { ownValue } from '../utilities/ownValue.ts'
import { refusal } from '../utilities/refusal.ts'
import { newsroomContext } from '../utilities/requestContext.ts'

/**
 * Payload has no optimistic concurrency (payloadcms/payload#15486): two editors who open a document
 * and save one after the other silently lose the first one's work. A client that says which version
 * it read gets a 409 instead when someone saved since: the `updatedAt` it read, sent as
 * `expectedUpdatedAt` (REST body, GraphQL input, workflow action body), as `updatedAt` in the body of a
 * REST write to the document's own URL (what the admin's edit view sends), or as
 * `If-Match: "<updatedAt>"` there; a bulk workflow action takes `expectedUpdatedAt: { [id]: updatedAt }`.
 * A client that sends none of them keeps Payload's behaviour.
 */
export const expectedUpdatedAtField: Field = {
  name: 'expectedUpdatedAt',
  type: 'text',
  admin: { disableBulkEdit: true, disableListColumn: true, disableListFilter: true, hidden: true },
  // Not stored: a precondition on the write, read by `requireFreshVersion`.
  virtual: true,
}

/** The precondition a request sets on the document `id`, as written by the client. */
const preconditionFor = (
  req: PayloadRequest,
  data: Record<string, unknown>,
  id: unknown,
): string | undefined => {
  if (typeof data.expectedUpdatedAt === 'string' && data.expectedUpdatedAt) {
    return data.expectedUpdatedAt
  }
  // A bulk workflow action: `{ expectedUpdatedAt: { [id]: updatedAt } }`, one per article.
  const map = req.data?.expectedUpdatedAt
  if (map && typeof map === 'object' && !Array.isArray(map)) {
    const expected = ownValue(map, String(id))
    return typeof expected === 'string' && expected ? expected : undefined
  }
  // The request's own document only (a workflow action also writes others).
  const routeID = req.routeParams?.id
  if (routeID === undefined || String(routeID) !== String(id)) {
    return undefined
  }
  // The admin's edit view sends the document's `updatedAt` as it loaded it (or last saved it) with every
  // save and autosave, as does a client that writes back what it read: that is the version it was made from.
  const body: undefined | { expectedUpdatedAt?: unknown; updatedAt?: unknown } = req.data
  const fromBody = [body?.expectedUpdatedAt, body?.updatedAt].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  if (fromBody) {
    return fromBody
  }
  const header = req.headers?.get?.('if-match')?.trim()
  if (!header || header === '*') {
    return undefined
  }
  return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
}

export const requireFreshVersion =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc) {
      return data
    }
    const expected = preconditionFor(req, data, originalDoc.id)
    delete data.expectedUpdatedAt
    if (expected === undefined) {
      return data
    }
    // Once per document and request: the request's own later writes are not someone else's.
    const checked = (newsroomContext(req).newsroomPreconditionsChecked ??= new Set<string>())
    const key = `${collection.slug}:${String(originalDoc.id)}`
    if (checked.has(key)) {
      return data
    }
    checked.add(key)
    const expectedTime = Date.parse(expected)
    if (Number.isNaN(expectedTime)) {
      throw refusal(translate(req.t, 'preconditionInvalid'), 400, 'expectedUpdatedAt')
    }
    const storedTime = Date.parse(String(originalDoc.updatedAt))
    if (expectedTime === storedTime) {
      return data
    }
    const editorID = relationID(originalDoc.updatedBy)
    const editor =
      editorID === undefined
        ? null
        : await req.payload
            .findByID({
              collection: options.collections.users.slug,
              depth: 0,
              id: editorID,
              overrideAccess: true,
              req,
              select: { email: true, name: true },
            })
            .catch(() => null)
    // Without colons: the admin's toast splits a message at each one.
    const at = formatInstant(String(originalDoc.updatedAt)).replace(/(\d{2}):(\d{2})/, '$1h$2')
    const name = editor?.name || editor?.email
    throw refusal(
      name
        ? translate(req.t, 'preconditionFailedBy', { at, name })
        : translate(req.t, 'preconditionFailed', { at }),
      409,
      'expectedUpdatedAt',
    )
  }
