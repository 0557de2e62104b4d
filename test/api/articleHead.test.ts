import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedNewsroom } from '../../seed/seedNewsroom'
import { articleHeadHtml, pluginOptionsOf } from 'payload-newsroom/rules'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { validateHead } from '../helpers/structuredData'

const site = 'http://localhost:3000'
type Doc = Record<string, any>

/**
 * Every kind of article page, checked by an outside validator of Google's article guidance and the
 * Open Graph and Twitter tags (structured-data-testing-tool, see test/helpers/structuredData.ts).
 */
const pageKinds = [
  ['fr', 'la-bce-maintient-ses-taux', 'ours, with an image, translated'],
  ['en', 'ecb-holds-rates', 'a translation without an image'],
  ['fr', 'moscou-renforce-la-defense-du-venezuela', 'syndicated, noindex, with an image'],
  ['en', 'bitcoin-crosses-a-new-threshold', 'syndicated'],
  ['fr', 'resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces', 'corrected'],
  ['fr', 'rumeur-de-fusion-entre-deux-plateformes', 'retracted'],
] as const

describe('the head of every article page', () => {
  let newsroom: TestNewsroom

  beforeAll(async () => {
    newsroom = await startNewsroom()
    await seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const answerOf = async (language: string, slug: string) => {
    const answer = await newsroom.rest.get(`/articles/view/${language}/${slug}`)
    expect(answer.status, slug).toBe(200)
    return answer.body as { article: Doc; head: Doc; jsonLd: Doc }
  }
  const metaOf = (head: Doc, key: string): string[] =>
    head.meta
      .filter((meta: Doc) => meta.name === key || meta.property === key)
      .map((meta: Doc) => meta.content)
  const stored = async (slug: string): Promise<Doc> =>
    (
      await newsroom.payload.find({
        collection: 'articles',
        where: { slug: { equals: slug } },
      })
    ).docs[0]!

  it.each(pageKinds)(
    'passes Google’s, Open Graph’s and Twitter’s checks: %s/%s (%s)',
    async (language, slug) => {
      const { head, jsonLd } = await answerOf(language, slug)
      const report = await validateHead(
        `<!doctype html><html><head>${articleHeadHtml(head as never, jsonLd)}</head><body></body></html>`,
      )
      expect(report.failed).toEqual([])
      expect(report.schemas).toContain('NewsArticle')
      // What is left are the accounts a newsroom names itself (twitter:site, twitter:creator).
      expect(report.warnings.filter((name) => !/^twitter:(site|creator)$/.test(name))).toEqual([])
      const article = await stored(slug)
      expect(metaOf(head, 'og:title')).toEqual([article.title])
      expect(metaOf(head, 'article:published_time')).toEqual([article.publishedAt])
      expect(jsonLd.mainEntityOfPage).toEqual({
        '@id': `${site}/${language}/articles/${slug}`,
        '@type': 'WebPage',
      })
      expect(jsonLd.publisher.logo.url).toBe(`${site}/newsroom-logo.png`)
    },
  )

  it('links translations both ways with hreflang and Open Graph locales, absolute, this page included', async () => {
    const french = (await answerOf('fr', 'la-bce-maintient-ses-taux')).head
    const english = (await answerOf('en', 'ecb-holds-rates')).head
    const alternates = (head: Doc) =>
      head.links
        .filter((link: Doc) => link.rel === 'alternate')
        .map((link: Doc) => [link.hreflang, link.href])
        .sort()
    const family = [
      ['en', `${site}/en/articles/ecb-holds-rates`],
      ['fr', `${site}/fr/articles/la-bce-maintient-ses-taux`],
    ]
    expect(alternates(french)).toEqual(family)
    expect(alternates(english)).toEqual(family)
    expect([metaOf(english, 'og:locale'), metaOf(english, 'og:locale:alternate')]).toEqual([
      ['en_US'],
      ['fr_FR'],
    ])
    // An article without translations has no hreflang set (a lone self-reference says nothing).
    const lone = (await answerOf('fr', 'moscou-renforce-la-defense-du-venezuela')).head
    expect(alternates(lone)).toEqual([])
  })

  it('shares the featured image at the social size, and the publisher’s image when there is none', async () => {
    const illustrated = (await answerOf('fr', 'moscou-renforce-la-defense-du-venezuela')).head
    expect(metaOf(illustrated, 'og:image')[0]).toMatch(/-1200x630\.png$/)
    expect([metaOf(illustrated, 'og:image:width'), metaOf(illustrated, 'og:image:height')]).toEqual(
      [['1200'], ['630']],
    )
    expect(metaOf(illustrated, 'og:image:alt')[0]).toMatch(/^Une carte stylisée/)
    const plain = await answerOf('en', 'ecb-holds-rates')
    expect(plain.article.featuredImage).toBeNull()
    expect(metaOf(plain.head, 'og:image')).toEqual([`${site}/newsroom-share.png`])
    expect(metaOf(plain.head, 'twitter:card')).toEqual(['summary_large_image'])
    expect(plain.jsonLd.image).toEqual([
      { '@type': 'ImageObject', height: '630', url: `${site}/newsroom-share.png`, width: '1200' },
    ])
  })

  it('follows the canonical policy, keeps a noindex copy out of the index, and marks a retraction', async () => {
    const copy = (await answerOf('fr', 'moscou-renforce-la-defense-du-venezuela')).head
    expect(metaOf(copy, 'robots')).toEqual(['noindex, follow'])
    expect(copy.links.find((link: Doc) => link.rel === 'canonical').href).toBe(
      `${site}/fr/articles/moscou-renforce-la-defense-du-venezuela`,
    )
    const retracted = await answerOf('fr', 'rumeur-de-fusion-entre-deux-plateformes')
    expect(metaOf(retracted.head, 'robots')).toEqual(['noindex, follow'])
    expect(retracted.jsonLd.creativeWorkStatus).toBe('Retracted')
    expect(retracted.head.description).toBe(retracted.article.retracted.notice.trim())
    expect(retracted.jsonLd.description).toBe(retracted.article.retracted.notice)
    const own = (await answerOf('fr', 'la-bce-maintient-ses-taux')).head
    expect(metaOf(own, 'robots')).toEqual(['index, follow'])
  })

  it('serves the same head over GraphQL', async () => {
    const rest = await answerOf('en', 'ecb-holds-rates')
    const graph = await newsroom.graphql(
      'query { ArticleView(language: "en", slug: "ecb-holds-rates") { head { description title links { href hreflang rel } meta { content name property } } } }',
    )
    expect(graph.body.errors).toBeUndefined()
    expect(graph.body.data.ArticleView.head).toEqual(rest.head)
  })

  it('names the publisher as a news media organisation with its policies, listed on the Disclaimer page too', async () => {
    const { jsonLd } = await answerOf('fr', 'la-bce-maintient-ses-taux')
    expect(jsonLd.publisher).toEqual({
      '@type': 'NewsMediaOrganization',
      correctionsPolicy: `${site}/fr/corrections`,
      logo: { '@type': 'ImageObject', url: `${site}/newsroom-logo.png` },
      name: 'Newsroom (demo)',
      url: site,
    })
    for (const [language, label] of [
      ['fr', 'Politique de correction'],
      ['en', 'Corrections policy'],
    ]) {
      const page = await newsroom.rest.get(`/disclaimers/page/${language}`)
      expect(page.body.publisher).toEqual({
        name: 'Newsroom (demo)',
        policies: [{ key: 'correctionsPolicy', label, url: `${site}/fr/corrections` }],
        url: site,
      })
    }
  })

  it('writes hostile text as attribute values and text, never as markup', async () => {
    const { head, jsonLd } = await answerOf('en', 'ecb-holds-rates')
    const hostile = '"></title><script>alert(1)</script><meta name="x'
    const html = articleHeadHtml(
      {
        ...head,
        meta: [{ content: hostile, name: 'description', property: null }],
        title: hostile,
      } as never,
      { ...jsonLd, headline: hostile },
    )
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('"><')
    expect(html.match(/<meta /g)).toHaveLength(1)
    const report = await validateHead(`<!doctype html><html><head>${html}</head></html>`)
    expect(report.metatags.description).toEqual([hostile])
  })
})
