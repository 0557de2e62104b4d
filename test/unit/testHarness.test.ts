import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { projectRoot } from '../testDatabase'

describe('the test harness', () => {
  it('fails fast, with the reason, when MongoDB is forced and no mongod can be had', () => {
    const started = Date.now()
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/run.ts', 'test/unit/formatSlug.test.ts'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        env: {
          ...process.env,
          NEWSROOM_TEST_DATABASE: '',
          MONGOMS_SYSTEM_BINARY: path.join(projectRoot, 'no-such-mongod'),
          PAYLOAD_DATABASE: 'mongodb',
        },
        timeout: 60_000,
      },
    )
    const seconds = (Date.now() - started) / 1000
    expect(run.status).not.toBe(0)
    expect(seconds).toBeLessThan(30)
    expect(`${run.stdout}${run.stderr}`).toMatch(
      /PAYLOAD_DATABASE=mongodb but no mongod: .*no-such-mongod/,
    )
    // No test ran on a database other than the one asked for.
    expect(run.stdout).not.toMatch(/formatSlug\.test\.ts.*passed|✓/)
  })
})
