import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

describe('the guarantee holds for ingested items', () => {
  const suite = newsroomSuite()

  it('publishes nothing from a publish-if-compliant source when no third-party disclaimer is available, and records why', async () => {
    const { payload } = suite.newsroom
    // The only third-party disclaimer is retired (nothing published uses it yet): nothing can be attached.
    await payload.update({
      id: suite.basics.thirdParty.id,
      collection: 'disclaimers',
      data: { status: 'retired' } as any,
    })
    const source = (await payload.create({
      collection: 'sources',
      data: {
        category: 'wire',
        creditLine: 'Horizon Presse',
        ingest: {
          defaultLanguage: 'fr',
          defaultSection: suite.basics.world.id,
          publishPolicy: 'publish-if-compliant',
          user: suite.staff.ingest.id,
        },
        name: 'Sans avertissement',
      } as any,
    })) as Record<string, any>
    const response = await suite.newsroom.rest.post('/articles/ingest', {
      body: {
        format: 'newsroom',
        item: {
          id: 'g-1',
          title: 'Dépêche sans avertissement',
          url: 'https://horizon-presse.example/g',
        },
        source: source.slug,
      },
      token: suite.staff.ingest.token,
    })
    expect(response.status).toBe(200)
    expect(response.body.items[0]).toMatchObject({
      errors: [expect.objectContaining({ reason: expect.stringMatching(/^not published: /) })],
      outcome: 'created',
    })
    const copy = (
      await payload.find({
        collection: 'articles',
        depth: 0,
        draft: true,
        where: { 'attribution.source': { equals: source.id } },
      })
    ).docs[0] as Record<string, any>
    expect(copy).toMatchObject({ _status: 'draft', workflowState: 'in_review' })
    expect(
      (
        await payload.count({
          collection: 'articles',
          where: {
            and: [
              { 'attribution.source': { equals: source.id } },
              { _status: { equals: 'published' } },
            ],
          },
        })
      ).totalDocs,
    ).toBe(0)
    const run = await payload.findByID({
      collection: 'newsroom-ingest-runs',
      depth: 0,
      id: response.body.run.id,
    })
    expect((run as any).firstError).toMatch(/not published/)
    const audit = await payload.find({
      collection: 'workflow-events',
      depth: 0,
      where: { article: { equals: copy.id } },
    })
    expect(audit.docs.map((event: any) => [event.action, event.note])).toEqual([
      ['submit', expect.stringMatching(/Not published on ingest|Non publié/)],
    ])
  })
})
