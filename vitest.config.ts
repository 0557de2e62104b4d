import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // Says which database the run uses before any test, and fails fast when a forced one is missing.
    globalSetup: ['test/globalSetup.ts'],
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
    // Each test file runs in its own process with its own Payload instance and database.
    pool: 'forks',
    testTimeout: 60_000,
  },
})
