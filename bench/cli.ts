/** The few command-line options of the benchmarks: `--name value` or `--name=value`, and bare flags. */
const args = process.argv.slice(2)

export const option = (name: string): string | undefined => {
  const inline = args.find((arg) => arg.startsWith(`--${name}=`))
  if (inline) {
    return inline.slice(name.length + 3)
  }
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : undefined
}

export const flag = (name: string) => args.includes(`--${name}`)

export const positiveInteger = (name: string, fallback: number): number => {
  const text = option(name)
  const value = text === undefined ? fallback : Number(text)
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer, not "${text}"`)
  }
  return value
}

/** `--repetitions` timed runs per case after `--warmup` discarded ones. */
export const timingOptions = () => ({ repetitions: positiveInteger('repetitions', 100), warmup: positiveInteger('warmup', 10) })

/** `--sizes 1000,10000` (the default): database sizes in articles, growing (the database is only ever added to). */
export const sizesOption = (): number[] => {
  const text = option('sizes') ?? '1000,10000'
  const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')))
  if (sizes.some((size, index) => !Number.isInteger(size) || size < 1 || (index > 0 && size <= sizes[index - 1]!))) {
    throw new Error(`--sizes must be growing positive integers separated by commas, not "${text}"`)
  }
  return sizes
}

/** The command as a person would type it, for the report. */
export const commandLine = (script: string) => `npm run ${script}${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`
