import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

/** The lock row job claims take, beside the content lock (claims must not change the content's revision). */
const claimLockKey = 'newsroom-job-claims'

type UpdateJobs = Payload['db']['updateJobs']

/**
 * Payload's SQL adapters claim due jobs by reading them, then marking each one `processing` by its ID:
 * two `payload jobs:run` workers reading at once both claim the same jobs, both run them, and the one
 * that finishes second finds its job deleted and crashes (`Cannot read properties of null (reading
 * 'log')`). Here each claim runs in a transaction that first updates a lock row, which the database
 * keeps locked until commit: a second worker's claim waits there, then reads the jobs as claimed.
 * Uses Payload's adapter methods only; on a database without transactions claims stay Payload's.
 */
export const claimJobsExclusively = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
): Promise<void> => {
  const db = payload.db
  const slug = options.collections.writeLocks.slug
  const existing = await db
    .findOne<{ id: number | string }>({
      collection: slug,
      where: { key: { equals: claimLockKey } },
    })
    .catch(() => null)
  // Before the first migration the table does not exist: claims then stay Payload's until a restart.
  const lockID =
    existing?.id ??
    (await payload.create({ collection: slug, data: { key: claimLockKey }, depth: 0 }).then(
      (row) => row.id,
      () => undefined,
    ))
  if (lockID === undefined || typeof db.beginTransaction !== 'function') {
    return
  }
  const updateJobs: UpdateJobs = db.updateJobs.bind(db)
  const takeClaimLock = (req: Partial<PayloadRequest>) =>
    db.updateOne({
      collection: slug,
      data: { takenAt: new Date().toISOString() },
      id: lockID,
      req,
      returning: false,
    })
  db.updateJobs = async (args) => {
    if (args.data?.processing !== true) {
      return updateJobs(args)
    }
    // Payload's own claim opens a transaction for it: the lock joins that one, held to its commit.
    if (args.req?.transactionID) {
      await takeClaimLock(args.req)
      return updateJobs(args)
    }
    const transactionID = await db.beginTransaction()
    if (!transactionID) {
      return updateJobs(args)
    }
    const req = await createLocalReq({}, payload)
    req.transactionID = transactionID
    try {
      await takeClaimLock(req)
      const claimed = await updateJobs({ ...args, req })
      await db.commitTransaction(transactionID)
      return claimed
    } catch (error) {
      await db.rollbackTransaction(transactionID)
      throw error
    }
  }
}
