import type { Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'

import { seedNewsroom } from '../../seed/seedNewsroom'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { fixtures } from '../helpers/fixtures'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { validateXml } from '../helpers/xmlFormats'

const site = 'http://localhost:3000'
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!)

describe('RSS, Atom and sitemaps for the outside world', () => {
  let newsroom: TestNewsroom
  /** A seeded section: publishing requires one. */
  let section: number | string

  beforeAll(async () => {
    newsroom = await startNewsroom()
    await seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))
    section = (
      await newsroom.payload.find({
        collection: 'sections',
        where: { slug: { equals: 'economie' } },
      })
    ).docs[0]!.id
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  /** The articles a list must show, read from the database with access overridden. */
  const listed = async (where: Where = {}) =>
    (
      await newsroom.payload.find({
        collection: 'articles',
        depth: 0,
        overrideAccess: true,
        pagination: false,
        where: {
          and: [
            { _status: { equals: 'published' } },
            { workflowState: { equals: 'published' } },
            where,
          ],
        },
      })
    ).docs as Record<string, any>[]
  const urlOf = (article: Record<string, any>) =>
    `${site}/${article.language}/articles/${article.slug}`

  it('serves valid RSS 2.0 and Atom per language: the published, non-retracted articles, newest first', async () => {
    const french = (await listed({ language: { equals: 'fr' } })).sort(
      (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
    )
    expect(french.length).toBeGreaterThan(2)
    for (const format of ['rss', 'atom'] as const) {
      const answer = await newsroom.rest.get(`/articles/${format}/fr`)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toBe(`application/${format}+xml; charset=utf-8`)
      expect(answer.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=60/)
      expect(await validateXml(answer.text, format)).toEqual([])
      // Entry links: RSS's <link> after the channel's own, Atom's entry <link href> (the feed's carry a rel first).
      const links =
        format === 'rss'
          ? [...answer.text.matchAll(/<link>([^<]*)<\/link>/g)].slice(1)
          : [...answer.text.matchAll(/<link href="([^"]*)"\/>/g)]
      expect(
        links.map((match) => match[1]),
        format,
      ).toEqual(french.map(urlOf))
      expect(answer.text).not.toContain('rumeur-de-fusion-entre-deux-plateformes')
    }
    const atom = (await newsroom.rest.get('/articles/atom/fr')).text
    // The automated byline is named as the author; a syndicated entry names its owner.
    expect(atom).toMatch(
      /<entry>(?:(?!<\/entry>).)*moscou-renforce-la-defense-du-venezuela(?:(?!<\/entry>).)*<name>robot<\/name>/s,
    )
    expect(atom).toMatch(/<rights>Agence Horizon Presse<\/rights>/)
  })

  it('serves a section feed, and answers 404 for a language or section that does not exist', async () => {
    const monde = (
      await newsroom.payload.find({ collection: 'sections', where: { slug: { equals: 'monde' } } })
    ).docs[0]!
    const inSection = await listed({
      and: [{ language: { equals: 'fr' } }, { section: { equals: monde.id } }],
    })
    const answer = await newsroom.rest.get('/articles/rss/fr', { query: { section: 'monde' } })
    expect(await validateXml(answer.text, 'rss')).toEqual([])
    expect((answer.text.match(/<item>/g) ?? []).length).toBe(inSection.length)
    expect(answer.text).toContain('<title>Newsroom (demo) · Monde</title>')
    expect((await newsroom.rest.get('/articles/rss/xx')).status).toBe(404)
    expect(
      (await newsroom.rest.get('/articles/atom/fr', { query: { section: 'nowhere' } })).status,
    ).toBe(404)
  })

  it('keeps hostile text inside its element, as text: valid documents, no markup a reader would run', async () => {
    const title = 'Fin]]> <script>alert(1)</script> ]]><item>&amp; “citation”'
    await fixtures(newsroom.payload).article({
      _status: 'published',
      language: 'en',
      section,
      standfirst: 'A ]]> B ]]> C <b>gras</b>',
      title,
    })
    const rss = (await newsroom.rest.get('/articles/rss/en')).text
    expect(await validateXml(rss, 'rss')).toEqual([])
    const item = create(rss).end({ format: 'object' }) as any
    const hostile = [item.rss.channel.item]
      .flat()
      .find((entry: any) => String(entry.link).includes('/fin-'))
    // RSS titles are text: the editor's words (the `]]>` that would end the section broken up); descriptions are HTML: escaped.
    expect(hostile.title.$).toBe(title.replaceAll(']]>', ']] >'))
    expect(hostile.description.$).toBe('A ]] &gt; B ]] &gt; C &lt;b&gt;gras&lt;/b&gt;')
    expect([item.rss.channel.item].flat()).toHaveLength(
      (await listed({ language: { equals: 'en' } })).length,
    )

    const atom = (await newsroom.rest.get('/articles/atom/en')).text
    expect(await validateXml(atom, 'atom')).toEqual([])
    // Atom's title and summary are HTML: no tag of ours or the editor's survives unescaped.
    expect(atom).not.toMatch(/<script|<b>|<item>/)
    expect(atom).toContain(
      'Fin]] &gt; &lt;script&gt;alert(1)&lt;/script&gt; ]] &gt;&lt;item&gt;&amp;amp; “citation”',
    )
  })

  it('lists in the sitemap exactly the indexable articles: not drafts, retracted or syndicated copies marked noindex or pointing at the original', async () => {
    const index = await newsroom.rest.get('/articles/sitemap')
    expect(index.status).toBe(200)
    expect(await validateXml(index.text, 'sitemapIndex')).toEqual([])
    expect(locs(index.text)).toEqual(['http://localhost/api/articles/sitemap/1'])

    const page = await newsroom.rest.get('/articles/sitemap/1')
    expect(page.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(await validateXml(page.text, 'sitemap')).toEqual([])
    const published = await listed()
    const indexable = published.filter(
      (article) =>
        (article.attribution?.canonical ??
          (article.origin === 'syndicated' ? 'noindex' : 'self')) === 'self',
    )
    expect(locs(page.text).sort()).toEqual(indexable.map(urlOf).sort())
    // Seeded cases by name: our own article in, the syndicated wire copy (noindex) and the retraction out.
    expect(locs(page.text)).toContain(`${site}/en/articles/ecb-holds-rates`)
    expect(page.text).not.toContain('moscou-renforce-la-defense-du-venezuela')
    expect(page.text).not.toContain('rumeur-de-fusion-entre-deux-plateformes')
    expect(published.some((article) => article.origin === 'syndicated')).toBe(true)
    expect((await newsroom.rest.get('/articles/sitemap/2')).status).toBe(404)
    expect((await newsroom.rest.get('/articles/sitemap/0')).status).toBe(404)
  })

  it('puts a syndicated copy whose source lets us be canonical in the sitemap, and one pointing at the original not', async () => {
    const { article, source } = fixtures(newsroom.payload)
    const partner = await source({ canonicalPolicy: 'self' })
    const attribution = (id: string) => ({
      originalUrl: `https://partenaire.example/${id}`,
      source: partner.id,
      sourceItemId: id,
    })
    const ours = await article({
      _status: 'published',
      section,
      attribution: attribution('a'),
      origin: 'syndicated',
    })
    const theirs = await article({
      _status: 'published',
      section,
      attribution: { ...attribution('b'), canonical: 'original' },
      origin: 'syndicated',
    })
    const page = (await newsroom.rest.get('/articles/sitemap/1')).text
    expect(locs(page)).toContain(urlOf(ours))
    expect(locs(page)).not.toContain(urlOf(theirs))
  })

  it('lists in the Google News sitemap the indexable articles of the last 48 hours, with publication name and language', async () => {
    const { article } = fixtures(newsroom.payload)
    const old = await article({ _status: 'published', section, title: 'Une nouvelle d’avant-hier' })
    await newsroom.payload.update({
      id: old.id,
      collection: 'articles',
      data: { publishedAt: new Date(Date.now() - 49 * 3_600_000).toISOString() } as never,
    })
    const fresh = await article({
      _status: 'published',
      section,
      language: 'en',
      title: 'Fresh & <new>',
    })
    const answer = await newsroom.rest.get('/articles/news-sitemap')
    expect(await validateXml(answer.text, 'newsSitemap')).toEqual([])
    const since = Date.now() - 48 * 3_600_000
    const recent = (
      await listed({ publishedAt: { greater_than: new Date(since).toISOString() } })
    ).filter(
      (doc) =>
        (doc.attribution?.canonical ?? (doc.origin === 'syndicated' ? 'noindex' : 'self')) ===
        'self',
    )
    expect(locs(answer.text).sort()).toEqual(recent.map(urlOf).sort())
    expect(locs(answer.text)).toContain(urlOf(fresh))
    expect(locs(answer.text)).not.toContain(urlOf(old))
    expect(answer.text).toContain('<news:title>Fresh &amp; &lt;new&gt;</news:title>')
    expect(answer.text).toMatch(
      /<news:publication><news:name>Newsroom \(demo\)<\/news:name><news:language>en<\/news:language>/,
    )
  })
})
