import { beforeAll, describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'
import { fullFeedSelection } from '../helpers/readSelections'
import { password } from '../helpers/newsroomData'

/**
 * Author pages: who signs our articles, and what they signed, in each language; the byline and the
 * article's JSON-LD link there. Users are not public records: the page shows public fields only,
 * and only of people with a published article in the language.
 */
describe('author pages', () => {
  const suite = newsroomSuite()
  const run = process.pid.toString(36)
  let edith: number | string
  let walt: number | string
  const slugs = {
    draft: `brouillon-d-edith-${run}`,
    english: `edith-in-english-${run}`,
    retracted: `article-retire-${run}`,
  }
  const published = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`

  beforeAll(async () => {
    const { payload } = suite.newsroom
    const { make, world } = suite.basics
    const created = await payload.create({
      collection: 'users',
      data: {
        bio: 'Couvre la politique monétaire depuis 2010.',
        email: `edith-${run}@newsroom.test`,
        jobTitle: 'Rédactrice en chef adjointe',
        name: 'Édith Éditrice',
        password,
        roles: ['editor'],
      } as never,
      locale: 'fr',
    })
    edith = created.id
    await payload.update({
      collection: 'users',
      id: edith,
      data: { jobTitle: 'Deputy editor' } as never,
      locale: 'en',
    })
    walt = (
      await payload.create({
        collection: 'users',
        data: {
          email: `walt-${run}@newsroom.test`,
          name: 'Walt Rédacteur',
          password,
          roles: ['writer'],
        } as never,
      })
    ).id
    const signed = (authors: (number | string)[], data: Record<string, unknown>) => ({
      byline: { authors },
      section: world.id,
      ...data,
    })
    for (const day of [1, 2, 3]) {
      await make.article(
        signed([edith], {
          _status: 'published',
          publishedAt: published(day),
          slug: `article-d-edith-${day}-${run}`,
          title: `Article ${day} d’Édith`,
        }),
      )
    }
    await make.article(signed([edith, walt], { slug: slugs.draft }), { draft: true })
    await make.article(
      signed([edith], {
        _status: 'published',
        language: 'en',
        publishedAt: published(4),
        slug: slugs.english,
      }),
    )
    const retracting = await make.article(
      signed([walt], { _status: 'published', publishedAt: published(5), slug: slugs.retracted }),
    )
    const retracted = await suite.newsroom.rest.post(`/articles/${retracting.id}/workflow`, {
      body: { action: 'retract', note: 'Article retiré.' },
      token: suite.staff.editor.token,
    })
    expect(retracted.status).toBe(200)
  })

  const authorPage = (path: string, token?: string) =>
    suite.newsroom.rest.get(`/users/authors/${path}`, { token })

  it('shows the author’s public fields and published articles in the language, newest first', async () => {
    const answer = await authorPage('fr/edith-editrice')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toMatch(/^public/)
    expect(answer.body.author).toEqual({
      bio: 'Couvre la politique monétaire depuis 2010.',
      jobTitle: 'Rédactrice en chef adjointe',
      name: 'Édith Éditrice',
      page: '/fr/authors/edith-editrice',
      slug: 'edith-editrice',
    })
    expect(answer.body.articles.docs.map((card: { title: string }) => card.title)).toEqual([
      'Article 3 d’Édith',
      'Article 2 d’Édith',
      'Article 1 d’Édith',
    ])
    expect(answer.body.articles.totalDocs).toBe(3)
    // Never the account: no e-mail, roles, login state, nor the draft.
    expect(answer.text).not.toMatch(/newsroom\.test|roles|editor"|loginAttempts|brouillon/)
    expect(answer.body.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      mainEntity: {
        '@type': 'Person',
        jobTitle: 'Rédactrice en chef adjointe',
        name: 'Édith Éditrice',
        url: 'http://localhost:3000/fr/authors/edith-editrice',
      },
    })
    const second = await authorPage('fr/edith-editrice?limit=2&page=2')
    expect(second.body.articles).toMatchObject({ hasPrevPage: true, page: 2, totalPages: 2 })
    expect(second.body.articles.docs.map((card: { title: string }) => card.title)).toEqual([
      'Article 1 d’Édith',
    ])
  })

  it('answers in each language with that language’s texts, no fallback from another', async () => {
    const english = await authorPage('en/edith-editrice')
    expect(english.status).toBe(200)
    expect(english.body.author).toMatchObject({ bio: null, jobTitle: 'Deputy editor' })
    expect(english.body.articles.docs.map((card: { slug: string }) => card.slug)).toEqual([
      slugs.english,
    ])
  })

  it('answers the same over GraphQL, and null where REST answers 404', async () => {
    const rest = await authorPage('fr/edith-editrice?limit=2')
    const graph = await suite.newsroom.graphql(
      `query { AuthorPage(language: "fr", slug: "edith-editrice", limit: 2) { author { bio jobTitle name page slug } articles { ${fullFeedSelection} } jsonLd } }`,
    )
    expect(graph.body.errors).toBeUndefined()
    expect(graph.body.data.AuthorPage).toEqual(rest.body)
    for (const slug of ['walt-redacteur', 'constructor', '../x']) {
      const missing = await suite.newsroom.graphql(
        `query { AuthorPage(language: "fr", slug: ${JSON.stringify(slug)}) { author { name } } }`,
      )
      expect(missing.body.errors, slug).toBeUndefined()
      expect(missing.body.data.AuthorPage, slug).toBeNull()
    }
  })

  it('is not found for someone without a published, listed article in the language, or a bad path', async () => {
    // Walt signs a draft and a retracted article: nothing the public sees listed.
    for (const path of [
      'fr/walt-redacteur',
      'fr/personne',
      'de/edith-editrice',
      'fr/constructor',
      'fr/__proto__',
      'fr/Edith-Editrice',
      'fr/edith%00editrice',
      'fr/..%2F..%2Fusers',
      `fr/${'a'.repeat(10_000)}`,
    ]) {
      const answer = await authorPage(path)
      expect(answer.status, path.slice(0, 40)).toBeGreaterThanOrEqual(400)
      expect(answer.status, path.slice(0, 40)).toBeLessThan(500)
    }
    expect((await authorPage('fr/walt-redacteur')).status).toBe(404)
  })

  it('links the byline, the feed cards and the article’s JSON-LD to the author page', async () => {
    const view = await suite.newsroom.rest.get(`/articles/view/fr/article-d-edith-3-${run}`)
    expect(view.body.article.byline.authors).toEqual([
      { id: edith, name: 'Édith Éditrice', page: '/fr/authors/edith-editrice' },
    ])
    expect(view.body.jsonLd.author[0]).toEqual({
      '@type': 'Person',
      name: 'Édith Éditrice',
      url: 'http://localhost:3000/fr/authors/edith-editrice',
    })
    const feed = await suite.newsroom.rest.get('/articles/feed/fr')
    const card = feed.body.docs.find(
      (item: { slug: string }) => item.slug === `article-d-edith-3-${run}`,
    )
    expect(card.byline.authors[0].page).toBe('/fr/authors/edith-editrice')
    const graphql = await suite.newsroom.graphql(
      `query { ArticleView(language: "fr", slug: "article-d-edith-3-${run}") { article { byline { authors { name page } } } } }`,
    )
    expect(graphql.body.data.ArticleView.article.byline.authors).toEqual([
      { name: 'Édith Éditrice', page: '/fr/authors/edith-editrice' },
    ])
  })

  it('refuses a namesake’s page address with a 400 naming the field, and writes nothing', async () => {
    const { newsroom, staff } = suite
    const before = await newsroom.payload.count({ collection: 'users' })
    // A second Édith, written without the accent: the same address unless she is given her own.
    const createNamesake = (extra: Record<string, unknown> = {}) =>
      newsroom.rest.post('/users', {
        body: {
          email: `edith-bis-${run}@newsroom.test`,
          name: 'Edith Editrice',
          password,
          roles: ['writer'],
          ...extra,
        },
        token: staff.admin.token,
      })
    const namesake = await createNamesake()
    expect(namesake.status).toBe(400)
    expect(JSON.stringify(namesake.body)).toContain('authorSlug')
    expect((await newsroom.payload.count({ collection: 'users' })).totalDocs).toBe(before.totalDocs)
    const chosen = await createNamesake({ authorSlug: 'edith-editrice-2' })
    expect(chosen.status).toBe(201)
    const hostile = await newsroom.rest.patch(`/users/${chosen.body.doc.id}`, {
      body: { authorSlug: '</script><script>alert(1)</script>' },
      token: staff.admin.token,
    })
    expect(hostile.status).toBe(400)
    expect(JSON.stringify(hostile.body)).toContain('authorSlug')
  })
})
