/**
 * Counts the queries the adapters send (through `createDatabaseAdapter`'s `onQuery`: drizzle's
 * logger on SQLite, mongoose's debug hook on MongoDB) and keeps their text while asked to. One log
 * serves every Payload instance of a run: scenarios run one call at a time, so the difference of
 * the count across a call is that call's cost.
 */
export const createQueryLog = () => {
  let count = 0
  let recording: string[] | undefined
  const onQuery = (query: string) => {
    count++
    recording?.push(query)
  }
  return {
    /** Runs `run` and returns the statements it sent, in order. */
    capture: async (run: () => Promise<unknown>): Promise<string[]> => {
      const statements: string[] = []
      recording = statements
      try {
        await run()
      } finally {
        recording = undefined
      }
      return statements
    },
    count: () => count,
    onQuery,
    /** For statements sent behind Payload's back (the raw-driver floor), so they count like the others. */
    record: onQuery,
  }
}

export type QueryLog = ReturnType<typeof createQueryLog>
