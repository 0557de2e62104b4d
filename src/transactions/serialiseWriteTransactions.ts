import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload, PayloadRequest } from 'payload'

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

/**
 * The write methods as the wrapper sees them: each takes one arguments object (with the request, if
 * any) and returns a promise. Declared as methods, so each adapter method's own, narrower arguments
 * fit: the wrapper passes on the arguments it was called with, unchanged.
 */
type WriteMethods = {
  [Method in (typeof writeMethods)[number]]: {
    write(args: { req?: Partial<PayloadRequest> }): Promise<unknown>
  }['write']
}

export type SerialiseWritesOptions = {
  /**
   * Also make writes outside any transaction take their turn (one statement each): Payload's own
   * login attempts, sessions, forgot-password reservations, job claims, preferences. Needed by an
   * embedded SQLite database, where any write meeting an open write transaction fails at once with
   * SQLITE_BUSY; a server database locks rows and does not need it.
   */
  everyWrite?: boolean
  /**
   * How many transactions that lock what they write may run at once in this process, beside the one
   * taking its turn. 1 (the default): every transaction takes turns, as an embedded SQLite database
   * needs. A server database holding row locks can allow more: a transaction still starts in turn
   * (Payload's own, a host collection's: their read-then-write steps were never meant to interleave),
   * and steps out of the queue once the plugin's write locks order it (`shareTransaction`). Keep it
   * under the pool's size: Payload writes outside a transaction while it holds one open (a login
   * counts a failed attempt that way), which needs a free connection.
   */
  transactionsAtOnce?: number
}

const takesTurns = Symbol.for('payload-newsroom.transactionsTakeTurns')
const sharesTransaction = Symbol.for('payload-newsroom.shareTransaction')

type AdapterMarks = {
  [sharesTransaction]?: (id: number | string) => Promise<void>
  [takesTurns]?: boolean
}

/** The marks this module sets on an adapter instance, under its own symbols (none on an adapter not wrapped). */
const marksOf = (instance: object): AdapterMarks => instance

/** Whether the instance's transactions all take turns in this process (one at a time, as SQLite needs). */
export const transactionsTakeTurns = (payload: Payload): boolean =>
  Boolean(marksOf(payload.db)[takesTurns])

/**
 * Lets the request's transaction run beside others from now on: called once its write locks are
 * about to order what it writes. Nothing on an adapter whose transactions all take turns, or not wrapped.
 */
export const shareTransaction = async (req: PayloadRequest): Promise<void> => {
  const id = await req.transactionID
  const share = marksOf(req.payload.db)[sharesTransaction]
  if (id !== undefined && id !== null && share) {
    await share(id)
  }
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
  { everyWrite = false, transactionsAtOnce = 1 }: SerialiseWritesOptions = {},
): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const instance = adapter.init(args)
    const begin = instance.beginTransaction.bind(instance)
    const commit = instance.commitTransaction.bind(instance)
    const rollback = instance.rollbackTransaction.bind(instance)
    const turnOfFlow = new AsyncLocalStorage<Turn>()
    let queue: Promise<void> = Promise.resolve()
    /** Each open transaction's turn and how to give back what it holds (its turn, or a shared slot). */
    const holds = new Map<number | string, { release: () => void; shared: boolean; turn: Turn }>()

    /** Waits for the previous turn to end; resolves with this turn's release. */
    const queueTurn = async (): Promise<() => void> => {
      let releaseTurn!: () => void
      const ended = new Promise<void>((resolve) => (releaseTurn = resolve))
      const previous = queue
      queue = previous.then(() => ended)
      await previous
      return releaseTurn
    }
    const takeTurn = async (turn: Turn): Promise<() => void> => {
      const releaseTurn = await queueTurn()
      turn.held = true
      return () => {
        turn.held = false
        releaseTurn()
      }
    }

    // Shared transactions each hold one of these slots.
    let freeSlots = Math.max(0, transactionsAtOnce - 1)
    const waitingForSlot: (() => void)[] = []
    const takeSlot = async (): Promise<() => void> => {
      if (freeSlots > 0) {
        freeSlots -= 1
      } else {
        await new Promise<void>((resolve) => waitingForSlot.push(resolve))
      }
      return () => {
        const next = waitingForSlot.shift()
        if (next) {
          next()
        } else {
          freeSlots += 1
        }
      }
    }

    const marks = marksOf(instance)
    if (transactionsAtOnce <= 1) {
      marks[takesTurns] = true
    } else {
      marks[sharesTransaction] = async (id) => {
        const hold = holds.get(id)
        if (!hold || hold.shared) {
          return
        }
        hold.shared = true
        // Still in turn while waiting for a slot: the queue behind it waits too, as it did.
        const releaseSlot = await takeSlot()
        const releaseTurn = hold.release
        hold.release = releaseSlot
        releaseTurn()
      }
    }

    const release = async (id: number | Promise<number | string> | string) => {
      const key = await id
      const hold = holds.get(key)
      holds.delete(key)
      if (!hold) {
        return
      }
      hold.turn.held = false
      hold.release()
    }

    instance.beginTransaction = async (options) => {
      const turn: Turn = { held: false }
      // Synchronously, before any await: the caller's continuation then carries this flow's turn, and
      // its writes outside the transaction do not wait behind writes that may wait for its rows.
      turnOfFlow.enterWith(turn)
      const releaseTurn = await queueTurn()
      turn.held = true
      try {
        const id = await begin(options)
        if (id === null) {
          turn.held = false
          releaseTurn()
          return null
        }
        holds.set(id, { release: releaseTurn, shared: false, turn })
        return id
      } catch (error) {
        turn.held = false
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
        return id !== undefined && id !== null && Boolean(instance.sessions?.[id])
      }
      const writers: WriteMethods = instance
      for (const method of writeMethods) {
        const write = writers[method].bind(instance)
        writers[method] = async (writeArgs: { req?: Partial<PayloadRequest> }) => {
          if (turnOfFlow.getStore()?.held || (await inTransaction(writeArgs?.req))) {
            return write(writeArgs)
          }
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
