/** Times `run` after a warm-up and returns the median and 95th percentile in milliseconds. */
export const measure = async (run: () => Promise<unknown>, { repetitions = 50, warmup = 5 } = {}) => {
  for (let index = 0; index < warmup; index++) {
    await run()
  }
  const samples: number[] = []
  for (let index = 0; index < repetitions; index++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))]!
  return { median: at(0.5), p95: at(0.95), repetitions }
}

export const formatMs = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`
