/**
 * `npm test`: says which database the run uses (its first line), prepares it, then runs vitest
 * with any arguments given (`npm test -- test/unit`).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import {
  dropLeftoverDatabases,
  prepareTestDatabase,
  projectRoot,
  testDatabaseEnv,
} from './testDatabase'
import { newProvenanceKeySet } from '../host/provenanceKeys'

const main = async () => {
  const { stop, testDatabase } = await prepareTestDatabase()
  console.log(testDatabase.description)
  const code = await new Promise<number>((resolve) => {
    const vitest = spawn(
      path.join(projectRoot, 'node_modules', '.bin', 'vitest'),
      ['run', ...process.argv.slice(2)],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          // One signing key for the run, so no test app signs with a throwaway key (and warns).
          NEWSROOM_PROVENANCE_KEYS:
            process.env.NEWSROOM_PROVENANCE_KEYS ?? newProvenanceKeySet('test-run'),
          [testDatabaseEnv]: JSON.stringify(testDatabase),
        },
        stdio: 'inherit',
      },
    )
    vitest.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
  })
  await stop()
  // Every test file drops its own database: one still there is a leak, and fails the run.
  const leftovers = await dropLeftoverDatabases(testDatabase)
  if (leftovers.length > 0) {
    console.error(`left behind on the server (now dropped): ${leftovers.join(', ')}`)
    process.exit(code || 1)
  }
  if (testDatabase.kind === 'postgres') console.log('databases left behind on the server: none')
  process.exit(code)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error)
  process.exit(1)
})
