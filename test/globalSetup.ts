import type { TestProject } from 'vitest/node'

import fs from 'node:fs'
import { generateContentCredentialsCertificate } from 'payload-newsroom/server'

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

  // One certificate for the run's C2PA credentials (test files are started after this, and inherit
  // it), so no test app generates an authority of its own and warns.
  if (!process.env.NEWSROOM_C2PA_CERTIFICATE || !process.env.NEWSROOM_C2PA_PRIVATE_KEY) {
    const certificate = await generateContentCredentialsCertificate('Test run')
    process.env.NEWSROOM_C2PA_CERTIFICATE = certificate.certificateChain
    process.env.NEWSROOM_C2PA_PRIVATE_KEY = certificate.privateKey
  }

  fs.mkdirSync(testDatabase.scratchDir, { recursive: true })
  project.provide('testDatabase', testDatabase)

  return async () => {
    await stop()
    removeTestScratch(testDatabase)
  }
}
