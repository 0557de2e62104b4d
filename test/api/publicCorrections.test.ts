import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedNewsroom } from '../../seed/seedNewsroom'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { validateXml } from '../helpers/xmlFormats'

const site = 'http://localhost:3000'
type Doc = Record<string, any>

describe('the public list of corrections, with its RSS and Atom feeds', () => {
  let newsroom: TestNewsroom
  let editorToken: string

  beforeAll(async () => {
    newsroom = await startNewsroom()
    await seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))
    editorToken = await newsroom.rest.login('editor@newsroom.test', 'newsroom-editor')
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const articleBySlug = async (slug: string): Promise<Doc> =>
    (
      await newsroom.payload.find({
        collection: 'articles',
        draft: true,
        where: { slug: { equals: slug } },
      })
    ).docs[0]!
  const correct = async (slug: string, note: string) => {
    const answer = await newsroom.rest.post(
      `/articles/${(await articleBySlug(slug)).id}/workflow`,
      {
        body: { action: 'correct', note },
        token: editorToken,
      },
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  }
  /** What the list must hold, worked out from the database: every entry of a published article. */
  const expectedEntries = async (language: string) => {
    const { docs } = await newsroom.payload.find({
      collection: 'articles',
      pagination: false,
      where: {
        and: [{ _status: { equals: 'published' } }, { language: { equals: language } }],
      },
    })
    return docs
      .flatMap((article: Doc) =>
        (article.corrections ?? []).map((entry: Doc) => ({
          at: entry.at,
          slug: article.slug,
          text: entry.text,
          type: entry.type,
        })),
      )
      .sort((a: Doc, b: Doc) => Date.parse(b.at) - Date.parse(a.at))
  }

  it('lists every correction and retraction of published articles in a language, newest first, with article, date and note', async () => {
    await correct('la-bce-maintient-ses-taux', 'Le taux de dépôt est de 2 %, et non de 2,5 %.')
    const answer = await newsroom.rest.get('/articles/corrections/fr')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=60/)
    const { entries, pageUrl, title } = answer.body
    expect([pageUrl, title]).toEqual([`${site}/fr/corrections`, 'Corrections et retraits'])
    expect(
      entries.map((entry: Doc) => ({
        at: entry.at,
        slug: entry.article.slug,
        text: entry.text,
        type: entry.type,
      })),
    ).toEqual(await expectedEntries('fr'))
    // The newest is the one just made; the seeded correction and retraction are there too.
    expect(entries[0]).toMatchObject({
      article: {
        title: 'La BCE maintient ses taux',
        url: `${site}/fr/articles/la-bce-maintient-ses-taux`,
      },
      text: 'Le taux de dépôt est de 2 %, et non de 2,5 %.',
      type: 'correction',
      typeLabel: 'Correction',
    })
    expect(entries.map((entry: Doc) => [entry.article.slug, entry.typeLabel])).toEqual(
      expect.arrayContaining([
        ['resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces', 'Correction'],
        ['rumeur-de-fusion-entre-deux-plateformes', 'Retrait'],
      ]),
    )
    // English has its own list, without the French entries.
    const english = await newsroom.rest.get('/articles/corrections/en')
    expect(english.body.entries.map((entry: Doc) => entry.article.slug)).toEqual(
      (await expectedEntries('en')).map((entry: Doc) => entry.slug),
    )
    expect(english.body.title).toBe('Corrections and retractions')
    for (const unknown of ['xx', 'constructor', '%00']) {
      expect((await newsroom.rest.get(`/articles/corrections/${unknown}`)).status, unknown).toBe(
        404,
      )
    }
  })

  it('never shows a correction of an article the public cannot read', async () => {
    const draft = await articleBySlug('la-croissance-du-quatrieme-trimestre-attendue')
    expect(draft._status).toBe('draft')
    await newsroom.payload.update({
      collection: 'articles',
      data: {
        corrections: [
          {
            at: new Date().toISOString(),
            text: 'Brouillon : à ne pas montrer.',
            type: 'correction',
          },
        ],
      },
      draft: true,
      id: draft.id,
    })
    const { entries } = (await newsroom.rest.get('/articles/corrections/fr')).body
    expect(JSON.stringify(entries)).not.toContain('Brouillon : à ne pas montrer.')
    expect(entries.map((entry: Doc) => entry.article.slug)).not.toContain(draft.slug)
  })

  it('serves the list as valid RSS 2.0 and Atom, one entry per correction, hostile notes kept as text', async () => {
    const hostile = 'Note </script><script>alert(1)</script> ]]> & <b>gras</b>'
    await correct('moscou-renforce-la-defense-du-venezuela', hostile)
    const expected = await expectedEntries('fr')
    for (const format of ['rss', 'atom'] as const) {
      const answer = await newsroom.rest.get(`/articles/corrections/fr/${format}`)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toBe(`application/${format}+xml; charset=utf-8`)
      expect(await validateXml(answer.text, format)).toEqual([])
      const entries = answer.text.split(format === 'rss' ? '<item>' : '<entry>').slice(1)
      expect(entries).toHaveLength(expected.length)
      expect(entries[0]).toContain('moscou-renforce-la-defense-du-venezuela')
      expect(answer.text).not.toContain('<script>')
      expect(answer.text).not.toContain('<b>gras')
    }
    const rss = (await newsroom.rest.get('/articles/corrections/fr/rss')).text
    // The note as a reader's HTML shows it: escaped once more inside the description.
    expect(rss).toContain('alert(1)')
    expect((await newsroom.rest.get('/articles/corrections/xx/rss')).status).toBe(404)
  })

  it('links a corrected article to the list, and an article never corrected not', async () => {
    const corrected = await newsroom.rest.get('/articles/view/fr/la-bce-maintient-ses-taux')
    expect(corrected.body.article.correctionsPage).toBe('/fr/corrections')
    // JSON-LD dates each correction.
    expect(corrected.body.jsonLd.correction.at(-1)).toMatchObject({
      '@type': 'CorrectionComment',
      datePublished: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    const plain = await newsroom.rest.get('/articles/view/en/ecb-holds-rates')
    expect(plain.body.article.corrections).toEqual([])
    expect(plain.body.article.correctionsPage).toBeNull()
  })
})
