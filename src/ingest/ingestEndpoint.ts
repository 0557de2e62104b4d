import type { Endpoint, PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole } from '../users/roles.ts'
import { findSource } from './findSource.ts'
import { ingestItems, recordSettledRun } from './ingestItems.ts'
import { ingestFormats, readItem } from './readItems.ts'
import { relationID } from '../utilities/documentValue.ts'
import { refusal } from '../utilities/refusal.ts'
import { isOneOf } from '../utilities/values.ts'

/** A refusal in Payload's shape (`errors[0].data.errors[0].path` names the field). */
const refuse = (status: number, path: string, message: string): never => {
  throw refusal(message, status, path)
}

/**
 * `POST /api/<articles>/ingest` with `{ source, format: 'ninjs' | 'newsroom', items: [...] }` (or `item`):
 * for ingest clients (API keys) and admins. Answers the run (its ID, status and counts) and each item's
 * outcome with its errors; 200 when anything went in or was already there, 422 when nothing could.
 */
export const ingestEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  handler: async (req: PayloadRequest) => {
    if (!req.user) {
      return refuse(401, 'user', req.t('error:unauthorized'))
    }
    if (!hasAnyRole(req.user, ['admin', 'ingest'])) {
      return refuse(403, 'user', req.t('error:notAllowedToPerformAction'))
    }
    await addDataAndFileToRequest(req)
    const body = req.data
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return refuse(400, 'body', 'expected a JSON object { source, format, items }')
    }
    const format: unknown = body.format
    if (!isOneOf(ingestFormats, format)) {
      return refuse(400, 'format', `must be one of ${ingestFormats.join(', ')}`)
    }
    const items = Array.isArray(body.items)
      ? body.items
      : body.item !== undefined && body.items === undefined
        ? [body.item]
        : undefined
    if (!items) {
      return refuse(400, 'items', 'expected a list of items (or one `item`)')
    }
    if (items.length === 0 || items.length > options.ingest.maxItemsPerRequest) {
      return refuse(400, 'items', `expected 1 to ${options.ingest.maxItemsPerRequest} items`)
    }
    const source = await findSource(req, options, body.source)
    if (!source) {
      // Recorded too: an operator sees a partner sending to a source that does not exist.
      const reason = `no source ${JSON.stringify(String(body.source ?? '')).slice(0, 200)}`
      await recordSettledRun(req, options, {
        counts: { received: items.length, refused: items.length },
        errors: [{ itemId: null, path: 'source', reason }],
        status: 'failed',
        trigger: 'api',
      })
      return refuse(400, 'source', reason)
    }
    // A source with an ingest account takes items from that account only (and from admins).
    const account = relationID(source.ingest?.user)
    if (!hasAnyRole(req.user, ['admin']) && String(account) !== String(req.user.id)) {
      return refuse(403, 'source', 'this account does not deliver for this source')
    }
    const result = await ingestItems(req, options, {
      items: items.map((raw) => readItem(format, raw)),
      source,
      trigger: 'api',
    })
    return Response.json(result, { status: result.run.status === 'failed' ? 422 : 200 })
  },
  method: 'post',
  path: '/ingest',
})
