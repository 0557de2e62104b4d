import type { TestProject } from 'vitest/node'

import fs from 'node:fs'

import {
  prepareTestDatabase,
  removeTestScratch,
  type TestDatabase,
  testDatabaseEnv,
} from './testDatabase'

/**
 * Hands every test file the run's database: the one `npm test` prepared and announced, or, when vitest
 * is started directly, one chosen here (and announced before any test runs). Fails fast, with the
 * reason, when a forced database is unavailable.
 */
export default async function setup(project: TestProject) {
  const prepared = process.env[testDatabaseEnv]
  let testDatabase: TestDatabase
  let stop = async () => {}
  if (prepared) {
    testDatabase = JSON.parse(prepared) as TestDatabase
  } else {
    ;({ stop, testDatabase } = await prepareTestDatabase())
    console.log(testDatabase.description)
  }

  fs.mkdirSync(testDatabase.scratchDir, { recursive: true })
  project.provide('testDatabase', testDatabase)

  return async () => {
    await stop()
    removeTestScratch(testDatabase)
  }
}
