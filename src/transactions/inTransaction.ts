import type { PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

/** Runs several writes as one: all of them, or none (a workflow action queues a job and updates). */
export const inTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const ownTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (ownTransaction) {
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (ownTransaction) {
      await killTransaction(req)
    }
    throw error
  }
}
