import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { projectRoot } from '../testDatabase'

/** A script as its npm command runs it, with nothing to reach: the arguments must stop it first. */
const run = (script: string, ...args: string[]) => {
  const result = spawnSync(
    process.execPath,
    [
      '--no-deprecation',
      '--conditions=development',
      '--import',
      'tsx',
      path.join(projectRoot, script),
      ...args,
    ],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      // No database can be reached: a script that got past its arguments would fail differently.
      env: {
        ...process.env,
        DATABASE_URI: 'postgres://nobody@127.0.0.1:1/none',
        POSTGRES_ADMIN_URI: 'postgres://nobody@127.0.0.1:1/none',
      },
      timeout: 60_000,
    },
  )
  return { code: result.status, err: result.stderr, out: result.stdout }
}

describe('scripts read their arguments strictly and explain themselves', () => {
  it.each([
    ['seed/index.ts', ['--synthtic', '5'], /Unknown option '--synthtic'/],
    [
      'seed/index.ts',
      ['--synthetic=many'],
      /--synthetic takes a whole number of at least 1, not "many"/,
    ],
    ['seed/index.ts', ['--synthetic'], /--synthetic <value>.*argument missing/],
    ['seed/index.ts', ['extra'], /Unexpected argument 'extra'/],
    ['bench/run.ts', ['--sise', '1000'], /Unknown option '--sise'/],
    ['bench/publish.ts', ['--articles=0'], /--articles takes a whole number of at least 1/],
    ['bench/http.ts', ['--seconds', '0'], /--seconds takes a whole number of at least 1/],
    ['scripts/compliance.ts', ['--all'], /Unknown option '--all'/],
    ['scripts/migrations.ts', ['creat', 'x'], /usage:/],
  ])(
    '%s %j stops before doing anything (exit 2), naming the problem',
    (script, args, message) => {
      const { code, err } = run(script, ...args)
      expect(err).toMatch(message)
      expect(code).toBe(2)
    },
    60_000,
  )

  it.each([
    'seed/index.ts',
    'bench/run.ts',
    'bench/feed.ts',
    'bench/publish.ts',
    'bench/http.ts',
    'scripts/compliance.ts',
    'scripts/migrations.ts',
    'scripts/screenshot.ts',
  ])(
    '%s --help prints what it does and its usage',
    (script) => {
      const { code, out } = run(script, '--help')
      expect(out).toMatch(/usage:\n\s+(npm run|node)/)
      expect(code).toBe(0)
    },
    60_000,
  )
})
