/** Latency of one measured case, in milliseconds, and the database queries one run of it sent. */
export type Timing = {
  max: number
  median: number
  min: number
  p95: number
  /** Median number of queries per run; undefined when nobody counted them. */
  queries?: number
  repetitions: number
}

type MeasureOptions = {
  /** Reads the running total of database queries, so each run's own count is the difference. */
  queryCount?: () => number
  repetitions?: number
  warmup?: number
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

/** Median, 95th percentile and extremes of a list of samples. */
export const summarize = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    max: sorted[sorted.length - 1]!,
    median: quantile(sorted, 0.5),
    min: sorted[0]!,
    p95: quantile(sorted, 0.95),
  }
}

/**
 * Times several cases in rounds, one run of each per round, starting each round with the next case:
 * drift on the machine (another build, GC, disk cache) then hits every case alike, so their ratios
 * hold even when the absolute numbers move. Warm-up rounds are run first and thrown away.
 */
export const measureInterleaved = async <K extends string>(
  cases: Record<K, () => Promise<unknown>>,
  { queryCount, repetitions = 100, warmup = 10 }: MeasureOptions = {},
): Promise<Record<K, Timing>> => {
  const names = Object.keys(cases) as K[]
  const samples = new Map(
    names.map((name) => [name, { ms: [] as number[], queries: [] as number[] }]),
  )
  for (let round = 0; round < warmup + repetitions; round++) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length]!
      const queriesBefore = queryCount?.() ?? 0
      const started = performance.now()
      await cases[name]()
      const ms = performance.now() - started
      if (round >= warmup) {
        samples.get(name)!.ms.push(ms)
        samples.get(name)!.queries.push((queryCount?.() ?? 0) - queriesBefore)
      }
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { ms, queries } = samples.get(name)!
      return [
        name,
        {
          ...summarize(ms),
          queries: queryCount ? summarize(queries).median : undefined,
          repetitions,
        },
      ]
    }),
  ) as Record<K, Timing>
}

/** Times `run` after a warm-up and returns the median and 95th percentile in milliseconds. */
export const measure = async (run: () => Promise<unknown>, options: MeasureOptions = {}) =>
  (await measureInterleaved({ run }, { repetitions: 50, warmup: 5, ...options })).run

export const formatMs = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`

export const formatRatio = (value: number) => `${value.toFixed(2)}×`

export const formatCount = (value: number) => value.toLocaleString('en-US')
