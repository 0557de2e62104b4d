import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heading, lexicalDocument, link, paragraph } from 'payload-newsroom/server'
import { expectFieldError } from '../helpers/expectations'
import { fixtures } from '../helpers/fixtures'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'

describe('the content schema', () => {
  let newsroom: TestNewsroom
  let make: ReturnType<typeof fixtures>
  let section: { id: number | string }
  let adminToken: string

  beforeAll(async () => {
    newsroom = await startNewsroom()
    make = fixtures(newsroom.payload)
    section = await make.section({ name: 'Monde' })
    await newsroom.payload.create({
      collection: 'users',
      data: { email: 'admin@newsroom.test', password: 'correct-horse-battery-1', roles: ['admin'] },
    })
    adminToken = await newsroom.rest.login('admin@newsroom.test', 'correct-horse-battery-1')
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  describe('slugs', () => {
    it('derives a transliterated slug from the title and keeps it when the title changes', async () => {
      const article = await make.article({
        section: section.id,
        title: 'Moscou renforce la défense du Venezuela',
      })
      expect(article.slug).toBe('moscou-renforce-la-defense-du-venezuela')
      const renamed = await newsroom.payload.update({
        id: article.id,
        collection: 'articles',
        data: { title: 'Moscou renforce encore la défense du Venezuela' },
      })
      expect(renamed.slug).toBe('moscou-renforce-la-defense-du-venezuela')
    })

    it('keeps slugs unique per language, not across languages', async () => {
      await make.article({ language: 'fr', section: section.id, title: 'Marchés en hausse' })
      await expectFieldError(
        make.article(
          { language: 'fr', section: section.id, title: 'Marchés en hausse' },
          { draft: true },
        ),
        'slug',
        /already uses this slug/,
      )
      const english = await make.article({
        language: 'en',
        section: section.id,
        slug: 'marches-en-hausse',
        title: 'Markets up',
      })
      expect(english.slug).toBe('marches-en-hausse')
    })

    it('refuses a malformed slug, even in a draft', async () => {
      await expectFieldError(
        make.article({ section: section.id, slug: 'Pas Un Slug' }, { draft: true }),
        'slug',
        /lowercase letters/,
      )
    })
  })

  describe('links', () => {
    it.each(['javascript:alert(1)', 'data:text/html,hi', 'ftp://files.example/x', 'not a url'])(
      'refuses %s as the original URL, even in a draft',
      async (url) => {
        await expectFieldError(
          make.article(
            { attribution: { originalUrl: url }, origin: 'syndicated', section: section.id },
            { draft: true },
          ),
          'attribution.originalUrl',
          /http:\/\/ or https:\/\//,
        )
      },
    )

    it('refuses javascript: links in the body and accepts http, https and mailto', async () => {
      const body = (url: string) =>
        lexicalDocument([heading('h2', 'Liens'), paragraph('Voir ', link(url, 'ici'), '.')])
      await expectFieldError(
        make.article(
          { body: body('javascript:alert(document.cookie)'), section: section.id },
          { draft: true },
        ),
        'body',
        /javascript:alert/,
      )
      for (const url of [
        'https://example.org/a',
        'http://example.org/b',
        'mailto:redaction@example.org',
      ]) {
        const article = await make.article(
          { body: body(url), section: section.id },
          { draft: true },
        )
        expect(JSON.stringify(article.body)).toContain(url)
      }
    })

    it('answers a bad URL over REST with a 400 naming the field, in French when asked', async () => {
      const response = await newsroom.rest.post('/articles', {
        body: {
          attribution: { originalUrl: 'javascript:alert(1)' },
          language: 'fr',
          origin: 'syndicated',
          section: section.id,
          title: 'Lien piégé',
        },
        headers: { 'accept-language': 'fr' },
        query: { draft: 'true' },
        token: adminToken,
      })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].data.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/adresse web complète/),
          path: 'attribution.originalUrl',
        }),
      ])
    })
  })

  describe('sources and attribution', () => {
    it('keeps a source item ID unique per source, so re-ingesting never duplicates', async () => {
      const [wire, partner] = await Promise.all([
        make.source(),
        make.source({ category: 'partner' }),
      ])
      const attribution = (source: { id: number | string }) => ({
        originalUrl: 'https://wire.example/item/42',
        source: source.id,
        sourceItemId: 'item-42',
      })
      await make.article(
        { attribution: attribution(wire), origin: 'syndicated', section: section.id },
        { draft: true },
      )
      await expectFieldError(
        make.article(
          { attribution: attribution(wire), origin: 'syndicated', section: section.id },
          { draft: true },
        ),
        'attribution.sourceItemId',
        /already exists/,
      )
      const fromPartner = await make.article(
        { attribution: attribution(partner), origin: 'syndicated', section: section.id },
        { draft: true },
      )
      expect(fromPartner.attribution?.sourceItemId).toBe('item-42')
    })

    it('requires attribution only when syndicated, and only to publish', async () => {
      // A syndicated draft may be incomplete…
      const draft = await make.article(
        { origin: 'syndicated', section: section.id },
        { draft: true },
      )
      expect(draft._status).toBe('draft')
      // …but cannot be published without its source and original URL.
      await expectFieldError(
        newsroom.payload.update({
          id: draft.id,
          collection: 'articles',
          data: { _status: 'published' },
        }),
        'attribution.source',
      )
      // An original article needs no attribution at all.
      const original = await make.article({ _status: 'published', section: section.id })
      expect(original._status).toBe('published')
    })

    it("fills credit, canonical and the 'view original' label from the source and the article's language", async () => {
      const source = await make.source({
        copyrightHolder: 'Agence Exemple SA',
        creditLine: 'Agence Exemple',
      })
      await newsroom.payload.update({
        id: source.id,
        collection: 'sources',
        data: { creditLine: 'Example Agency' },
        locale: 'en',
      })
      const attribution = { originalUrl: 'https://wire.example/x', source: source.id }
      const french = await make.article(
        { attribution, origin: 'syndicated', section: section.id },
        { draft: true },
      )
      const english = await make.article(
        { attribution, language: 'en', origin: 'syndicated', section: section.id },
        { draft: true },
      )
      expect(french.attribution).toMatchObject({
        canonical: 'noindex',
        copyrightHolder: 'Agence Exemple SA',
        creditText: 'Agence Exemple',
        viewOriginalLabel: 'Voir l’original',
      })
      expect(english.attribution).toMatchObject({
        creditText: 'Example Agency',
        viewOriginalLabel: 'View original',
      })
      const original = await make.article({ section: section.id }, { draft: true })
      expect(original.attribution?.canonical).toBe('self')
    })
  })

  describe('languages and translations', () => {
    it('links translations both ways and refuses a second translation into the same language', async () => {
      const french = await make.article({
        language: 'fr',
        section: section.id,
        title: 'La BCE maintient ses taux',
      })
      const english = await make.article({
        language: 'en',
        section: section.id,
        title: 'ECB holds rates',
        translationOf: french.id,
      })
      const withTranslations = await newsroom.payload.findByID({
        id: french.id,
        collection: 'articles',
      })
      expect((withTranslations.translations?.docs ?? []).map((doc: any) => doc.id ?? doc)).toEqual([
        english.id,
      ])

      await expectFieldError(
        make.article({
          language: 'en',
          section: section.id,
          title: 'ECB keeps rates',
          translationOf: french.id,
        }),
        'language',
        /already has a translation in this language/,
      )
      await expectFieldError(
        make.article({
          language: 'fr',
          section: section.id,
          title: 'La BCE, encore',
          translationOf: french.id,
        }),
        'translationOf',
        /another language/,
      )
    })
  })

  describe('sections', () => {
    it('refuses a parent that would make a cycle', async () => {
      const world = await make.section({ name: 'Monde entier' })
      const europe = await make.section({ name: 'Europe', parent: world.id })
      const france = await make.section({ name: 'France', parent: europe.id })
      await expectFieldError(
        newsroom.payload.update({
          id: world.id,
          collection: 'sections',
          data: { parent: france.id },
        }),
        'parent',
        /under itself/,
      )
      await expectFieldError(
        newsroom.payload.update({
          id: world.id,
          collection: 'sections',
          data: { parent: world.id },
        }),
        'parent',
      )
      const moved = await newsroom.payload.update({
        id: france.id,
        collection: 'sections',
        data: { parent: world.id },
      })
      expect(moved.parent).toMatchObject({ id: world.id })
    })
  })

  describe('disclaimers', () => {
    it('bumps the version when the wording changes in any locale, and only then', async () => {
      const disclaimer = await make.disclaimer()
      expect(disclaimer.version).toBe(1)
      const frenchHash = disclaimer.contentHash

      const statusOnly = await newsroom.payload.update({
        id: disclaimer.id,
        collection: 'disclaimers',
        data: {
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          fullPageUrl: 'https://legal.example/avertissement',
        },
      })
      expect(statusOnly.version).toBe(1)
      expect(statusOnly.contentHash).toBe(frenchHash)

      const english = await newsroom.payload.update({
        id: disclaimer.id,
        collection: 'disclaimers',
        data: {
          shortText: 'This article may include third-party content.',
          title: 'Third-party content',
        },
        locale: 'en',
      })
      // The first English wording replaces nothing a reader saw: still version 1 (issue: seeded disclaimers said 2).
      expect(english.version).toBe(1)
      expect(english.contentHash).not.toBe(frenchHash)

      const englishReworded = await newsroom.payload.update({
        id: disclaimer.id,
        collection: 'disclaimers',
        data: { shortText: 'This article may contain third-party content.' },
        locale: 'en',
      })
      expect(englishReworded.version).toBe(2)

      const reworded = await newsroom.payload.update({
        id: disclaimer.id,
        collection: 'disclaimers',
        data: { shortText: 'Cet article peut contenir du contenu de tiers.' },
        locale: 'fr',
      })
      expect(reworded.version).toBe(3)
      expect(reworded.contentHash).not.toBe(frenchHash)
    })

    it('returns texts per locale, falling back to French where English is missing', async () => {
      const disclaimer = await make.disclaimer({ longText: 'Texte complet de l’avertissement.' })
      await newsroom.payload.update({
        id: disclaimer.id,
        collection: 'disclaimers',
        data: { shortText: 'May include third-party content.', title: 'Third-party content' },
        locale: 'en',
      })
      const english = await newsroom.payload.findByID({
        id: disclaimer.id,
        collection: 'disclaimers',
        locale: 'en',
      })
      expect(english.shortText).toBe('May include third-party content.')
      expect(english.longText).toBe('Texte complet de l’avertissement.')
      const anonymous = await newsroom.rest.get(`/disclaimers/${disclaimer.id}`, {
        query: { locale: 'en' },
      })
      expect(anonymous.status).toBe(200)
      expect(anonymous.body.longText).toBe('Texte complet de l’avertissement.')
    })

    it('never changes the key of an approved disclaimer', async () => {
      const disclaimer = await make.disclaimer()
      await expectFieldError(
        newsroom.payload.update({
          id: disclaimer.id,
          collection: 'disclaimers',
          data: { key: 'renamed' },
        }),
        'key',
        /can no longer change/,
      )
    })
  })

  describe('public reads', () => {
    it('shows the public published articles only', async () => {
      const draft = await make.article(
        { section: section.id, title: 'Brouillon secret' },
        { draft: true },
      )
      const anonymous = await newsroom.rest.get(`/articles/${draft.id}`)
      expect(anonymous.status).toBe(404)
      const list = await newsroom.rest.get('/articles', { query: { limit: '100' } })
      expect(list.body.docs.every((doc: any) => doc._status === 'published')).toBe(true)
      expect(list.body.docs.length).toBeGreaterThan(0)
    })
  })
})
