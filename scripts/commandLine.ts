import { parseArgs, type ParseArgsConfig } from 'node:util'

/** What a script takes: its options (node:util `parseArgs` form), whether it takes positionals, and its help. */
export type CommandSpec<
  Options extends NonNullable<ParseArgsConfig['options']> = NonNullable<ParseArgsConfig['options']>,
> = {
  allowPositionals?: boolean
  /** One paragraph: what the script does. */
  description: string
  options: Options
  /** The usage lines, as a person would type them. */
  usage: string
}

/**
 * A script's arguments, parsed strictly with Node's `util.parseArgs`: an unknown or misspelt option
 * (`--synthtic`), a missing value or a stray word stops the script before it touches anything, with the
 * reason and its usage (exit 2). `--help` (`-h`) prints the description and usage (exit 0).
 */
export const parseCommandLine = (
  spec: CommandSpec<NonNullable<ParseArgsConfig['options']>>,
  args: string[] = process.argv.slice(2),
): { positionals: string[]; values: Record<string, boolean | string | undefined> } => {
  let parsed: { positionals: string[]; values: Record<string, unknown> }
  try {
    parsed = parseArgs({
      allowPositionals: spec.allowPositionals ?? false,
      args,
      options: { ...spec.options, help: { short: 'h', type: 'boolean' } },
      strict: true,
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n\nusage:\n${spec.usage}\n(--help for more)`)
    process.exit(2)
  }
  if (parsed.values.help) {
    console.log(`${spec.description}\n\nusage:\n${spec.usage}`)
    process.exit(0)
  }
  return parsed as { positionals: string[]; values: Record<string, boolean | string | undefined> }
}

/** A whole number option within bounds, or the script stops naming it (exit 2). */
export const wholeNumber = (
  name: string,
  text: string | undefined,
  { fallback, min }: { fallback: number; min: number },
): number => {
  const value = text === undefined ? fallback : Number(text.replace(/_/g, ''))
  if (!Number.isSafeInteger(value) || value < min) {
    console.error(`--${name} takes a whole number of at least ${min}, not "${text}"`)
    process.exit(2)
  }
  return value
}
