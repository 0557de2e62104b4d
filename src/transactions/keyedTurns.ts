/**
 * Work with the same key runs one at a time, in arrival order; different keys run side by side.
 * In-process only, and nothing is kept for a key once its last turn ends.
 */
export const createKeyedTurns = () => {
  const tails = new Map<string, Promise<void>>()
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve()
    let done!: () => void
    const tail = previous.then(() => new Promise<void>((resolve) => (done = resolve)))
    tails.set(key, tail)
    await previous
    try {
      return await work()
    } finally {
      done()
      if (tails.get(key) === tail) {
        tails.delete(key)
      }
    }
  }
}
