import type { ParseArgsConfig } from 'node:util'

import { type CommandSpec, parseCommandLine, wholeNumber } from '../scripts/commandLine'

/** Options every benchmark takes: timing and the statements of one request per case. */
const commonOptions = {
  repetitions: { type: 'string' },
  'show-queries': { type: 'boolean' },
  warmup: { type: 'string' },
} satisfies NonNullable<ParseArgsConfig['options']>

/**
 * A benchmark's command line, parsed strictly (an unknown option stops it with its usage, `--help`
 * prints it), with readers for its values: `--name value` and `--name=value` alike.
 */
export const benchCommandLine = (spec: CommandSpec) => {
  const { values } = parseCommandLine({ ...spec, options: { ...commonOptions, ...spec.options } })
  const positiveInteger = (name: string, fallback: number) =>
    wholeNumber(name, values[name] as string | undefined, { fallback, min: 1 })
  return {
    /** The command as a person would type it, for the report. */
    commandLine: (script: string) =>
      `npm run ${script}${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    flag: (name: string) => values[name] === true,
    /** A string option as given, or undefined. */
    text: (name: string) => values[name] as string | undefined,
    positiveInteger,
    /** `--sizes 1000,10000` (the default): database sizes in articles, growing (the database is only ever added to). */
    sizesOption: (): number[] => {
      const text = (values.sizes as string | undefined) ?? '1000,10000'
      const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')))
      if (
        sizes.some(
          (size, index) =>
            !Number.isInteger(size) || size < 1 || (index > 0 && size <= sizes[index - 1]!),
        )
      ) {
        console.error(`--sizes takes growing positive integers separated by commas, not "${text}"`)
        process.exit(2)
      }
      return sizes
    },
    /** `--repetitions` timed runs per case after `--warmup` discarded ones. */
    timingOptions: () => ({
      repetitions: positiveInteger('repetitions', 100),
      warmup: positiveInteger('warmup', 10),
    }),
  }
}
