import type { CollectionBeforeOperationHook, CollectionSlug, Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { translate } from '../translations/index.ts'
import { refusal } from '../utilities/refusal.ts'

/** The one lock: publish-rule inputs (articles, disclaimers, sections, sources) change one writer at a time. */
const lockKey = 'newsroom-content'
const heldKey = 'newsroomWriteLockTransaction'

const currentTransaction = async (req: PayloadRequest): Promise<unknown> => {
  const id = await req.transactionID
  return id ?? undefined
}

const findLockRow = (payload: Payload, slug: CollectionSlug, req?: PayloadRequest) =>
  payload.find({ collection: slug, depth: 0, limit: 1, pagination: false, req, where: { key: { equals: lockKey } } })

/**
 * `onInit`: creates the lock row once, outside any request (an instance racing to create it loses
 * harmlessly). Before the first migration the table does not exist yet: the first writer creates it.
 */
export const ensureWriteLock = async (payload: Payload, options: ResolvedNewsroomOptions): Promise<void> => {
  const slug = options.collections.writeLocks.slug as CollectionSlug
  try {
    const found = (await findLockRow(payload, slug)).docs[0]
    knownLockRows.set(payload, found ? found.id : (await payload.create({ collection: slug, data: { key: lockKey } as never, depth: 0 })).id)
  } catch (error) {
    payload.logger.debug({ err: error, msg: 'newsroom: write lock row not created at start' })
  }
}

/** The committed lock row's ID per Payload instance: it never changes, so writes do not look it up. */
const knownLockRows = new WeakMap<Payload, number | string>()

const lockRowID = async (req: PayloadRequest, slug: CollectionSlug): Promise<number | string> => {
  const known = knownLockRows.get(req.payload)
  if (known !== undefined) return known
  const found = (await findLockRow(req.payload, slug, req)).docs[0]
  if (!found) {
    // Created in this transaction: remembered only once another write finds it committed.
    return (await req.payload.create({ collection: slug, data: { key: lockKey } as never, depth: 0, req })).id
  }
  knownLockRows.set(req.payload, found.id)
  return found.id
}

/**
 * Takes the content write lock for the rest of the request's transaction, once per transaction: an
 * update of the lock row, which the database keeps locked until commit or rollback. A concurrent
 * writer on any app instance waits there, then reads what the first one committed. Without a
 * transaction (a MongoDB server without a replica set) there is nothing to hold: only the revision
 * stamp is renewed.
 */
export const takeWriteLock = async (req: PayloadRequest, options: ResolvedNewsroomOptions): Promise<void> => {
  const transaction = await currentTransaction(req)
  if (transaction !== undefined && req.context[heldKey] === transaction) return
  const slug = options.collections.writeLocks.slug as CollectionSlug
  const id = await lockRowID(req, slug)
  // A Local API write on the request replaces `req.file` with its own (none): keep the upload being made.
  const upload = req.file
  try {
    // A new stamp: the content's revision changes when this write commits (with no transaction, at
    // once; the read side's minute bound then covers the moment between the stamp and the write).
    await req.payload.update({ collection: slug, data: { stamp: randomUUID(), takenAt: new Date().toISOString() } as never, depth: 0, id, req })
  } catch (error) {
    // MongoDB does not queue a second writer of a document: it aborts its transaction with a write
    // conflict (code 112). Say "try again" instead of a 500. (No mongod here: not exercised by tests.)
    if ((error as { code?: number }).code === 112) throw refusal(translate(req.t, 'writeBusy'), 409)
    throw error
  } finally {
    req.file = upload
  }
  if (transaction !== undefined) req.context[heldKey] = transaction
}

/**
 * The content's committed revision (the lock row's stamp), read through the adapter without hooks or
 * access: one indexed read. Null before the first write, or when the row cannot be read.
 */
export const readContentRevision = async (payload: Payload, options: ResolvedNewsroomOptions): Promise<null | string> => {
  const row = await payload.db
    .findOne<{ id: number | string; stamp?: null | string }>({
      collection: options.collections.writeLocks.slug as CollectionSlug,
      where: { key: { equals: lockKey } },
    })
    .catch(() => null)
  return row?.stamp ?? null
}

const writeOperations = new Set(['create', 'delete', 'deleteByID', 'update', 'updateByID'])

/** `beforeOperation`: every write to a collection the publish rules read takes the lock first, before it reads. */
export const lockContentWrites =
  (options: ResolvedNewsroomOptions): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (writeOperations.has(operation)) {
      await takeWriteLock(req, options)
    }
    return args
  }
