/**
 * Progress for long runs: a bar with rate and ETA on a terminal, plain lines every few seconds
 * otherwise (CI logs, pipes).
 */
export const progressReporter = (label: string, stream: NodeJS.WriteStream = process.stdout) => {
  const started = performance.now()
  let lastLine = 0
  const format = (done: number, total: number) => {
    const seconds = (performance.now() - started) / 1000
    const rate = done / Math.max(seconds, 0.001)
    const eta = rate > 0 ? (total - done) / rate : 0
    return { eta, rate, seconds }
  }
  return {
    finish: (done: number) => {
      const { rate, seconds } = format(done, done)
      if (stream.isTTY) {
        stream.write('\n')
      }
      return { rate, seconds }
    },
    update: (done: number, total: number) => {
      const { eta, rate } = format(done, total)
      if (stream.isTTY) {
        const width = 30
        const filled = Math.round((done / total) * width)
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)}/s ETA ${eta.toFixed(0)}s `,
        )
      } else if (performance.now() - lastLine > 5000 || done === total) {
        lastLine = performance.now()
        stream.write(`${label}: ${done}/${total} (${rate.toFixed(0)}/s, ETA ${eta.toFixed(0)} s)\n`)
      }
    },
  }
}
