import { describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { expireRights } from 'payload-newsroom/server'
import { fieldErrorsOf } from '../helpers/expectations'
import { publishedVersion } from '../helpers/newsroomData'
import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * Time limits and licence terms on every publish path: an embargo holds until its instant, rights
 * expire through the jobs queue with an audit event, and a source's licence bars the transformations,
 * translations and AI summaries it does not allow.
 */
describe('embargoes, licences and rights expiry', () => {
  const suite = newsroomSuite()
  const later = () => new Date(Date.now() + 24 * 3_600_000).toISOString()
  const sleepUntil = async (iso: string) => {
    const wait = Date.parse(iso) - Date.now() + 50
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  const fieldPaths = (body: any): string[] =>
    (body?.errors ?? []).flatMap((error: any) =>
      (error.data?.errors ?? error.extensions?.data?.errors ?? []).map((entry: any) => entry.path),
    )

  /**
   * Tries to publish a draft by each path a client or server has, and answers the field paths each
   * refusal named (the scheduled job names none: it must simply not publish).
   */
  const publishByEveryPath = async (id: number | string) => {
    const { newsroom, staff } = suite
    const rest = await newsroom.rest.patch(`/articles/${id}`, {
      body: { _status: 'published' },
      token: staff.editor.token,
    })
    const graphql = await newsroom.graphql(
      /* GraphQL */ `
        mutation ($id: String!) {
          updateArticle(id: $id, data: { _status: published }) {
            id
          }
        }
      `,
      { token: staff.editor.token, variables: { id: String(id) } },
    )
    const local = await fieldErrorsOf(
      newsroom.payload.update({
        id,
        collection: 'articles',
        data: { _status: 'published' },
        overrideAccess: true,
      }),
    )
    const workflow = await newsroom.rest.post(`/articles/${id}/workflow`, {
      body: { action: 'publish' },
      token: staff.editor.token,
    })
    // Payload's own scheduled publish (the admin's "Schedule publish"), due now.
    await newsroom.payload.jobs.queue({
      input: { doc: { relationTo: 'articles', value: id as string }, type: 'publish' },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1_000),
    })
    await newsroom.payload.jobs.run({ queue: 'default' })
    expect([
      rest.status,
      graphql.body.errors?.[0]?.extensions?.statusCode,
      workflow.status,
    ]).toEqual([400, 400, 400])
    return {
      graphql: fieldPaths(graphql.body),
      local: local.map((error) => error.path),
      rest: fieldPaths(rest.body),
      workflow: fieldPaths(workflow.body),
    }
  }
  const action = (id: unknown, body: Record<string, unknown>) =>
    suite.newsroom.rest.post(`/articles/${id}/workflow`, { body, token: suite.staff.editor.token })
  const latest = (id: number | string) =>
    suite.newsroom.payload.findByID({
      collection: 'articles',
      depth: 0,
      draft: true,
      id,
    }) as Promise<Record<string, any>>

  describe('an embargo', () => {
    it('refuses every publish path before its time, and no public surface shows the piece', async () => {
      const { basics, newsroom, staff } = suite
      const embargoUntil = later()
      const created = await newsroom.rest.post('/articles', {
        body: {
          _status: 'published',
          embargoUntil,
          language: 'fr',
          section: basics.world.id,
          title: 'Annonce sous embargo',
        },
        token: staff.editor.token,
      })
      expect(created.status).toBe(400)
      expect(fieldPaths(created.body)).toEqual(['embargoUntil'])
      expect(created.body.errors[0].data.errors[0].message).toMatch(
        /embargo until \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
      )
      expect(
        (
          await newsroom.payload.count({
            collection: 'articles',
            where: { title: { equals: 'Annonce sous embargo' } },
          })
        ).totalDocs,
      ).toBe(0)

      const draft = await basics.make.article(
        { embargoUntil, section: basics.world.id, title: 'Résultats sous embargo' },
        { draft: true },
      )
      const refusals = await publishByEveryPath(draft.id)
      expect(refusals).toEqual({
        graphql: ['embargoUntil'],
        local: ['embargoUntil'],
        rest: ['embargoUntil'],
        workflow: ['embargoUntil'],
      })
      expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
      expect((await newsroom.rest.get(`/articles/view/fr/${draft.slug}`)).status).toBe(404)
      const feed = await newsroom.rest.get('/articles/feed/fr')
      expect(feed.body.docs.map((item: any) => item.slug)).not.toContain(draft.slug)

      // Scheduling it before the embargo lifts is refused, naming the time.
      await action(draft.id, { action: 'submit' })
      await action(draft.id, { action: 'approve' })
      const early = await action(draft.id, {
        action: 'schedule',
        publishAt: new Date(Date.parse(embargoUntil) - 60_000).toISOString(),
      })
      expect(early.status).toBe(400)
      expect(fieldPaths(early.body)).toEqual(['publishAt'])
      expect((await latest(draft.id)).workflowState).toBe('approved')
    })

    it('is published by the scheduled job at the embargo’s end, never before, and cannot be moved past a schedule', async () => {
      const { basics, newsroom, staff } = suite
      const embargoUntil = new Date(Date.now() + 4_000).toISOString()
      const draft = await basics.make.article(
        { embargoUntil, section: basics.world.id, title: 'Levée d’embargo' },
        { draft: true },
      )
      await action(draft.id, { action: 'submit' })
      await action(draft.id, { action: 'approve' })
      const scheduled = await action(draft.id, { action: 'schedule', publishAt: embargoUntil })
      expect(scheduled.status).toBe(200)

      // Moving the embargo past the scheduled time is refused: the schedule would be early.
      const moved = await newsroom.rest.patch(`/articles/${draft.id}`, {
        body: { embargoUntil: later() },
        query: { draft: 'true' },
        token: staff.editor.token,
      })
      expect(moved.status).toBe(400)
      expect(fieldPaths(moved.body)).toEqual(['embargoUntil'])

      await newsroom.payload.jobs.run({ queue: 'default' })
      expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
      await sleepUntil(embargoUntil)
      await newsroom.payload.jobs.run({ queue: 'default' })
      const published = await publishedVersion(newsroom.payload, draft.id)
      expect(published).toMatchObject({ workflowState: 'published' })
      expect(Date.parse(published!.publishedAt)).toBeGreaterThanOrEqual(Date.parse(embargoUntil))
      expect((await newsroom.rest.get(`/articles/view/fr/${draft.slug}`)).status).toBe(200)
    })
  })

  describe('rights expiry', () => {
    const source = (onExpiry: 'retract' | 'unpublish', licence: Record<string, unknown> = {}) =>
      suite.basics.make.source({
        creditLine: `Agence ${onExpiry}`,
        licence: { durationDays: 10, onExpiry, ...licence },
      })
    let item = 0
    const syndicated = (
      sourceID: number | string,
      { attribution, ...data }: Record<string, any> = {},
    ) =>
      suite.basics.make.article({
        _status: 'published',
        attribution: {
          originalUrl: 'https://agence.example/depeches/1',
          source: sourceID,
          sourceItemId: `rights-${++item}`,
          ...attribution,
        },
        origin: 'syndicated',
        section: suite.basics.world.id,
        ...data,
      }) as Promise<Record<string, any>>
    const expireByQueue = async () => {
      await suite.newsroom.payload.jobs.queue({
        input: {} as never,
        task: 'newsroomExpireRights' as never,
      })
      await suite.newsroom.payload.jobs.run({ queue: 'default' })
    }
    const auditOf = async (id: number | string) =>
      (
        await suite.newsroom.payload.find({
          collection: 'workflow-events',
          depth: 0,
          sort: 'createdAt',
          where: { article: { equals: id } },
        })
      ).docs as Record<string, any>[]

    it('takes the licence’s duration from the original’s date, and warns of expiries within the window', async () => {
      const { newsroom, staff } = suite
      const wire = await source('unpublish')
      const article = await syndicated(wire.id, {
        attribution: { originalPublishedAt: new Date(Date.now() - 5 * 86_400_000).toISOString() },
      })
      const expected = Date.parse(article.attribution.originalPublishedAt) + 10 * 86_400_000
      expect(Date.parse(article.attribution.rightsExpireAt)).toBe(expected)
      const compliance = await newsroom.rest.get('/articles/compliance', {
        token: staff.editor.token,
      })
      expect(compliance.body.rightsExpiringSoon).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: article.id, message: expect.stringMatching(/expire on/) }),
        ]),
      )
    })

    it('unpublishes or retracts an expired piece through the workflow, names the rule in the audit trail, and running again changes nothing', async () => {
      const { newsroom, staff } = suite
      const rightsExpireAt = new Date(Date.now() + 2_500).toISOString()
      const unpublishing = await syndicated((await source('unpublish')).id, {
        attribution: { rightsExpireAt },
        title: 'Droits limités',
      })
      const retracting = await syndicated((await source('retract')).id, {
        attribution: { rightsExpireAt },
        title: 'Droits limités, retrait',
      })
      const lasting = await syndicated((await source('unpublish')).id, {
        attribution: { rightsExpireAt: later() },
        title: 'Droits valables',
      })

      await expireByQueue()
      expect(await publishedVersion(newsroom.payload, unpublishing.id)).not.toBeNull()
      await sleepUntil(rightsExpireAt)
      await expireByQueue()

      expect(await publishedVersion(newsroom.payload, unpublishing.id)).toBeNull()
      expect((await latest(unpublishing.id)).workflowState).toBe('draft')
      const retracted = await newsroom.rest.get(`/articles/view/fr/${retracting.slug}`)
      expect(retracted.body.article).toMatchObject({
        body: null,
        retracted: { notice: 'Nos droits de diffusion de cet article ont expiré.' },
      })
      expect((await publishedVersion(newsroom.payload, lasting.id))?.workflowState).toBe(
        'published',
      )
      for (const [article, action, to] of [
        [unpublishing, 'unpublish', 'draft'],
        [retracting, 'retract', 'retracted'],
      ] as const) {
        const events = await auditOf(article.id)
        expect(events.at(-1)).toMatchObject({
          action,
          by: null,
          from: 'published',
          to,
          via: expect.stringMatching(/^rule: rights expired/),
        })
      }

      // A second run, and a republish attempt, change nothing.
      const before = [await auditOf(unpublishing.id), await auditOf(retracting.id)].map(
        (events) => events.length,
      )
      const updatedAt = (await latest(retracting.id)).updatedAt
      await expireByQueue()
      expect(
        [await auditOf(unpublishing.id), await auditOf(retracting.id)].map(
          (events) => events.length,
        ),
      ).toEqual(before)
      expect((await latest(retracting.id)).updatedAt).toBe(updatedAt)
      const republish = await action(unpublishing.id, { action: 'publish' })
      expect(republish.status).toBe(400)
      expect(fieldPaths(republish.body)).toEqual(['attribution.rightsExpireAt'])
      expect(
        (
          await newsroom.rest.patch(`/articles/${unpublishing.id}`, {
            body: { _status: 'published' },
            token: staff.editor.token,
          })
        ).status,
      ).toBe(400)
    })
  })

  describe('rights expiry on two workers at once', () => {
    it('takes each expired piece down once', async () => {
      const { basics, newsroom } = suite
      const wire = await basics.make.source({
        creditLine: 'Agence concurrente',
        licence: { onExpiry: 'unpublish' },
      })
      const rightsExpireAt = new Date(Date.now() + 2_000).toISOString()
      const articles = await Promise.all(
        [1, 2, 3].map((n) =>
          basics.make.article({
            _status: 'published',
            attribution: {
              originalUrl: `https://concurrente.example/${n}`,
              rightsExpireAt,
              source: wire.id,
            },
            origin: 'syndicated',
            section: basics.world.id,
          }),
        ),
      )
      await sleepUntil(rightsExpireAt)
      const options = pluginOptionsOf(newsroom.payload.config)
      const outcomes = await Promise.all([
        expireRights(newsroom.payload, options),
        expireRights(newsroom.payload, options),
      ])
      expect(outcomes.reduce((sum, outcome) => sum + outcome.unpublished, 0)).toBe(3)
      for (const article of articles) {
        const { docs } = await newsroom.payload.find({
          collection: 'workflow-events',
          where: {
            and: [{ article: { equals: article.id } }, { action: { equals: 'unpublish' } }],
          },
        })
        expect(docs).toHaveLength(1)
        expect(await publishedVersion(newsroom.payload, article.id)).toBeNull()
      }
    })
  })

  describe('the source’s licence', () => {
    it('refuses a translation into a language, a transformation and an AI summary the licence does not allow, on every path', async () => {
      const { basics, newsroom } = suite
      const strict = await basics.make.source({
        creditLine: 'Agence stricte',
        licence: {
          aiSummaries: 'forbidden',
          transformations: ['verbatim', 'translated'],
          translationLanguages: ['en'],
        },
      })
      const draft = ({ attribution, ...data }: Record<string, any>) =>
        basics.make.article(
          {
            attribution: {
              originalUrl: 'https://stricte.example/1',
              source: strict.id,
              ...attribution,
            },
            origin: 'syndicated',
            section: basics.world.id,
            ...data,
          },
          { draft: true },
        )
      const translated = await draft({
        attribution: { originalLanguage: 'en', transformation: 'translated' },
        language: 'fr',
      })
      const paths = ['language']
      expect(await publishByEveryPath(translated.id)).toEqual({
        graphql: paths,
        local: paths,
        rest: paths,
        workflow: paths,
      })
      expect(await publishedVersion(newsroom.payload, translated.id)).toBeNull()

      const rewritten = await draft({ attribution: { transformation: 'rewritten' } })
      expect((await publishByEveryPath(rewritten.id)).rest).toEqual(['attribution.transformation'])

      const summarised = await draft({
        summary: { producedBy: 'model-x', status: 'ready', text: 'Un résumé par IA.' },
      })
      const summaryPaths = ['summary.status']
      expect(await publishByEveryPath(summarised.id)).toEqual({
        graphql: summaryPaths,
        local: summaryPaths,
        rest: summaryPaths,
        workflow: summaryPaths,
      })
      for (const article of [rewritten, summarised])
        expect(await publishedVersion(newsroom.payload, article.id)).toBeNull()

      // Without the AI summary, it publishes: the licence bars the summary, not the piece.
      const cleared = await newsroom.payload.update({
        id: summarised.id,
        collection: 'articles',
        data: { _status: 'published', summary: { status: 'none' } } as never,
      })
      expect(cleared).toMatchObject({ _status: 'published' })
    })

    it('lets the summary job ask no model for a source that forbids AI summaries', async () => {
      const { basics, newsroom } = suite
      const strict = await basics.make.source({
        creditLine: 'Agence sans IA',
        licence: { aiSummaries: 'forbidden' },
      })
      const article = await basics.make.article(
        {
          attribution: { originalUrl: 'https://sans-ia.example/1', source: strict.id },
          origin: 'syndicated',
          section: basics.world.id,
          summary: { status: 'pending' },
        },
        { draft: true },
      )
      await newsroom.payload.jobs.run({ queue: 'default' })
      expect((await latest(article.id)).summary).toMatchObject({
        error: 'the source’s licence forbids AI summaries',
        status: 'failed',
      })
    })
  })
})
