import { createLocalReq } from 'payload'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadRobotsTxt, loadTextAndDataMiningRules } from 'payload-newsroom/server'
import robotsParser from 'robots-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * Text and data mining follows the licences: an article whose source's licence does not allow it
 * carries the reservation on its own URL (TDMRep header and meta), in `tdmrep.json` and in
 * robots.txt for AI crawlers; our own articles follow the publisher's option (reserved by default).
 */
describe('text and data mining reservations', () => {
  const suite = newsroomSuite()
  const run = process.pid.toString(36)
  const slugs = {
    allowed: `communique-minable-${run}`,
    allowedDraft: `communique-en-attente-${run}`,
    own: `article-maison-${run}`,
    reserved: `depeche-reservee-${run}`,
  }
  let allowingSource: number | string

  beforeAll(async () => {
    const { basics } = suite
    allowingSource = (
      await basics.make.source({
        creditLine: 'Communiqués Libres',
        name: `Communiqués Libres ${run}`,
        textAndDataMining: 'allowed',
      })
    ).id
    const fromAllowing = (slug: string) => ({
      attribution: {
        originalUrl: `https://communiques.example/${slug}`,
        source: allowingSource,
        sourceItemId: slug,
      },
      slug,
    })
    await basics.syndicated({ _status: 'published', ...fromAllowing(slugs.allowed) })
    await basics.syndicated({ ...fromAllowing(slugs.allowedDraft) }, { draft: true })
    await basics.syndicated({ _status: 'published', slug: slugs.reserved })
    await basics.make.article({ _status: 'published', section: basics.world.id, slug: slugs.own })
  })

  const view = (slug: string) => suite.newsroom.rest.get(`/articles/view/fr/${slug}`)
  const metaNamed = (body: any, name: string) =>
    body.head.meta.find((meta: { name: null | string }) => meta.name === name)?.content

  it('says on each article’s view, in headers and head, whether it may be mined', async () => {
    const expected = { [slugs.allowed]: '0', [slugs.own]: '1', [slugs.reserved]: '1' }
    for (const [slug, reservation] of Object.entries(expected)) {
      const answer = await view(slug)
      expect(answer.status, slug).toBe(200)
      expect(answer.headers.get('tdm-reservation'), slug).toBe(reservation)
      expect(metaNamed(answer.body, 'tdm-reservation'), slug).toBe(reservation)
      expect(answer.body.article.textAndDataMining).toEqual({
        policyUrl: null,
        reserved: reservation === '1',
      })
    }
    const graphql = await suite.newsroom.graphql(
      `query { ArticleView(language: "fr", slug: "${slugs.allowed}") { article { textAndDataMining { reserved } } head { meta { name content } } } }`,
    )
    expect(graphql.body.data.ArticleView.article.textAndDataMining.reserved).toBe(false)
    expect(metaNamed(graphql.body.data.ArticleView, 'tdm-reservation')).toBe('0')
  })

  it('lists the published exceptions, then every article path as the publisher chose, in tdmrep.json', async () => {
    const answer = await suite.newsroom.rest.get('/articles/tdmrep')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toMatch(/^public/)
    // The draft from the same source is nobody's business yet; the reserved wire copy is covered by the wildcard.
    expect(answer.body).toEqual([
      { location: `/fr/articles/${slugs.allowed}`, 'tdm-reservation': 0 },
      { location: '/fr/articles/*', 'tdm-reservation': 1 },
      { location: '/en/articles/*', 'tdm-reservation': 1 },
    ])
  })

  it('turns the other way when the publisher allows mining its own articles', async () => {
    const { payload } = suite.newsroom
    const options = pluginOptionsOf(payload.config)
    const open = {
      ...options,
      frontend: {
        ...options.frontend,
        textAndDataMining: { ...options.frontend.textAndDataMining, reserved: false },
      },
    }
    const rules = await loadTextAndDataMiningRules(await createLocalReq({}, payload), open)
    expect(rules).toEqual([
      {
        location: `/fr/articles/${slugs.reserved}`,
        reservation: { policyUrl: null, reserved: true },
      },
      { location: '/fr/articles/*', reservation: { policyUrl: null, reserved: false } },
      { location: '/en/articles/*', reservation: { policyUrl: null, reserved: false } },
    ])
    const robots = robotsParser(
      'http://localhost:3000/robots.txt',
      await loadRobotsTxt(await createLocalReq({}, payload), open),
    )
    const page = (slug: string) => `http://localhost:3000/fr/articles/${slug}`
    expect(robots.isAllowed(page(slugs.reserved), 'GPTBot')).toBe(false)
    expect(robots.isAllowed(page(slugs.own), 'GPTBot')).toBe(true)
    expect(robots.isAllowed(page(slugs.reserved), 'Googlebot')).toBe(true)
  })

  it('keeps AI crawlers off reserved articles in robots.txt, and lets them read the allowed one', async () => {
    const { payload } = suite.newsroom
    const text = await loadRobotsTxt(
      await createLocalReq({}, payload),
      pluginOptionsOf(payload.config),
    )
    const robots = robotsParser('http://localhost:3000/robots.txt', text)
    const page = (slug: string) => `http://localhost:3000/fr/articles/${slug}`
    for (const crawler of ['GPTBot', 'ClaudeBot', 'CCBot', 'Google-Extended']) {
      expect(robots.isAllowed(page(slugs.reserved), crawler), crawler).toBe(false)
      expect(robots.isAllowed(page(slugs.own), crawler), crawler).toBe(false)
      expect(robots.isAllowed(page(slugs.allowed), crawler), crawler).toBe(true)
    }
    expect(robots.isAllowed(page(slugs.reserved), 'Googlebot')).toBe(true)
    expect(robots.getSitemaps()).toHaveLength(2)
  })

  it('a source’s licence term is public, checked, and a bad one writes nothing', async () => {
    const { newsroom, staff } = suite
    const refused = await newsroom.rest.patch(`/sources/${allowingSource}`, {
      body: { textAndDataMining: 'maybe' },
      token: staff.editor.token,
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('textAndDataMining')
    const stored = await newsroom.payload.findByID({
      collection: 'sources',
      id: allowingSource,
      depth: 0,
    })
    expect(stored.textAndDataMining).toBe('allowed')
    const anonymous = await newsroom.rest.get(`/sources/${allowingSource}`)
    expect(anonymous.body.textAndDataMining).toBe('allowed')
    // A source suspended since: its articles are no longer named as minable.
    await newsroom.payload.update({
      collection: 'sources',
      id: allowingSource,
      data: { status: 'suspended' },
    })
    const after = await newsroom.rest.get('/articles/tdmrep')
    expect(after.body.map((rule: { location: string }) => rule.location)).toEqual([
      '/fr/articles/*',
      '/en/articles/*',
    ])
    expect((await view(slugs.allowed)).headers.get('tdm-reservation')).toBe('1')
  })
})
