import { afterAll, beforeAll } from 'vitest'

import { startNewsroom, type TestNewsroom } from './newsroom'
import { createNewsroomBasics, createStaff } from './newsroomData'

export type NewsroomSuite = {
  basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  newsroom: TestNewsroom
  staff: Awaited<ReturnType<typeof createStaff>>
}

/**
 * A test file's newsroom with staff of every role (REST tokens) and the basics (source, sections,
 * third-party disclaimer), started before its tests and stopped after. Read the fields in tests.
 */
export const newsroomSuite = (options: Parameters<typeof startNewsroom>[0] = {}): NewsroomSuite => {
  const suite = {} as NewsroomSuite
  beforeAll(async () => {
    suite.newsroom = await startNewsroom(options)
    suite.staff = await createStaff(suite.newsroom.payload, suite.newsroom.rest.login)
    suite.basics = await createNewsroomBasics(suite.newsroom.payload)
  })
  afterAll(async () => {
    await suite.newsroom?.stop()
  })
  return suite
}
