import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureReferenceData, syntheticReferences } from '../../seed/referenceData'
import { sampleArticles } from '../../seed/sampleArticles'
import { seedNewsroom } from '../../seed/seedNewsroom'
import { generateSyntheticArticles, syntheticArticleData } from '../../seed/synthetic'
import { checkCompliance } from 'payload-newsroom/server'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'

describe('the seed', () => {
  let newsroom: TestNewsroom
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        (
          ['users', 'sections', 'disclaimers', 'sources', 'articles', 'workflow-events'] as const
        ).map(async (collection) => [
          collection,
          (await newsroom.payload.count({ collection })).totalDocs,
        ]),
      ),
    )
  const seed = async () => seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))

  beforeAll(async () => {
    newsroom = await startNewsroom()
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  it('creates the demo newsroom, and running it again changes nothing', async () => {
    await seed()
    const first = await counts()
    // The sample articles, and the fictional wire's four items (its fourth scheduled for its embargo's end).
    expect(first).toMatchObject({
      articles: sampleArticles.length + 4,
      disclaimers: 3,
      sections: 5,
      sources: 5,
      users: 4,
    })
    const again = await seed()
    expect(await counts()).toEqual(first)
    expect(again.lines).toContain(`articles: 0 created, ${sampleArticles.length} already present`)
    expect(again.lines).toContain(
      'wire ingest (Néo-Wire, ninjs): 0 created, 4 unchanged, 0 held under embargo, 0 refused',
    )
    const wire = await newsroom.payload.find({
      collection: 'articles',
      depth: 0,
      sort: 'embargoUntil',
      where: { 'attribution.sourceItemId': { like: 'urn:newsml:neo-wire' } },
    })
    const states = wire.docs.map((doc) => [
      doc.workflowState,
      doc.byline?.automated?.enabled,
      doc.summary?.status,
    ])
    expect(states.filter(([state]) => state === 'published')).toEqual(
      Array(3).fill(['published', true, 'pending']),
    )
    // The embargoed item is scheduled by the ingest for the instant its embargo lifts, not before.
    const embargoed = wire.docs.find((doc) => doc.embargoUntil)!
    expect(embargoed).toMatchObject({
      embargoUntil: '2099-01-01T08:00:00.000Z',
      scheduledPublishAt: '2099-01-01T08:00:00.000Z',
      workflowState: 'scheduled',
    })
    const runs = await newsroom.payload.find({
      collection: 'newsroom-ingest-runs',
      depth: 0,
      sort: 'startedAt',
    })
    expect(
      runs.docs.map((run) => [run.trigger, run.status, run.counts?.created, run.counts?.held]),
    ).toEqual([
      ['seed', 'partial', 3, 1],
      ['seed', 'succeeded', 0, 0],
    ])
    expect(again.lines).toContain('list filters: 0 created, 3 already present')
    const presets = await newsroom.payload.find({
      collection: 'payload-query-presets',
      sort: 'title',
    })
    expect(presets.docs.map((preset) => preset.title)).toEqual([
      'In review / En relecture',
      'Published with problems / Publiés avec problèmes',
      'Syndicated / Syndiqués',
    ])
  })

  it('leaves the articles in the states of a working newsroom', async () => {
    const { docs } = await newsroom.payload.find({
      collection: 'articles',
      draft: true,
      limit: 0,
      pagination: false,
    })
    const states = docs.map((doc) => doc.workflowState).sort()
    expect(new Set(states)).toEqual(
      new Set([
        'approved',
        'changes_requested',
        'draft',
        'in_review',
        'published',
        'retracted',
        'scheduled',
      ]),
    )
    const languages = new Set(docs.map((doc) => doc.language))
    expect(languages).toEqual(new Set(['en', 'fr']))
    const translation = docs.find((doc) => doc.slug === 'ecb-holds-rates')!
    expect((translation.translationOf as any)?.slug ?? translation.translationOf).toBeTruthy()
  })

  it('includes the feed-page article: French, syndicated, robot byline, summary pending, two sections, disclaimer attached by the rules', async () => {
    const { docs } = await newsroom.payload.find({
      collection: 'articles',
      depth: 1,
      where: { slug: { equals: 'moscou-renforce-la-defense-du-venezuela' } },
    })
    const article = docs[0] as Record<string, any>
    expect(article).toMatchObject({
      _status: 'published',
      byline: { automated: { enabled: true, label: 'robot' } },
      language: 'fr',
      origin: 'syndicated',
      summary: { status: 'pending' },
    })
    expect(article.attribution).toMatchObject({
      viewOriginalLabel: 'Voir l’original',
      canonical: 'noindex',
    })
    expect(article.attribution.originalUrl).toMatch(/^https:\/\//)
    const headings = article.body.root.children.filter(
      (node: any) => node.type === 'heading' && node.tag === 'h2',
    )
    expect(headings).toHaveLength(2)
    expect(article.appliedDisclaimers.map((applied: any) => applied.key).sort()).toEqual([
      'ai-generated',
      'third-party-content',
    ])
  })

  it('passes its own compliance check', async () => {
    const req = await createLocalReq({}, newsroom.payload)
    expect(
      await checkCompliance(newsroom.payload, pluginOptionsOf(newsroom.payload.config), req),
    ).toEqual([])
  })

  it('generates synthetic articles deterministically from the random seed', async () => {
    const references = await ensureReferenceData(newsroom.payload)
    const refs = syntheticReferences(references)
    const titles = (randomSeed: number) =>
      [...syntheticArticleData({ count: 30, randomSeed, references: refs })].map(
        (data) => data.title,
      )
    expect(titles(11)).toEqual(titles(11))
    expect(titles(11)).not.toEqual(titles(12))
    // The same articles however a load is split into runs (`--first-index`).
    const split = [0, 10, 20].flatMap((firstIndex) =>
      [...syntheticArticleData({ count: 10, firstIndex, randomSeed: 11, references: refs })].map(
        (data) => data.title,
      ),
    )
    expect(split).toEqual(titles(11))

    const created = await generateSyntheticArticles(newsroom.payload, {
      batchSize: 10,
      count: 30,
      randomSeed: 11,
      references: refs,
    })
    expect(created.map((article) => article.title)).toEqual(titles(11))
    expect(new Set(created.map((article) => article.slug)).size).toBe(30)
    const words = [...syntheticArticleData({ count: 30, randomSeed: 11, references: refs })].map(
      (data) =>
        JSON.stringify(data.body)
          .match(/"text":"([^"]*)"/g)!
          .join(' ')
          .split(/\s+/).length,
    )
    expect(Math.min(...words)).toBeGreaterThanOrEqual(300)
    expect(Math.max(...words)).toBeLessThanOrEqual(1400)
  })
})
