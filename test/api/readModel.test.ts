import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedNewsroom } from '../../seed/seedNewsroom'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { fixtures } from '../helpers/fixtures'
import { GraphQLClient, gql } from 'graphql-request'

import { graphqlRouteFetch } from '../helpers/graphql'
import { fullFeedSelection, fullViewSelection } from '../helpers/readSelections'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'

describe('the frontend read model', () => {
  let newsroom: TestNewsroom
  let queries = 0
  let mediaReads = 0
  let editorToken: string

  beforeAll(async () => {
    newsroom = await startNewsroom({
      onQuery: (query) => {
        queries++
        if (/from "media"/i.test(query)) mediaReads++
      },
    })
    await seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))
    editorToken = await newsroom.rest.login('editor@newsroom.test', 'newsroom-editor')
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const view = (language: string, slug: string, token?: string) =>
    newsroom.rest.get(`/articles/view/${language}/${slug}`, { token })

  it('renders the French feed article in one request, in French, with our rules applied', async () => {
    const response = await view('fr', 'moscou-renforce-la-defense-du-venezuela')
    expect(response.status).toBe(200)
    const { article, jsonLd } = response.body
    expect(article).toMatchObject({
      attribution: {
        originalUrl: expect.stringMatching(/^https:\/\/horizon-presse\.example\//),
        source: { name: 'Agence Horizon Presse' },
        viewOriginalLabel: 'Voir l’original',
      },
      byline: { automated: { disclosure: 'Généré par IA', label: 'robot' } },
      comments: { enabled: true, maxLength: 400 },
      language: 'fr',
      retracted: null,
      section: { name: 'Monde', slug: 'monde' },
      seo: { canonical: 'noindex', robots: 'noindex, follow' },
      summary: { status: 'pending', statusLabel: 'En cours de génération', text: null },
      title: 'Moscou renforce la défense du Venezuela',
    })
    expect(
      article.disclaimers.map((disclaimer: any) => [disclaimer.key, disclaimer.fullPageUrl]),
    ).toEqual([
      ['third-party-content', '/fr/avertissement#third-party-content'],
      ['ai-generated', '/fr/avertissement#ai-generated'],
    ])
    expect(article.disclaimers[0].text).toMatch(/^Cet article peut contenir du contenu de tiers/)
    expect(article.body.root.children.filter((node: any) => node.tag === 'h2')).toHaveLength(2)
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      articleSection: 'Monde',
      author: [
        { '@type': 'Organization', description: 'Généré par IA', name: 'Newsroom (demo) (robot)' },
      ],
      creditText: 'Agence Horizon Presse',
      headline: 'Moscou renforce la défense du Venezuela',
      inLanguage: 'fr',
      isBasedOn: article.attribution.originalUrl,
      publisher: { '@type': 'NewsMediaOrganization', name: 'Newsroom (demo)' },
      sourceOrganization: { '@type': 'Organization', name: 'Agence Horizon Presse' },
      url: 'http://localhost:3000/fr/articles/moscou-renforce-la-defense-du-venezuela',
    })
  })

  it('renders an English article in English, linked to its French original, the same over GraphQL', async () => {
    const rest = await view('en', 'ecb-holds-rates')
    expect(rest.body.article).toMatchObject({
      byline: { authors: [{ name: 'Edith Editor' }], automated: null },
      language: 'en',
      section: { name: 'Economy' },
      seo: { canonical: 'self', robots: 'index, follow' },
      translations: [
        { language: 'fr', slug: 'la-bce-maintient-ses-taux', title: 'La BCE maintient ses taux' },
      ],
    })
    expect(rest.body.jsonLd.author).toEqual([
      {
        '@type': 'Person',
        name: 'Edith Editor',
        url: 'http://localhost:3000/en/authors/edith-editor',
      },
    ])
    // The same data over GraphQL, every field selected (typed: a client selects what it draws).
    const graph = await newsroom.graphql(
      `query { ArticleView(language: "en", slug: "ecb-holds-rates") { ${fullViewSelection} } }`,
    )
    expect(graph.body.errors).toBeUndefined()
    expect(graph.body.data.ArticleView).toEqual(rest.body)
  })

  it('falls back to French for a disclaimer text missing in English', async () => {
    const make = fixtures(newsroom.payload)
    const frenchOnly = await make.disclaimer({
      kind: 'sponsored',
      shortText: 'Contenu sponsorisé par un partenaire.',
      title: 'Sponsorisé',
    })
    const { docs } = await newsroom.payload.find({
      collection: 'articles',
      where: { slug: { equals: 'ecb-holds-rates' } },
    })
    await newsroom.payload.update({
      id: docs[0]!.id,
      collection: 'articles',
      data: { disclaimers: [frenchOnly.id] },
    })
    const response = await view('en', 'ecb-holds-rates')
    expect(response.body.article.disclaimers).toEqual([
      expect.objectContaining({
        kind: 'sponsored',
        text: 'Contenu sponsorisé par un partenaire.',
        title: 'Sponsorisé',
      }),
    ])
  })

  it('answers 404 to the public for what is not published, and shows a retraction without its body', async () => {
    for (const slug of [
      'la-croissance-du-quatrieme-trimestre-attendue',
      'la-publicite-financiere-en-ligne-encadree',
      'un-sommet-sur-le-climat-a-lisbonne',
    ]) {
      expect((await view('fr', slug)).status, slug).toBe(404)
    }
    expect(
      (await view('fr', 'la-croissance-du-quatrieme-trimestre-attendue', editorToken)).status,
    ).toBe(200)
    const graph = await newsroom.graphql(
      'query { ArticleView(language: "fr", slug: "la-croissance-du-quatrieme-trimestre-attendue") { article { title } } }',
    )
    expect(graph.body.data.ArticleView).toBeNull()

    const retracted = await view('fr', 'rumeur-de-fusion-entre-deux-plateformes')
    expect(retracted.status).toBe(200)
    expect(retracted.body.article).toMatchObject({
      body: null,
      retracted: { notice: expect.stringMatching(/il est retiré/) },
    })
    // Still described, as retracted: its notice, no body, no image of its own.
    expect(retracted.body.jsonLd).toMatchObject({
      creativeWorkStatus: 'Retracted',
      description: expect.stringMatching(/il est retiré/),
    })
    expect(JSON.stringify(retracted.body.jsonLd)).not.toMatch(/articleBody|\/media\//)
    // A projection that leaves out the workflow state must not bring the body back.
    for (const select of [{ body: 'true' }, { body: 'true', title: 'true' }]) {
      const listed = await newsroom.rest.get('/articles', {
        query: {
          depth: '0',
          ...Object.fromEntries(
            Object.entries(select).map(([field, on]) => [`select[${field}]`, on]),
          ),
          'where[slug][equals]': 'rumeur-de-fusion-entre-deux-plateformes',
        },
      })
      expect(listed.body.docs).toHaveLength(1)
      expect(listed.body.docs[0].body ?? null, JSON.stringify(select)).toBeNull()
    }
    const corrected = await view(
      'fr',
      'resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces',
    )
    expect(corrected.body.jsonLd.correction).toEqual([
      expect.objectContaining({
        '@type': 'CorrectionComment',
        text: expect.stringMatching(/la hausse est de 9 %/),
      }),
    ])
  })

  it('sends the same number of queries whatever the number of disclaimers and corrections', async () => {
    const make = fixtures(newsroom.payload)
    const section = (
      await newsroom.payload.find({ collection: 'sections', where: { slug: { equals: 'monde' } } })
    ).docs[0]!
    const extra = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => make.disclaimer({ kind: 'regulatory' })),
    )
    const counts: Record<string, number> = {}
    for (const [disclaimers, corrections] of [
      [1, 0],
      [3, 0],
      [6, 0],
      [6, 5],
    ] as const) {
      const slug = `vue-${disclaimers}-${corrections}`
      await make.article({
        _status: 'published',
        corrections: Array.from({ length: corrections }, (_, index) => ({
          text: `Correction ${index}`,
          type: 'correction',
        })),
        disclaimers: extra.slice(0, disclaimers).map((disclaimer) => disclaimer.id),
        section: section.id,
        slug,
      })
      await view('fr', slug)
      const before = queries
      expect((await view('fr', slug)).body.article.disclaimers).toHaveLength(disclaimers)
      counts[`${disclaimers} disclaimers, ${corrections} corrections`] = queries - before
    }
    const values = Object.values(counts)
    console.log('queries per render-ready request:', JSON.stringify(counts))
    expect(new Set(values).size, JSON.stringify(counts)).toBe(1)
  })

  const feed = (query: Record<string, string> = {}) =>
    newsroom.rest.get('/articles/feed/fr', { query: { limit: '50', ...query } })
  const articleBySlug = async (slug: string) =>
    (
      await newsroom.payload.find({
        collection: 'articles',
        draft: false,
        where: { slug: { equals: slug } },
      })
    ).docs[0]!

  it('serves feed cards: published, not retracted, pinned first then newest, each drawable without another request', async () => {
    const pinned = await articleBySlug('le-trace-du-futur-tramway-devoile')
    await newsroom.payload.update({
      id: pinned.id,
      collection: 'articles',
      data: { pinned: true, pinnedUntil: null },
    })
    const answer = await feed()
    expect(answer.status).toBe(200)
    const slugs = answer.body.docs.map((doc: any) => doc.slug)
    expect(slugs[0]).toBe('le-trace-du-futur-tramway-devoile')
    expect(answer.body.docs[0].pinned).toBe(true)
    // Exactly the published, non-retracted French articles, as the database holds them.
    const expected = await newsroom.payload.find({
      collection: 'articles',
      limit: 0,
      where: {
        and: [
          { language: { equals: 'fr' } },
          { _status: { equals: 'published' } },
          { workflowState: { equals: 'published' } },
        ],
      },
    })
    expect([...slugs].sort()).toEqual(expected.docs.map((doc) => doc.slug).sort())
    expect(answer.body.totalDocs).toBe(expected.totalDocs)
    expect(slugs).not.toContain('rumeur-de-fusion-entre-deux-plateformes')
    const dates = answer.body.docs.slice(1).map((doc: any) => doc.publishedAt)
    expect(dates).toEqual([...dates].sort().reverse())

    const card = answer.body.docs.find(
      (doc: any) => doc.slug === 'moscou-renforce-la-defense-du-venezuela',
    )
    expect(card).toEqual({
      byline: { authors: [], automated: { disclosure: 'Généré par IA', label: 'robot' } },
      id: expect.anything(),
      language: 'fr',
      origin: 'syndicated',
      pinned: false,
      publishedAt: expect.any(String),
      section: { name: 'Monde', slug: 'monde' },
      slug: 'moscou-renforce-la-defense-du-venezuela',
      source: { name: 'Agence Horizon Presse', slug: expect.any(String) },
      standfirst: expect.any(String),
      summary: { status: 'pending', statusLabel: 'En cours de génération' },
      thumbnail: {
        alt: expect.stringMatching(/^Une carte stylisée/),
        height: expect.any(Number),
        url: expect.stringMatching(/-640x\d+\.png$/),
        width: 640,
      },
      title: expect.any(String),
    })
    expect(answer.body.docs.every((doc: any) => doc.body === undefined)).toBe(true)
    const markets = await feed({ section: 'marches' })
    expect(markets.body.docs.map((doc: any) => doc.slug)).toEqual([
      'resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces',
    ])
    expect(markets.body.docs[0].section).toEqual({ name: 'Marchés', slug: 'marches' })
    // A retracted article leaves the feed but keeps its URL, with its notice.
    expect(
      (await view('fr', 'rumeur-de-fusion-entre-deux-plateformes')).body.article.retracted,
    ).toBeTruthy()
    expect((await newsroom.rest.get('/articles/feed/xx')).status).toBe(404)
  })

  it('drops a pin past pinnedUntil from the top of the feed, as the view does', async () => {
    const expired = await articleBySlug('moscou-renforce-la-defense-du-venezuela')
    const current = await articleBySlug('le-trace-du-futur-tramway-devoile')
    await newsroom.payload.update({
      id: expired.id,
      collection: 'articles',
      data: { pinned: true, pinnedUntil: new Date(Date.now() - 60_000).toISOString() },
    })
    await newsroom.payload.update({
      id: current.id,
      collection: 'articles',
      data: { pinned: true, pinnedUntil: new Date(Date.now() + 3_600_000).toISOString() },
    })
    const docs = (await feed()).body.docs
    expect(docs[0]).toMatchObject({ pinned: true, slug: current.slug })
    const stale = docs.find((doc: any) => doc.slug === expired.slug)
    expect(stale.pinned).toBe(false)
    expect((await view('fr', String(expired.slug))).body.article.pinned).toBe(false)
    // Ordered among the others by date, not first.
    const others = docs.slice(1).map((doc: any) => doc.publishedAt)
    expect(others).toEqual([...others].sort().reverse())
  })

  it('pages through pinned and unpinned articles without losing or repeating one', async () => {
    const whole = (await feed()).body.docs.map((doc: any) => doc.slug)
    // The order, worked out here from what the database holds: pinned now first, then everything
    // else (pins ended among them, by date), newest first in each group.
    const { docs: listed } = await newsroom.payload.find({
      collection: 'articles',
      pagination: false,
      where: {
        and: [
          { language: { equals: 'fr' } },
          { _status: { equals: 'published' } },
          { workflowState: { equals: 'published' } },
        ],
      },
    })
    const pinnedNow = (doc: any) =>
      doc.pinned && (!doc.pinnedUntil || Date.parse(doc.pinnedUntil) > Date.now())
    const newest = (a: any, b: any) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)
    const expected = [
      ...listed.filter(pinnedNow).sort(newest),
      ...listed.filter((doc) => !pinnedNow(doc)).sort(newest),
    ]
    expect(
      listed.some((doc: any) => doc.pinned && !pinnedNow(doc)),
      'an ended pin is among them',
    ).toBe(true)
    expect(whole).toEqual(expected.map((doc: any) => doc.slug))
    for (const limit of [1, 2, 3]) {
      const pages: string[] = []
      for (let page = 1; ; page++) {
        const answer = await feed({ limit: String(limit), page: String(page) })
        expect(answer.body).toMatchObject({ limit, page, totalDocs: whole.length })
        pages.push(...answer.body.docs.map((doc: any) => doc.slug))
        if (!answer.body.hasNextPage) break
      }
      expect(pages, `limit ${limit}`).toEqual(whole)
    }
  })

  it('shows readers the wording approved at publication, not a newer one, until editors re-publish the outdated articles in bulk', async () => {
    const make = fixtures(newsroom.payload)
    const section = (
      await newsroom.payload.find({ collection: 'sections', where: { slug: { equals: 'monde' } } })
    ).docs[0]!
    const disclaimer = await make.disclaimer({
      kind: 'regulatory',
      shortText: 'Première formulation approuvée.',
    })
    const article = await make.article({
      _status: 'published',
      disclaimers: [disclaimer.id],
      section: section.id,
      slug: 'formulation-approuvee',
    })
    const before = (await view('fr', 'formulation-approuvee')).body.article.disclaimers
    expect(before).toEqual([
      expect.objectContaining({
        fullPageUrl: `/fr/avertissement#${disclaimer.key}`,
        key: disclaimer.key,
        text: 'Première formulation approuvée.',
        version: 1,
      }),
    ])

    await newsroom.payload.update({
      id: disclaimer.id,
      collection: 'disclaimers',
      data: { shortText: 'Nouvelle formulation.' },
      locale: 'fr',
    })
    const stored = await newsroom.payload.findByID({
      collection: 'disclaimers',
      id: disclaimer.id,
      locale: 'fr',
    })
    expect(stored).toMatchObject({ shortText: 'Nouvelle formulation.', version: 2 })
    // The public still reads what the publication approved, as the snapshot in the database says.
    expect((await view('fr', 'formulation-approuvee')).body.article.disclaimers).toEqual(before)
    const snapshot = (await newsroom.payload.findByID({ collection: 'articles', id: article.id }))
      .appliedDisclaimers as any[]
    expect(snapshot[0]).toMatchObject({
      texts: { fr: { shortText: 'Première formulation approuvée.' } },
      version: 1,
    })
    // The snapshot is public, who applied it is not.
    const listed = await newsroom.rest.get(`/articles/${article.id}`, { query: { depth: '0' } })
    expect(listed.body.appliedDisclaimers[0]).toMatchObject({ key: disclaimer.key, version: 1 })
    expect(listed.body.appliedDisclaimers[0].appliedBy).toBeUndefined()

    // Editors bring the newer wording to the articles the compliance check lists, through the workflow.
    expect(
      (
        await newsroom.rest.post('/articles/compliance/republish', {
          token: await newsroom.rest.login('writer@newsroom.test', 'newsroom-writer'),
        })
      ).status,
    ).toBe(403)
    const publishEvents = async () =>
      (
        await newsroom.payload.count({
          collection: 'workflow-events',
          where: { and: [{ article: { equals: article.id } }, { action: { equals: 'publish' } }] },
        })
      ).totalDocs
    const eventsBefore = await publishEvents()
    const bulk = await newsroom.rest.post('/articles/compliance/republish', { token: editorToken })
    expect(bulk.status).toBe(200)
    expect(bulk.body.republished.map((entry: any) => entry.slug)).toContain('formulation-approuvee')
    expect((await view('fr', 'formulation-approuvee')).body.article.disclaimers[0]).toMatchObject({
      text: 'Nouvelle formulation.',
      version: 2,
    })
    expect(
      (
        (await newsroom.payload.findByID({ collection: 'articles', id: article.id }))
          .appliedDisclaimers as any[]
      )[0].version,
    ).toBe(2)
    expect(await publishEvents()).toBe(eventsBefore + 1)
    // Up to date now: a second run leaves it alone, and a plain re-publish is still "nothing to publish".
    expect(
      (
        await newsroom.rest.post('/articles/compliance/republish', { token: editorToken })
      ).body.republished.map((entry: any) => entry.slug),
    ).not.toContain('formulation-approuvee')
    expect(
      (
        await newsroom.rest.post(`/articles/${article.id}/workflow`, {
          body: { action: 'publish' },
          token: editorToken,
        })
      ).status,
    ).toBe(409)
    expect(await publishEvents()).toBe(eventsBefore + 1)
  })

  it('serves the Disclaimer page every disclaimer link of the view points at', async () => {
    const page = await newsroom.rest.get('/disclaimers/page/fr')
    expect(page.status).toBe(200)
    expect(page.body.path).toBe('/fr/avertissement')
    // Exactly the disclaimers in force, as the database holds them, with their full French text.
    const approved = await newsroom.payload.find({
      collection: 'disclaimers',
      limit: 0,
      locale: 'fr',
      where: { status: { equals: 'approved' } },
    })
    const inForce = approved.docs.filter(
      (doc: any) => !doc.effectiveTo || new Date(doc.effectiveTo) > new Date(),
    )
    expect(page.body.disclaimers.map((entry: any) => entry.key).sort()).toEqual(
      inForce.map((doc) => doc.key).sort(),
    )
    const thirdParty = page.body.disclaimers.find(
      (entry: any) => entry.key === 'third-party-content',
    )
    expect(thirdParty).toMatchObject({
      anchor: 'third-party-content',
      longText: expect.stringMatching(/^Certains articles de cette page proviennent de tiers/),
      title: 'Contenu de tiers',
    })
    const english = await newsroom.rest.get('/disclaimers/page/en')
    expect(english.body.path).toBe('/en/disclaimer')
    expect(
      english.body.disclaimers.find((entry: any) => entry.key === 'third-party-content').title,
    ).toBe('Third-party content')
    expect((await newsroom.rest.get('/disclaimers/page/xx')).status).toBe(404)

    // Every disclaimer link of every published French article lands on an anchor of that page.
    const anchors = new Set(
      page.body.disclaimers.map((entry: any) => `/fr/avertissement#${entry.anchor}`),
    )
    const published = (await feed()).body.docs
    let links = 0
    for (const card of published) {
      for (const disclaimer of (await view('fr', card.slug)).body.article.disclaimers) {
        links += 1
        expect(anchors, `${card.slug}: ${disclaimer.fullPageUrl}`).toContain(disclaimer.fullPageUrl)
      }
    }
    expect(links).toBeGreaterThan(3)
  })

  it("refuses a disclaimer's full-page link to a path of this site; an external page is kept", async () => {
    const disclaimer = (
      await newsroom.payload.find({
        collection: 'disclaimers',
        where: { key: { equals: 'ai-generated' } },
      })
    ).docs[0]!
    const refused = await newsroom.rest.patch(`/disclaimers/${disclaimer.id}`, {
      body: { fullPageUrl: '/avertissement#ia' },
      token: editorToken,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors.map((error: any) => error.path)).toEqual([
      'fullPageUrl',
    ])
    expect(
      (await newsroom.payload.findByID({ collection: 'disclaimers', id: disclaimer.id }))
        .fullPageUrl ?? null,
    ).toBeNull()
    const kept = await newsroom.rest.patch(`/disclaimers/${disclaimer.id}`, {
      body: { fullPageUrl: 'https://legal.example/ia' },
      token: editorToken,
    })
    expect(kept.status).toBe(200)
    expect(
      (await newsroom.payload.findByID({ collection: 'disclaimers', id: disclaimer.id }))
        .fullPageUrl,
    ).toBe('https://legal.example/ia')
  })

  for (const [policy, robots] of [
    ['original', 'index, follow'],
    ['self', 'index, follow'],
    ['noindex', 'noindex, follow'],
  ] as const) {
    it(`takes a syndicated article's canonical strategy from its source: ${policy}`, async () => {
      const make = fixtures(newsroom.payload)
      const section = (
        await newsroom.payload.find({
          collection: 'sections',
          where: { slug: { equals: 'monde' } },
        })
      ).docs[0]!
      const thirdParty = (
        await newsroom.payload.find({
          collection: 'disclaimers',
          where: { key: { equals: 'third-party-content' } },
        })
      ).docs[0]!
      const source = await make.source({ canonicalPolicy: policy })
      const slug = `politique-${policy}`
      const originalUrl = `https://partenaire.example/${policy}`
      const article = await make.article({
        _status: 'published',
        attribution: { originalUrl, source: source.id, sourceItemId: slug },
        disclaimers: [thirdParty.id],
        origin: 'syndicated',
        section: section.id,
        slug,
      })
      expect(
        (await newsroom.payload.findByID({ collection: 'articles', id: article.id })).attribution
          ?.canonical,
      ).toBe(policy)
      const { seo } = (await view('fr', slug)).body.article
      expect(seo).toEqual({
        canonical: policy,
        canonicalUrl: policy === 'original' ? originalUrl : null,
        robots,
      })
    })
  }

  it('keeps a canonical strategy the editor chooses over the source policy', async () => {
    const make = fixtures(newsroom.payload)
    const source = await make.source({ canonicalPolicy: 'original' })
    const article = await make.article(
      {
        attribution: {
          canonical: 'noindex',
          originalUrl: 'https://partenaire.example/choix',
          source: source.id,
          sourceItemId: 'choix',
        },
        origin: 'syndicated',
      },
      { draft: true },
    )
    expect(
      (await newsroom.payload.findByID({ collection: 'articles', draft: true, id: article.id }))
        .attribution?.canonical,
    ).toBe('noindex')
  })

  it('lets a CDN hold public reads: Cache-Control, a strong ETag, 304 for the same, a new ETag after a correction', async () => {
    const slug = 'moscou-renforce-la-defense-du-venezuela'
    const first = await view('fr', slug)
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    )
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{32}"$/)
    const again = await newsroom.rest.get(`/articles/view/fr/${slug}`, {
      headers: { 'if-none-match': etag },
    })
    expect([again.status, again.text, again.headers.get('etag')]).toEqual([304, '', etag])
    for (const route of ['/articles/feed/fr', '/disclaimers/page/fr']) {
      const answer = await newsroom.rest.get(route)
      expect(answer.headers.get('cache-control'), route).toMatch(/^public, max-age=0, s-maxage=60/)
      expect(
        (
          await newsroom.rest.get(route, {
            headers: { 'if-none-match': `"other", ${answer.headers.get('etag')}` },
          })
        ).status,
      ).toBe(304)
    }

    // A correction changes what readers see: the old tag no longer matches.
    const article = await articleBySlug(slug)
    const corrected = await newsroom.rest.post(`/articles/${article.id}/workflow`, {
      body: { action: 'correct', note: 'Le nom de la ville a été corrigé.' },
      token: editorToken,
    })
    expect(corrected.status).toBe(200)
    const after = await newsroom.rest.get(`/articles/view/fr/${slug}`, {
      headers: { 'if-none-match': etag },
    })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(after.body.article.corrections.at(-1).text).toBe('Le nom de la ville a été corrigé.')
  })

  it('answers a matching If-None-Match with one read of the content revision, and changes the tag with any write the page shows', async () => {
    const slug = 'ecb-holds-rates'
    const first = await view('en', slug)
    const etag = first.headers.get('etag')!
    queries = 0
    const again = await newsroom.rest.get(`/articles/view/en/${slug}`, {
      headers: { 'if-none-match': etag },
    })
    expect([again.status, queries]).toEqual([304, 1])
    queries = 0
    await view('en', slug)
    const fullBuild = queries
    expect(fullBuild).toBeGreaterThan(3)

    // A section, an author or a translation changes what the page shows: each write renews the tag.
    const section = (
      await newsroom.payload.find({
        collection: 'sections',
        where: { slug: { equals: 'economie' } },
      })
    ).docs[0]!
    await newsroom.payload.update({
      collection: 'sections',
      data: { name: 'Economy & Markets' } as never,
      id: section.id,
      locale: 'en',
    })
    const renamed = await newsroom.rest.get(`/articles/view/en/${slug}`, {
      headers: { 'if-none-match': etag },
    })
    expect([renamed.status, renamed.body.article.section.name]).toEqual([200, 'Economy & Markets'])
    const editor = (
      await newsroom.payload.find({
        collection: 'users',
        where: { email: { equals: 'editor@newsroom.test' } },
      })
    ).docs[0]!
    await newsroom.payload.update({
      collection: 'users',
      data: { name: 'Edith Éditrice' } as never,
      id: editor.id,
    })
    const byline = await newsroom.rest.get(`/articles/view/en/${slug}`, {
      headers: { 'if-none-match': renamed.headers.get('etag')! },
    })
    expect([byline.status, byline.body.article.byline.authors[0].name]).toEqual([
      200,
      'Edith Éditrice',
    ])
    // The feed and the Disclaimer page take the same path.
    for (const route of ['/articles/feed/en', '/disclaimers/page/en', '/articles/rss/en']) {
      const answer = await newsroom.rest.get(route)
      queries = 0
      const conditional = await newsroom.rest.get(route, {
        headers: { 'if-none-match': answer.headers.get('etag')! },
      })
      expect([conditional.status, queries], route).toEqual([304, 1])
    }
  })

  it('keeps a public tag until the answer changes with time alone: a pin ending renews it then, not each minute', async () => {
    const article = await articleBySlug('ecb-holds-rates')
    const endsAt = Date.now() + 3_000
    await newsroom.payload.update({
      id: article.id,
      collection: 'articles',
      data: { pinned: true, pinnedUntil: new Date(endsAt).toISOString() },
    })
    const card = (answer: { body: any }) =>
      answer.body.docs.find((doc: any) => doc.slug === 'ecb-holds-rates')
    const pinned = await newsroom.rest.get('/articles/feed/en')
    expect(card(pinned).pinned).toBe(true)
    const etag = pinned.headers.get('etag')!
    const conditional = (tag: string) =>
      newsroom.rest.get('/articles/feed/en', { headers: { 'if-none-match': tag } })
    expect((await conditional(etag)).status).toBe(304)

    // No write happens; the pin's end alone changes the feed, so the old tag must stop matching then.
    await new Promise((resolve) => setTimeout(resolve, Math.max(endsAt - Date.now(), 0) + 100))
    const ended = await conditional(etag)
    expect([ended.status, card(ended).pinned]).toEqual([200, false])
    expect(ended.headers.get('etag')).not.toBe(etag)
    expect((await conditional(ended.headers.get('etag')!)).status).toBe(304)
  })

  it('gives each feed card its featured image at card size, from one media read for the whole page', async () => {
    mediaReads = 0
    const cards = (await feed()).body.docs
    expect(mediaReads).toBe(1)
    const illustrated = cards.filter((card: any) => card.thumbnail)
    expect(illustrated.map((card: any) => card.slug).sort()).toEqual([
      'la-bce-maintient-ses-taux',
      'moscou-renforce-la-defense-du-venezuela',
    ])
    for (const card of illustrated) {
      // The same image the article page shows, its card size (640 wide) and its alt text.
      const { featuredImage } = (await view('fr', card.slug)).body.article
      expect(card.thumbnail).toEqual({ alt: featuredImage.alt, ...featuredImage.sizes.card })
      expect(card.thumbnail).toMatchObject({ alt: expect.stringMatching(/\S/), width: 640 })
    }
    expect(cards.filter((card: any) => !card.thumbnail).length).toBeGreaterThan(0)
  })

  it('never lets a shared cache keep a signed-in or a draft read, nor an error', async () => {
    const signedIn = await view('fr', 'moscou-renforce-la-defense-du-venezuela', editorToken)
    expect([signedIn.headers.get('cache-control'), signedIn.headers.get('etag')]).toEqual([
      'private, no-store',
      null,
    ])
    const draft = await view('fr', 'la-croissance-du-quatrieme-trimestre-attendue', editorToken)
    expect([draft.status, draft.headers.get('cache-control')]).toEqual([200, 'private, no-store'])
    const missing = await view('fr', 'la-croissance-du-quatrieme-trimestre-attendue')
    expect([missing.status, missing.headers.get('cache-control')]).toEqual([404, 'no-store'])
    expect(signedIn.headers.get('vary')).toMatch(/Authorization/)
  })

  it('serves the feed over GraphQL as typed objects, the same as REST, and lets a client select a few fields', async () => {
    const rest = await feed({ limit: '5', section: 'monde' })
    const graph = await newsroom.graphql(
      `query { ArticleFeed(language: "fr", section: "monde", limit: 5) { ${fullFeedSelection} } }`,
    )
    expect(graph.body.errors).toBeUndefined()
    expect(graph.body.data.ArticleFeed).toEqual(rest.body)
    // A card's worth of fields, nothing else comes back.
    const cards = await newsroom.graphql(
      'query { ArticleFeed(language: "fr", limit: 2) { docs { title section { name } byline { automated { label } } } totalDocs } }',
    )
    expect(cards.body.data.ArticleFeed.docs[0]).toEqual({
      byline: expect.any(Object),
      section: expect.any(Object),
      title: expect.any(String),
    })
    expect(Object.keys(cards.body.data.ArticleFeed)).toEqual(['docs', 'totalDocs'])
    expect(
      (await newsroom.graphql('query { ArticleFeed(language: "xx") { totalDocs } }')).body.data
        .ArticleFeed,
    ).toBeNull()
    // A selection the type does not have is refused before anything runs.
    const unknown = await newsroom.graphql(
      'query { ArticleView(language: "fr", slug: "x") { article { password } } }',
    )
    expect(JSON.stringify(unknown.body)).toMatch(
      /Cannot query field ..password.. on type ..NewsroomArticleView/,
    )
  })

  it('answers a standard GraphQL client (graphql-request) selecting a handful of typed fields, with variables', async () => {
    const client = new GraphQLClient('http://localhost/api/graphql', {
      fetch: graphqlRouteFetch(newsroom.config),
    })
    type Answer = {
      ArticleView: {
        article: {
          attribution: { source: { name: string } }
          byline: { automated: { label: string } }
          disclaimers: { key: string }[]
          title: string
        }
      }
    }
    const { ArticleView } = await client.request<Answer>(
      gql`
        query Article($language: String!, $slug: String!) {
          ArticleView(language: $language, slug: $slug) {
            article {
              title
              byline {
                automated {
                  label
                }
              }
              attribution {
                source {
                  name
                }
              }
              disclaimers {
                key
              }
            }
          }
        }
      `,
      { language: 'fr', slug: 'moscou-renforce-la-defense-du-venezuela' },
    )
    expect(ArticleView).toEqual({
      article: {
        attribution: { source: { name: 'Agence Horizon Presse' } },
        byline: { automated: { label: 'robot' } },
        disclaimers: [{ key: 'third-party-content' }, { key: 'ai-generated' }],
        title: 'Moscou renforce la défense du Venezuela',
      },
    })
    // A field the type does not have: the client throws with the server's message.
    await expect(
      client.request('{ ArticleView(language: "fr", slug: "x") { article { password } } }'),
    ).rejects.toThrow(/Cannot query field "password"/)
  })

  it('limits GraphQL query depth', async () => {
    let selection = 'id'
    for (let level = 0; level < 12; level++) selection = `translationOf { ${selection} }`
    const deep = await newsroom.graphql(`{ Articles { docs { ${selection} } } }`)
    // Validation failures come back as a bare list of errors.
    const errors = Array.isArray(deep.body) ? deep.body : deep.body.errors
    expect(errors?.[0]?.message).toMatch(/The query is 14 levels deep; the limit is 10/)
    const shallow = await newsroom.graphql(
      '{ Articles(limit: 1) { docs { translationOf { title } } } }',
    )
    expect(shallow.body.errors).toBeUndefined()
  })
})
