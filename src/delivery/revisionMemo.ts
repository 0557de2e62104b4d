import type { ResolvedNewsroomOptions } from '../types.ts'

/** Values one content revision's public reads share, at most this many (beyond, they are read again). */
const maxEntriesPerRevision = 10_000

type Memo = { revision: string; values: Map<string, Promise<unknown>> }
const memos = new WeakMap<ResolvedNewsroomOptions, Memo>()

/**
 * What the public's reads of one committed content revision have loaded, for the next reads of the
 * same revision: every write that could change a public answer renews the revision (see
 * `writeLocks`), so a value read after the revision was read is still true while the revision
 * stands. A value read later than its revision is newer, never older: it is true for every reader
 * who saw that revision. Only for public reads: what a signed-in user may see is theirs alone.
 */
export type RevisionMemo = {
  /** The value held for `key`, or `load()` remembered (a failed load is not remembered). */
  remember: <T>(key: string, load: () => Promise<T>) => Promise<T>
}

export const revisionMemo = (options: ResolvedNewsroomOptions, revision: string): RevisionMemo => {
  let memo = memos.get(options)
  if (!memo || memo.revision !== revision) {
    // A new revision: what the last one loaded is dropped whole.
    memo = { revision, values: new Map() }
    memos.set(options, memo)
  }
  const { values } = memo
  return {
    remember: async <T>(key: string, load: () => Promise<T>): Promise<T> => {
      const held = values.get(key) as Promise<T> | undefined
      if (held) {
        return held
      }
      // The pending read is held, so that twenty requests at once read once.
      const pending = load()
      if (values.size < maxEntriesPerRevision) {
        values.set(key, pending)
        pending.catch(() => values.get(key) === pending && values.delete(key))
      }
      return pending
    },
  }
}
