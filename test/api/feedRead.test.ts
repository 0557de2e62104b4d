import { beforeAll, describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'
import { fullFeedSelection } from '../helpers/readSelections'

/**
 * The public feed endpoint reads a page in one read through the adapter (issue 34, item 5) and
 * reuses what its content revision already loaded. GraphQL's `ArticleFeed` still reads through the
 * Local API, article by stream: the two public surfaces must agree on every page, on every database.
 */
describe('the public feed in one read', () => {
  let statements: string[] = []
  const suite = newsroomSuite({ onQuery: (query) => statements.push(query) })
  const run = process.pid.toString(36)
  let pinned: Record<string, any>
  let live: Record<string, any>
  let author: number | string

  const instant = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`

  beforeAll(async () => {
    const { payload } = suite.newsroom
    const { make, syndicated, thirdParty, world } = suite.basics
    author = (
      await payload.create({
        collection: 'users',
        data: {
          email: `plume-${run}@newsroom.test`,
          name: 'Paule Plume',
          password: 'correct-horse-battery-1',
          roles: ['writer'],
        },
      })
    ).id
    const published = { _status: 'published', disclaimers: [thirdParty.id] }
    for (let hour = 1; hour <= 6; hour++) {
      await syndicated({
        ...published,
        byline: { authors: [author] },
        publishedAt: instant(hour),
        title: `Dépêche ${hour}`,
      })
    }
    // Pinned now, the oldest: first in the feed all the same.
    pinned = await syndicated({
      ...published,
      pinned: true,
      pinnedUntil: '2099-01-01T00:00:00.000Z',
      publishedAt: instant(0),
      title: 'Épinglée',
    })
    await make.article({
      ...published,
      language: 'en',
      section: world.id,
      publishedAt: instant(7),
      title: 'In English',
    })
    // Published, then a newer draft saved over it: readers keep the published wording.
    live = await syndicated({ ...published, publishedAt: instant(8), title: 'Publiée' })
    await payload.update({
      id: live.id,
      collection: 'articles',
      data: { title: 'SECRET brouillon' },
      draft: true,
    })
    await syndicated({ title: 'SECRET jamais publiée' }, { draft: true })
  })

  const restFeed = async (language: string, query: Record<string, string>) => {
    const answer = await suite.newsroom.rest.get(`/articles/feed/${language}`, { query })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    return answer.body
  }
  const graphFeed = async (language: string, query: Record<string, string>) => {
    const args = Object.entries({ language, ...query })
      .map(
        ([name, value]) =>
          `${name}: ${name === 'language' || name === 'section' ? JSON.stringify(value) : value}`,
      )
      .join(', ')
    const answer = await suite.newsroom.graphql(
      `query { ArticleFeed(${args}) { ${fullFeedSelection} } }`,
    )
    expect(answer.body.errors).toBeUndefined()
    return answer.body.data.ArticleFeed
  }
  /** Every page of both surfaces, compared page by page. */
  const expectSamePages = async (language: string, section?: string) => {
    for (const limit of [1, 2, 3, 50]) {
      for (let page = 1; ; page++) {
        const query = { limit: String(limit), page: String(page), ...(section ? { section } : {}) }
        const rest = await restFeed(language, query)
        expect(rest, `${language} ${JSON.stringify(query)}`).toEqual(
          await graphFeed(language, query),
        )
        if (!rest.hasNextPage) break
      }
    }
  }

  it('answers every page as the Local API path does, pinned first then newest, in each language and section', async () => {
    const all = await restFeed('fr', { limit: '50' })
    expect(all.docs.map((doc: any) => doc.title)).toEqual([
      'Épinglée',
      'Publiée',
      ...[6, 5, 4, 3, 2, 1].map((hour) => `Dépêche ${hour}`),
    ])
    expect(all.docs[0].pinned).toBe(true)
    expect(all.docs[2].byline.authors).toEqual([expect.objectContaining({ name: 'Paule Plume' })])
    await expectSamePages('fr')
    await expectSamePages('fr', suite.basics.world.slug)
    await expectSamePages('en')
  })

  it('reads the page with one query of the articles and its count once the revision is known', async () => {
    const query = { limit: '3', section: suite.basics.world.slug }
    await restFeed('fr', query)
    statements = []
    const warm = await restFeed('fr', query)
    const reading = (table: string) =>
      statements.filter((statement) => new RegExp(`from "${table}"`, 'i').test(statement))
    expect(warm.docs).toHaveLength(3)
    expect(reading('articles'), statements.join('\n')).toHaveLength(2)
    for (const table of ['sections', 'sources', 'users', 'media']) {
      expect(reading(table), table).toEqual([])
    }
  })

  it('answers the same page whatever locale the request names: the feed is in its path language', async () => {
    const plain = await restFeed('fr', { limit: '50' })
    for (const locale of ['all', '*', 'en', 'fr\u0000', 'x'.repeat(10_000)]) {
      expect(await restFeed('fr', { limit: '50', locale }), locale.slice(0, 8)).toEqual(plain)
    }
  })

  it('never shows a draft saved over a published article, nor an article never published', async () => {
    const { docs: versions } = await suite.newsroom.payload.findVersions({
      collection: 'articles',
      sort: '-updatedAt',
      where: { parent: { equals: live.id } },
    })
    expect(versions[0]?.version.title, 'the draft is stored').toBe('SECRET brouillon')
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = await restFeed('fr', { limit: '100' })
      expect(JSON.stringify(body)).not.toContain('SECRET')
      expect(body.docs.map((doc: any) => doc.title)).toContain('Publiée')
    }
  })

  it('shows a renamed section or author on the next request, and a new tag', async () => {
    const { payload } = suite.newsroom
    const before = await suite.newsroom.rest.get('/articles/feed/fr', { query: { limit: '3' } })
    await payload.update({
      id: suite.basics.world.id,
      collection: 'sections',
      data: { name: `Monde renommé ${run}` },
      locale: 'fr',
    })
    await payload.update({ id: author, collection: 'users', data: { name: 'Paule Renommée' } })
    const after = await suite.newsroom.rest.get('/articles/feed/fr', { query: { limit: '3' } })
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(after.body.docs[0].section.name).toBe(`Monde renommé ${run}`)
    expect(after.body.docs[2].byline.authors[0].name).toBe('Paule Renommée')
  })

  it('answers twenty readers at once while a section is renamed, and the new name from then on', async () => {
    const { payload } = suite.newsroom
    const name = `Monde en direct ${run}`
    const readers = Array.from({ length: 20 }, () =>
      suite.newsroom.rest.get('/articles/feed/fr', { query: { limit: '5' } }),
    )
    const [answers] = await Promise.all([
      Promise.all(readers),
      payload.update({
        id: suite.basics.world.id,
        collection: 'sections',
        data: { name },
        locale: 'fr',
      }),
    ])
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.body.docs).toHaveLength(5)
    }
    const stored = await payload.findByID({
      id: suite.basics.world.id,
      collection: 'sections',
      locale: 'fr',
    })
    expect(stored.name).toBe(name)
    const after = await Promise.all(
      Array.from({ length: 20 }, () =>
        suite.newsroom.rest.get('/articles/feed/fr', { query: { limit: '5' } }),
      ),
    )
    for (const answer of after) {
      expect(answer.body.docs.map((doc: any) => doc.section.name)).toEqual(Array(5).fill(name))
    }
  })

  it('takes the exact path when a pin has ended, and places that article by its date', async () => {
    await suite.newsroom.payload.update({
      id: pinned.id,
      collection: 'articles',
      data: { pinnedUntil: '2026-01-01T00:00:00.000Z' },
    })
    const all = await restFeed('fr', { limit: '50' })
    expect(all.docs.at(-1)).toMatchObject({ pinned: false, title: 'Épinglée' })
    await expectSamePages('fr')
  })
})
