import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fixtures } from '../helpers/fixtures'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createStaff } from '../helpers/newsroomData'

/** Old article URLs keep working: a rename answers 301 at every path readers followed before. */
describe('old article URLs', () => {
  let newsroom: TestNewsroom
  let editorToken: string
  let section: number | string
  const run = process.pid.toString(36)
  const slugs = {
    first: `premier-titre-${run}`,
    second: `deuxieme-titre-${run}`,
    third: `troisieme-titre-${run}`,
    draftOnly: `titre-de-brouillon-${run}`,
    fourth: `quatrieme-titre-${run}`,
  }
  let articleID: number | string

  beforeAll(async () => {
    newsroom = await startNewsroom()
    editorToken = (await createStaff(newsroom.payload, newsroom.rest.login)).editor.token
    section = (await fixtures(newsroom.payload).section()).id
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const view = (slug: string, token?: string) =>
    newsroom.rest.get(`/articles/view/fr/${slug}`, { token })
  const stored = async () =>
    (
      await newsroom.payload.findByID({
        collection: 'articles',
        id: articleID,
        depth: 0,
        draft: false,
        overrideAccess: true,
      })
    ).previousSlugs
  const publishAs = (slug: string, extra: Record<string, unknown> = {}) =>
    newsroom.rest.patch(`/articles/${articleID}`, {
      body: { _status: 'published', slug, ...extra },
      token: editorToken,
    })

  it('answers 301 at each earlier path, to the current one, across several renames', async () => {
    const article = await fixtures(newsroom.payload).article({
      _status: 'published',
      section,
      slug: slugs.first,
      title: 'Premier titre',
    })
    articleID = article.id
    expect(article.previousSlugs ?? []).toEqual([])
    expect((await publishAs(slugs.second)).status).toBe(200)
    expect((await publishAs(slugs.third)).status).toBe(200)
    expect(await stored()).toEqual([slugs.first, slugs.second])

    for (const old of [slugs.first, slugs.second]) {
      const moved = await view(old)
      expect(moved.status, old).toBe(301)
      expect(moved.headers.get('location')).toBe(`/api/articles/view/fr/${slugs.third}`)
      // A CDN may hold the redirect like any public read.
      expect(moved.headers.get('cache-control')).toMatch(/^public/)
      expect(moved.text).toBe('')
    }
    const current = await view(slugs.third)
    expect(current.status).toBe(200)
    expect(current.body.article.title).toBe('Premier titre')
  })

  it('keeps no path that only a draft held, and records the live one when the draft is published', async () => {
    const draft = await newsroom.rest.patch(`/articles/${articleID}`, {
      body: { slug: slugs.draftOnly },
      query: { draft: 'true' },
      token: editorToken,
    })
    expect(draft.status).toBe(200)
    expect((await view(slugs.draftOnly)).status).toBe(404)
    expect((await view(slugs.third)).status).toBe(200)
    expect((await publishAs(slugs.fourth)).status).toBe(200)
    // The draft's slug was never public: not kept; the one readers saw until now is.
    expect(await stored()).toEqual([slugs.first, slugs.second, slugs.third])
    expect((await view(slugs.draftOnly)).status).toBe(404)
    expect((await view(slugs.third)).headers.get('location')).toBe(
      `/api/articles/view/fr/${slugs.fourth}`,
    )
  })

  it('ignores what a client sends for the earlier paths', async () => {
    const forged = await publishAs(slugs.fourth, { previousSlugs: [`une-autre-page-${run}`] })
    expect(forged.status).toBe(200)
    expect(await stored()).toEqual([slugs.first, slugs.second, slugs.third])
    const created = await newsroom.rest.post('/articles', {
      body: {
        language: 'fr',
        previousSlugs: [`detournement-${run}`],
        section,
        title: 'Une page qui voudrait les liens des autres',
      },
      query: { draft: 'true' },
      token: editorToken,
    })
    expect(created.status).toBe(201)
    const row = await newsroom.payload.findByID({
      collection: 'articles',
      id: created.body.doc.id,
      depth: 0,
      draft: true,
    })
    expect(row.previousSlugs ?? []).toEqual([])
    expect((await view(`detournement-${run}`)).status).toBe(404)
  })

  it('lets a new article that takes a freed path win over the redirect', async () => {
    const newcomer = await fixtures(newsroom.payload).article({
      _status: 'published',
      section,
      slug: slugs.first,
      title: 'Un nouvel article à l’ancienne adresse',
    })
    const answer = await view(slugs.first)
    expect(answer.status).toBe(200)
    expect(answer.body.article).toMatchObject({ id: newcomer.id, slug: slugs.first })
    expect((await view(slugs.second)).status).toBe(301)
  })

  it('redirects no one to an article that is gone, and refuses paths that could be none', async () => {
    await newsroom.payload.delete({ collection: 'articles', id: articleID })
    expect((await view(slugs.second)).status).toBe(404)
    expect((await view(slugs.fourth)).status).toBe(404)
    for (const hostile of ['%00', 'constructor', '..%2F..%2Fusers', 'x'.repeat(2_000)]) {
      // Not found, or refused before any lookup (the request limits answer 400 to a 2,000-character path).
      expect([400, 404], hostile).toContain((await view(hostile)).status)
    }
  })
})
