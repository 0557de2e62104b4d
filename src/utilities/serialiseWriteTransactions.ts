import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * Makes write transactions take turns: each `beginTransaction` waits until the previous transaction
 * has committed or rolled back. For an embedded SQLite database, which allows one writer at a time:
 * without this, two concurrent requests with transactions on meet SQLITE_BUSY, and with transactions
 * off, every multi-step write (publish + snapshot + audit, retire + re-point) can be interleaved or
 * left half done. Reads outside transactions do not wait (with WAL they never block on the writer).
 * Uses only Payload's adapter API, so it wraps any adapter; server databases do not need it.
 */
export const serialiseWriteTransactions = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const instance = adapter.init(args) as BaseDatabaseAdapter
    const begin = instance.beginTransaction.bind(instance)
    const commit = instance.commitTransaction.bind(instance)
    const rollback = instance.rollbackTransaction.bind(instance)
    let queue: Promise<void> = Promise.resolve()
    const releases = new Map<number | string, () => void>()

    const release = async (id: number | Promise<number | string> | string) => {
      const key = await id
      releases.get(key)?.()
      releases.delete(key)
    }

    instance.beginTransaction = async (options) => {
      let releaseTurn!: () => void
      const turn = new Promise<void>((resolve) => (releaseTurn = resolve))
      const previous = queue
      queue = previous.then(() => turn)
      await previous
      try {
        const id = await begin(options)
        if (id === null) {
          releaseTurn()
          return null
        }
        releases.set(id, releaseTurn)
        return id
      } catch (error) {
        releaseTurn()
        throw error
      }
    }
    instance.commitTransaction = async (id) => {
      try {
        await commit(id)
      } finally {
        await release(id)
      }
    }
    instance.rollbackTransaction = async (id) => {
      try {
        await rollback(id)
      } finally {
        await release(id)
      }
    }
    return instance
  },
})
