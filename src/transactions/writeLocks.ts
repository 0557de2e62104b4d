import type { Payload, PayloadRequest } from 'payload'

import { createHash, randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { translate } from '../translations/index.ts'
import { refusal } from '../utilities/refusal.ts'
import { shareTransaction, transactionsTakeTurns } from './serialiseWriteTransactions.ts'
import { newsroomContext } from '../utilities/requestContext.ts'
import { recordOf } from '../utilities/values.ts'

type ID = number | string

/**
 * A lock the database holds for the rest of a transaction: a row of the write-locks collection,
 * updated. The rows are a fixed set, made at start (see `ensureWriteLock`), and each logical lock is
 * one of them by a hash (two unrelated articles may share a row: one then waits for the other,
 * briefly). A transaction takes its rows in one order, the order of their keys, whose first digit is
 * the phase, so two writers never wait for each other in a circle:
 * 0. articles;
 * 1. values that must be unique (a slug in its language, a source's item), by the check's rank;
 * 2. sources and sections, 3. disclaimers and images: what the publish rules read;
 * 4. the rest (users, new documents), which only renew the content's revision.
 * A publication shares what it reads: it takes one of the entity's stripes (chosen by the article),
 * a change to the entity takes all of them. So publishers of different articles showing the same
 * disclaimer rarely wait for each other, and a retirement waits for them, and they for it.
 */
export type LockRequest = { key: string }

const articleRows = 64
// Few: an ingest batch locks the slug and source item of each of its items, one write per row it takes.
const uniquenessRows = 4
/** Ranks of uniqueness checks: one per check a write runs, in the order the write runs them. */
const uniquenessRanks = 4
const referenceBuckets = 8
const referenceStripes = 8

const digest = (value: string) => createHash('sha256').update(value).digest().readUInt32BE(0)

export const articleLock = (_options: ResolvedNewsroomOptions, id: ID): LockRequest => ({
  key: `0:${digest(String(id)) % articleRows}`,
})

/** The lock guarding one value's uniqueness within its scope, for the check of `rank` (its position among the write's checks). */
export const uniquenessLock = (
  rank: number,
  collection: string,
  field: string,
  value: unknown,
  scopeValues: unknown[],
): LockRequest => ({
  key: `1:${rank}:${digest(JSON.stringify([collection, field, String(value), ...scopeValues.map(String)])) % uniquenessRows}`,
})

const referencePhase = (options: ResolvedNewsroomOptions, collection: string) =>
  collection === options.collections.sources.slug ||
  collection === options.collections.sections.slug
    ? 2
    : 3

const referenceBucket = (collection: string, id: ID) =>
  digest(`${collection}:${String(id)}`) % referenceBuckets

/**
 * The stripe of a referenced entity a publication shares, chosen by `stripesBy`: the article's ID, or
 * for an article not yet created one random value for the whole publication (chosen afresh per lock,
 * two steps of one publication could take two stripes of one source out of order and deadlock).
 */
export const sharedReferenceLock = (
  options: ResolvedNewsroomOptions,
  collection: string,
  id: ID,
  stripesBy: ID,
): LockRequest => ({
  key: `${referencePhase(options, collection)}:${referenceBucket(collection, id)}:${digest(String(stripesBy)) % referenceStripes}`,
})

/** Every stripe of a referenced entity: what a change to it takes. */
export const exclusiveReferenceLocks = (
  options: ResolvedNewsroomOptions,
  collection: string,
  id: ID,
): LockRequest[] =>
  Array.from({ length: referenceStripes }, (_, stripe) => ({
    key: `${referencePhase(options, collection)}:${referenceBucket(collection, id)}:${stripe}`,
  }))

/** A write that only renews the revision (a user, a new source): one row per collection. */
export const revisionLock = (collection: string): LockRequest => ({ key: `4:${collection}` })

/** Every row the locks above can take, for these options. */
const allLockKeys = (options: ResolvedNewsroomOptions): string[] => [
  ...Array.from({ length: articleRows }, (_, row) => `0:${row}`),
  ...Array.from(
    { length: uniquenessRanks * uniquenessRows },
    (_, index) => `1:${Math.floor(index / uniquenessRows)}:${index % uniquenessRows}`,
  ),
  ...[2, 3].flatMap((phase) =>
    Array.from(
      { length: referenceBuckets * referenceStripes },
      (_, index) => `${phase}:${Math.floor(index / referenceStripes)}:${index % referenceStripes}`,
    ),
  ),
  ...Object.values(options.collections).map((collection) => `4:${collection.slug}`),
]

/**
 * Every lock a publication can take (articles, sources, sections, disclaimers, images): what a write
 * re-publishing articles it cannot know in advance takes (a disclaimer retired for a replacement). Rare,
 * and taken first, so publishers finish before it, or start after it.
 */
export const everyPublicationLock = (options: ResolvedNewsroomOptions): LockRequest[] =>
  allLockKeys(options)
    .filter((key) => /^[023]:/.test(key))
    .map((key) => ({ key }))

/** Whether locks are taken entity by entity: not where transactions take turns in the process anyway. */
export const locksPerEntity = (payload: Payload): boolean => !transactionsTakeTurns(payload)

/** Where writes take turns in this process anyway (SQLite): one row orders them across processes too. */
const everythingLock: LockRequest = { key: 'newsroom-content' }

const currentTransaction = async (req: PayloadRequest): Promise<unknown> =>
  (await req.transactionID) ?? undefined

/** The lock rows' IDs per Payload instance, once committed: a fixed set, never deleted. */
const knownRows = new WeakMap<Payload, Map<string, ID>>()

const lockSlug = (options: ResolvedNewsroomOptions) => options.collections.writeLocks.slug

const findRow = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  key: string,
  req?: PayloadRequest,
) =>
  (
    await payload.db.findOne<{ id: ID }>({
      collection: lockSlug(options),
      req,
      where: { key: { equals: key } },
    })
  )?.id

const remember = (payload: Payload, key: string, id: ID) => {
  const rows = knownRows.get(payload) ?? new Map<string, ID>()
  knownRows.set(payload, rows.set(key, id))
}

/**
 * The row of `key`. Made at start; one missing (the table was made after this instance started) is
 * made in the transaction, and remembered only once found committed.
 */
const lockRow = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  key: string,
): Promise<{ committed: boolean; id: ID }> => {
  const known = knownRows.get(req.payload)?.get(key)
  if (known !== undefined) {
    return { committed: true, id: known }
  }
  const found = await findRow(req.payload, options, key, req)
  if (found !== undefined) {
    return { committed: true, id: found }
  }
  const row: { id: ID } = await req.payload.db.create({
    collection: lockSlug(options),
    data: { key },
    req,
  })
  return { committed: false, id: row.id }
}

/** Errors that mean "another writer holds what this one needs": PostgreSQL's deadlock and lock codes, MongoDB's write conflict. */
const busyCodes = new Set<number | string>(['40P01', '40001', '55P03', 112])
const isBusy = (error: unknown): boolean => {
  const { cause, code } = recordOf(error)
  return (
    ((typeof code === 'number' || typeof code === 'string') && busyCodes.has(code)) ||
    (cause !== undefined && cause !== error && isBusy(cause))
  )
}

/** Whether the request's transaction holds a lock already (its commit renews the revision). */
export const holdsLocks = async (req: PayloadRequest): Promise<boolean> => {
  const held = newsroomContext(req).newsroomHeldLocks
  const transaction = await currentTransaction(req)
  return Boolean(
    held && transaction !== undefined && held.transaction === transaction && held.keys.size > 0,
  )
}

/**
 * Takes these locks for the rest of the request's transaction, each once, in the global order. A
 * concurrent writer needing one of them, on any app instance, waits there, then reads what this one
 * committed. Where writes take turns in the process (SQLite), one row stands for all of them. Without
 * a transaction (MongoDB without a replica set) nothing can be held: only the revision is renewed.
 */
export const takeLocks = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  wanted: LockRequest[],
): Promise<void> => {
  if (wanted.length === 0) {
    return
  }
  const transaction = await currentTransaction(req)
  const inTurns = transactionsTakeTurns(req.payload)
  const previous = newsroomContext(req).newsroomHeldLocks
  const held =
    previous && transaction !== undefined && previous.transaction === transaction
      ? previous
      : { keys: new Set<string>(), transaction }
  const requests = inTurns ? [everythingLock] : wanted
  const missing = [
    ...new Set(requests.map((lock) => lock.key).filter((key) => !held.keys.has(key))),
  ].sort()
  if (missing.length === 0) {
    return
  }
  // A Local API write on the request replaces `req.file` with its own (none): keep the upload being made.
  const upload = req.file
  try {
    // Ordered by its locks from here: the transaction need not keep others waiting in the process.
    if (!inTurns) {
      await shareTransaction(req)
    }
    for (const key of missing) {
      const row = await lockRow(req, options, key)
      // A new stamp: the content's revision changes when this write commits.
      await req.payload.db.updateOne({
        id: row.id,
        collection: lockSlug(options),
        data: { stamp: randomUUID(), takenAt: new Date().toISOString() },
        req,
        returning: false,
      })
      if (row.committed) {
        remember(req.payload, key, row.id)
      }
      held.keys.add(key)
    }
  } catch (error) {
    // Two writers each holding what the other needs: the database stops one. Say "try again", not 500.
    if (isBusy(error)) {
      throw refusal(translate(req.t, 'writeBusy'), 409)
    }
    throw error
  } finally {
    req.file = upload
  }
  if (transaction !== undefined) {
    newsroomContext(req).newsroomHeldLocks = held
  }
}

/**
 * The content's committed revision: the stamps of every lock row, read through the adapter without
 * hooks or access (one read of a few hundred short rows). Every row, not the most recently taken: a
 * write that took its lock early and committed after later ones must still change it. Null before
 * the first write, or when the rows cannot be read.
 */
export const readContentRevision = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
): Promise<null | string> => {
  const rows = await payload.db
    .find<{ key: string; stamp?: null | string }>({
      collection: lockSlug(options),
      limit: 0,
      pagination: false,
      select: { key: true, stamp: true },
      sort: 'key',
    })
    .then((result) => result.docs)
    .catch(() => [])
  const stamps = rows.filter((row) => row.stamp).map((row) => `${row.key}=${row.stamp}`)
  return stamps.length ? createHash('sha256').update(stamps.join('\n')).digest('base64url') : null
}

/**
 * `onInit`: makes the lock rows, outside any request (an instance racing to make one loses
 * harmlessly), and remembers their IDs. Before the first migration the table does not exist yet: the
 * first writers make the rows they need.
 */
export const ensureWriteLock = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
): Promise<void> => {
  const keys = locksPerEntity(payload) ? allLockKeys(options) : [everythingLock.key]
  try {
    const { docs } = await payload.db.find<{ id: ID; key: string }>({
      collection: lockSlug(options),
      limit: 0,
      pagination: false,
    })
    const existing = new Map(docs.map((row) => [row.key, row.id]))
    for (const key of keys) {
      let id = existing.get(key)
      if (id === undefined) {
        id = await payload.db
          .create({ collection: lockSlug(options), data: { key } })
          .then((row: { id: ID }) => row.id)
          .catch(async () => findRow(payload, options, key))
      }
      if (id !== undefined) {
        remember(payload, key, id)
      }
    }
  } catch (error) {
    payload.logger.debug({ err: error, msg: 'newsroom: write lock rows not made at start' })
  }
}
