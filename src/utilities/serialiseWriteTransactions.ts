import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'

/** The adapter methods that write. Reads never wait (with WAL they never block on the writer). */
const writeMethods = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies ReadonlyArray<keyof BaseDatabaseAdapter>

export type SerialiseWritesOptions = {
  /**
   * Also make writes outside any transaction take their turn (one statement each): Payload's own
   * login attempts, sessions, forgot-password reservations, job claims, preferences. Needed by an
   * embedded SQLite database, where any write meeting an open write transaction fails at once with
   * SQLITE_BUSY; a server database locks rows and does not need it.
   */
  everyWrite?: boolean
}

/** One flow's turn: `held` while the flow may write; false once released (a stale token is inert). */
type Turn = { held: boolean }

/**
 * Makes writes take turns in this process without blocking the event loop: each `beginTransaction`
 * waits until the previous transaction has committed or rolled back, and with `everyWrite` so does
 * each write outside a transaction. For an embedded SQLite database, which allows one writer at a
 * time: without this, concurrent requests meet SQLITE_BUSY, and every multi-step write (publish +
 * snapshot + audit, retire + re-point) can be interleaved or left half done.
 *
 * The flow that holds a turn is remembered (AsyncLocalStorage), so a write it makes outside its own
 * transaction does not wait for itself: Payload's forgot-password reserves its request interval that
 * way, and an adapter's `upsert` calls its own `updateOne`. Uses only Payload's adapter API, so it
 * wraps any adapter.
 */
export const serialiseWriteTransactions = (
  adapter: DatabaseAdapterObj,
  { everyWrite = false }: SerialiseWritesOptions = {},
): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const instance = adapter.init(args) as BaseDatabaseAdapter
    const begin = instance.beginTransaction.bind(instance)
    const commit = instance.commitTransaction.bind(instance)
    const rollback = instance.rollbackTransaction.bind(instance)
    const turnOfFlow = new AsyncLocalStorage<Turn>()
    let queue: Promise<void> = Promise.resolve()
    const releases = new Map<number | string, () => void>()

    /** Waits for the previous turn to end; resolves with this turn's release. */
    const takeTurn = async (turn: Turn): Promise<() => void> => {
      let releaseTurn!: () => void
      const ended = new Promise<void>((resolve) => (releaseTurn = resolve))
      const previous = queue
      queue = previous.then(() => ended)
      await previous
      turn.held = true
      return () => {
        turn.held = false
        releaseTurn()
      }
    }
    const release = async (id: number | Promise<number | string> | string) => {
      const key = await id
      releases.get(key)?.()
      releases.delete(key)
    }

    instance.beginTransaction = async (options) => {
      const turn: Turn = { held: false }
      // Synchronously, before any await: the caller's continuation then carries this flow's turn.
      turnOfFlow.enterWith(turn)
      const releaseTurn = await takeTurn(turn)
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

    if (everyWrite) {
      const inTransaction = async (req: Partial<PayloadRequest> | undefined) => {
        const id = await req?.transactionID
        return id !== undefined && id !== null && Boolean(instance.sessions?.[id as string])
      }
      for (const method of writeMethods) {
        const write = (instance[method] as (args: { req?: Partial<PayloadRequest> }) => Promise<unknown>).bind(instance)
        ;(instance as unknown as Record<string, unknown>)[method] = async (writeArgs: { req?: Partial<PayloadRequest> }) => {
          if (turnOfFlow.getStore()?.held || (await inTransaction(writeArgs?.req))) return write(writeArgs)
          const turn: Turn = { held: false }
          const releaseTurn = await takeTurn(turn)
          try {
            return await turnOfFlow.run(turn, () => write(writeArgs))
          } finally {
            releaseTurn()
          }
        }
      }
    }
    return instance
  },
})
