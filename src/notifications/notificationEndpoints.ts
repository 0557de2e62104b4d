import type { Endpoint, PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { isWellFormedID } from '../utilities/documentValue.ts'
import { refusal } from '../utilities/refusal.ts'
import { badRequest } from '../utilities/searchParams.ts'

/** Notifications the bell lists: the latest ones, read or not. */
export const bellSize = 10
/** IDs one "mark read" may name. */
const maxReadIDs = 100

const signedInUser = (req: PayloadRequest, options: ResolvedNewsroomOptions) => {
  if (req.user?.collection !== options.collections.users.slug) {
    throw refusal(req.t('error:unauthorized'), 401)
  }
  return req.user
}

/** The IDs to mark read: none given means every unread one; else 1 to 100 well-formed IDs. */
const idsToRead = (req: PayloadRequest, value: unknown): (number | string)[] | undefined => {
  if (value === undefined) {
    return undefined
  }
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= maxReadIDs &&
    value.every(
      (id) =>
        (typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id))) &&
        String(id).length <= 100 &&
        isWellFormedID(req.payload, id),
    )
  return valid
    ? (value as (number | string)[])
    : badRequest('ids', `ids must be a list of 1 to ${maxReadIDs} notification IDs.`)
}

/**
 * `GET /api/<notifications>/bell`: the signed-in user's unread count and latest notifications, for
 * the admin's bell. `POST /api/<notifications>/read` with `{ ids? }` marks theirs read (all unread
 * without `ids`). Both read and write only the user's own, through the collection's access rules.
 */
export const notificationEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => {
  const collection = options.collections.notifications.slug
  return [
    {
      handler: async (req) => {
        signedInUser(req, options)
        const shown = { inAdmin: { equals: true } }
        const [latest, unread] = await Promise.all([
          req.payload.find({
            collection,
            depth: 0,
            limit: bellSize,
            overrideAccess: false,
            pagination: false,
            req,
            select: {
              actorName: true,
              article: true,
              articleTitle: true,
              createdAt: true,
              kind: true,
              note: true,
              readAt: true,
            },
            sort: '-createdAt',
            where: shown,
          }),
          req.payload.count({
            collection,
            overrideAccess: false,
            req,
            where: { and: [shown, { readAt: { exists: false } }] },
          }),
        ])
        return Response.json({ docs: latest.docs, unread: unread.totalDocs })
      },
      method: 'get',
      path: '/bell',
    },
    {
      handler: async (req) => {
        signedInUser(req, options)
        await addDataAndFileToRequest(req)
        const ids = idsToRead(req, req.data?.ids)
        const { docs } = await req.payload.update({
          collection,
          data: { readAt: new Date().toISOString() },
          depth: 0,
          // Each is its own write: at most a query's page per call (the rest on the next call).
          limit: options.inputLimits.query.maxLimit,
          overrideAccess: false,
          req,
          select: { id: true },
          where: {
            and: [{ readAt: { exists: false } }, ...(ids ? [{ id: { in: ids } }] : [])],
          },
        })
        return Response.json({ read: docs.length })
      },
      method: 'post',
      path: '/read',
    },
  ]
}
