import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    // The repository's host and tests import the plugin by its package name, as a stranger's app
    // does; here the name points at the sources (tsconfig.json says the same for tsc, tsx and Next).
    alias: [
      { find: /^payload-newsroom$/, replacement: path.join(projectRoot, 'src/index.ts') },
      {
        find: /^payload-newsroom\/client$/,
        replacement: path.join(projectRoot, 'src/exports/client.ts'),
      },
      {
        find: /^payload-newsroom\/rsc$/,
        replacement: path.join(projectRoot, 'src/exports/rsc.ts'),
      },
      {
        find: /^payload-newsroom\/rules$/,
        replacement: path.join(projectRoot, 'src/exports/rules.ts'),
      },
      {
        find: /^payload-newsroom\/server$/,
        replacement: path.join(projectRoot, 'src/exports/server.ts'),
      },
      {
        find: /^payload-newsroom\/http$/,
        replacement: path.join(projectRoot, 'src/exports/http.ts'),
      },
      {
        find: /^payload-newsroom\/types$/,
        replacement: path.join(projectRoot, 'src/exports/types.ts'),
      },
    ],
  },
  test: {
    environment: 'node',
    // Says which database the run uses before any test, and fails fast when a forced one is missing.
    globalSetup: ['test/globalSetup.ts'],
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
    // Each test file runs in its own process with its own Payload instance and database.
    pool: 'forks',
    // Two files at a time whatever the cores (vitest's default is one less than the cores: one file
    // at a time on a 2-core machine). The files mostly wait on databases, servers and timers: on 2
    // cores each suite took under 8 minutes with two (SQLite 468 s, PostgreSQL 459 s), against 12–14.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
})
