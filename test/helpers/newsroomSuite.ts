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

/**
 * Makes sources the suite's ingest account writes for (items into the world section, in `language`
 * unless they say otherwise), each with its own name; `ingest` and `data` override per source.
 */
export const ingestSources = (
  suite: NewsroomSuite,
  {
    creditLine,
    language = 'fr',
    name = 'Horizon Presse',
  }: { creditLine?: string; language?: string; name?: string } = {},
) => {
  let count = 0
  return async (ingest: Record<string, any> = {}, data: Record<string, any> = {}) =>
    (await suite.newsroom.payload.create({
      collection: 'sources',
      data: {
        category: 'wire',
        creditLine: creditLine ?? name,
        ingest: {
          defaultLanguage: language,
          defaultSection: suite.basics.world.id,
          user: suite.staff.ingest.id,
          ...ingest,
        },
        name: `${name} ${++count}`,
        ...data,
      } as never,
      locale: language as never,
    })) as Record<string, any> & { id: number | string }
}

/** The copy (latest draft) of a source's item, as the server holds it; undefined when there is none. */
export const ingestedCopy = async (
  suite: NewsroomSuite,
  source: { id: number | string },
  itemId: string,
) =>
  (
    await suite.newsroom.payload.find({
      collection: 'articles',
      depth: 0,
      draft: true,
      where: {
        and: [
          { 'attribution.source': { equals: source.id } },
          { 'attribution.sourceItemId': { equals: itemId } },
        ],
      },
    })
  ).docs[0] as Record<string, any> | undefined
