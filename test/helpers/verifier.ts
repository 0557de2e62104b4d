/** `npm run verify-provenance -- <targets>` as a command line (node, its arguments), from the project root. */
export const verifierCommand = (...targets: string[]): [string, string[]] => [
  process.execPath,
  [
    '--no-deprecation',
    '--conditions=development',
    '--import',
    'tsx',
    'scripts/verify-provenance.ts',
    ...targets,
  ],
]
