import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyWebhookSignature } from 'payload-newsroom/http'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { seedNewsroom } from '../../seed/seedNewsroom'
import { fixtures } from '../helpers/fixtures'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { startReceiver } from '../helpers/receiver'

describe('publish events: signed webhooks delivered by the jobs queue, with retries and a delivery log', () => {
  let newsroom: TestNewsroom
  /** A seeded section: publishing requires one. */
  let section: number | string
  let adminToken: string
  let editorToken: string
  let flaky: Awaited<ReturnType<typeof startReceiver>>
  let down: Awaited<ReturnType<typeof startReceiver>>

  beforeAll(async () => {
    // Retries 3 times at 50, 100 and 200 ms (instead of 30 s onwards), so the test waits little.
    newsroom = await startNewsroom({ newsroom: { webhooks: { backoffMs: 50, retries: 3 } } })
    await seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))
    section = (
      await newsroom.payload.find({
        collection: 'sections',
        where: { slug: { equals: 'economie' } },
      })
    ).docs[0]!.id
    adminToken = await newsroom.rest.login('admin@newsroom.test', 'newsroom-admin')
    editorToken = await newsroom.rest.login('editor@newsroom.test', 'newsroom-editor')
    flaky = await startReceiver(2)
    down = await startReceiver(Number.POSITIVE_INFINITY)
  })
  afterAll(async () => {
    await flaky?.close()
    await down?.close()
    await newsroom?.stop()
  })

  const deliveries = async (articleRef: number | string) =>
    (
      await newsroom.payload.find({
        collection: 'newsroom-webhook-deliveries',
        depth: 0,
        pagination: false,
        sort: 'createdAt',
        where: { articleRef: { equals: String(articleRef) } },
      })
    ).docs as Record<string, any>[]

  /** Runs the queue as a worker would until no delivery is waiting (backoff included), at most 10 s. */
  const runWorker = async () => {
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      await newsroom.payload.jobs.run({ queue: 'default' })
      const waiting = await newsroom.payload.count({
        collection: 'newsroom-webhook-deliveries',
        where: { status: { in: ['pending', 'retrying'] } },
      })
      if (waiting.totalDocs === 0) return
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    throw new Error('deliveries still waiting after 10 s')
  }

  const createWebhook = async (data: Record<string, unknown>, token = adminToken) =>
    newsroom.rest.post('/newsroom-webhooks', { body: data, token })

  it('lets admins configure webhooks; editors see them without the secret; others not at all', async () => {
    const created = await createWebhook({
      events: ['article.published', 'article.retracted'],
      name: 'Frontend',
      url: flaky.url,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.secret).toMatch(/^[0-9a-f]{64}$/)
    const asEditor = await newsroom.rest.get(`/newsroom-webhooks/${created.body.doc.id}`, {
      token: editorToken,
    })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.secret).toBeUndefined()
    expect(
      (
        await createWebhook(
          { events: ['article.published'], name: 'Mine', url: flaky.url },
          editorToken,
        )
      ).status,
    ).toBe(403)
    expect((await newsroom.rest.get('/newsroom-webhooks')).status).toBe(403)
    expect((await newsroom.rest.get('/newsroom-webhook-deliveries')).status).toBe(403)
    // A webhook must be an http(s) URL and have a real secret; the error names the field.
    const bad = await createWebhook({
      events: ['article.published'],
      name: 'Bad',
      secret: 'short',
      url: 'javascript:alert(1)',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors.map((error: any) => error.path).sort()).toEqual([
      'secret',
      'url',
    ])
    expect((await newsroom.payload.count({ collection: 'newsroom-webhooks' })).totalDocs).toBe(1)
    await createWebhook({
      events: ['article.published'],
      name: 'Search indexer (down)',
      url: down.url,
    })
    await createWebhook({
      active: false,
      events: ['article.published'],
      name: 'Switched off',
      url: down.url,
    })
  })

  it('signs each delivery, retries a receiver that fails twice with backoff, and logs every attempt', async () => {
    const article = await fixtures(newsroom.payload).article(
      { language: 'en', section, title: 'Webhooks go out on publish' },
      { draft: true },
    )
    expect(await deliveries(article.id)).toEqual([])
    const published = await newsroom.rest.post(`/articles/${article.id}/workflow`, {
      body: { action: 'publish' },
      token: editorToken,
    })
    expect(published.status).toBe(200)
    // Queued with the write, one per active webhook that wants the event; nothing sent yet.
    expect(
      (await deliveries(article.id)).map((delivery) => [delivery.event, delivery.status]),
    ).toEqual([
      ['article.published', 'pending'],
      ['article.published', 'pending'],
    ])
    expect(flaky.received).toHaveLength(0)

    await runWorker()
    expect(flaky.received).toHaveLength(3)
    const { secret } = (
      await newsroom.payload.find({
        collection: 'newsroom-webhooks',
        where: { name: { equals: 'Frontend' } },
      })
    ).docs[0] as any
    for (const { body, headers } of flaky.received) {
      expect(
        verifyWebhookSignature({ body, header: headers['newsroom-signature'] as string, secret }),
      ).toBe(true)
      expect(headers['newsroom-event']).toBe('article.published')
    }
    // The same delivery ID on every retry, so a receiver can drop repeats.
    expect(new Set(flaky.received.map(({ headers }) => headers['newsroom-delivery'])).size).toBe(1)
    const event = JSON.parse(flaky.received[0]!.body)
    expect(event).toEqual({
      article: {
        id: article.id,
        language: 'en',
        path: `/en/articles/${article.slug}`,
        previousPath: null,
        slug: article.slug,
        title: 'Webhooks go out on publish',
        url: `http://localhost:3000/en/articles/${article.slug}`,
      },
      createdAt: expect.any(String),
      id: flaky.received[0]!.headers['newsroom-delivery'],
      type: 'article.published',
    })
    // Tampering with the body or reusing an old signature fails verification.
    const { body, headers } = flaky.received[0]!
    expect(
      verifyWebhookSignature({
        body: body.replace('publish', 'Publish'),
        header: headers['newsroom-signature'] as string,
        secret,
      }),
    ).toBe(false)
    expect(
      verifyWebhookSignature({
        body,
        header: headers['newsroom-signature'] as string,
        now: new Date(Date.now() + 600_000),
        secret,
      }),
    ).toBe(false)

    const byWebhook = Object.fromEntries(
      (
        await newsroom.payload.find({
          collection: 'newsroom-webhook-deliveries',
          depth: 1,
          where: { articleRef: { equals: String(article.id) } },
        })
      ).docs.map((delivery: any) => [delivery.webhook.name, delivery]),
    )
    const { Frontend: toFrontend, 'Search indexer (down)': toIndexer } = byWebhook
    expect(toFrontend).toMatchObject({
      attempts: 3,
      lastError: null,
      lastStatusCode: 200,
      status: 'delivered',
    })
    expect(toFrontend!.deliveredAt).toBeTruthy()
    // The receiver that never answers 2xx: every retry spent, then `failed`, with the reason.
    expect(toIndexer).toMatchObject({
      attempts: 4,
      lastError: 'HTTP 500',
      lastStatusCode: 500,
      status: 'failed',
    })
    expect(down.received).toHaveLength(4)

    // Editors read the log (admins configure, editors watch).
    const log = await newsroom.rest.get('/newsroom-webhook-deliveries', {
      query: { 'where[articleRef][equals]': String(article.id) },
      token: editorToken,
    })
    expect(log.body.docs.map((delivery: any) => delivery.status).sort()).toEqual([
      'delivered',
      'failed',
    ])
  })

  it('announces a retraction to the webhooks that want it, and nothing for a write the rules refuse', async () => {
    const before = flaky.received.length
    const article = (
      await newsroom.payload.find({
        collection: 'articles',
        where: { title: { equals: 'Webhooks go out on publish' } },
      })
    ).docs[0]!
    const retracted = await newsroom.rest.post(`/articles/${article.id}/workflow`, {
      body: { action: 'retract', note: 'Sources could not be confirmed.' },
      token: editorToken,
    })
    expect(retracted.status).toBe(200)
    expect(
      (await deliveries(article.id)).filter((delivery) => delivery.event === 'article.retracted'),
    ).toHaveLength(1)
    await runWorker()
    expect(JSON.parse(flaky.received.at(-1)!.body).type).toBe('article.retracted')
    expect(flaky.received.length).toBe(before + 1)

    // A syndicated piece without its original URL is refused: the write rolls back, and so does its event.
    const source = await fixtures(newsroom.payload).source()
    const refused = await fixtures(newsroom.payload).article(
      { attribution: { source: source.id }, origin: 'syndicated' },
      { draft: true },
    )
    const attempt = await newsroom.rest.post(`/articles/${refused.id}/workflow`, {
      body: { action: 'publish' },
      token: editorToken,
    })
    expect(attempt.status).toBe(400)
    expect(await deliveries(refused.id)).toEqual([])
  })

  it('tells a draft saved over a published article (nothing public changed) from a published update', async () => {
    const all = [
      'article.published',
      'article.updated',
      'article.corrected',
      'article.retracted',
      'article.unpublished',
      'article.deleted',
    ]
    expect((await createWebhook({ events: all, name: 'Everything', url: flaky.url })).status).toBe(
      201,
    )
    const article = await fixtures(newsroom.payload).article({
      _status: 'published',
      section,
      title: 'Déjà en ligne',
    })
    const events = async () => (await deliveries(article.id)).map((delivery) => delivery.event)
    expect(await events()).toEqual(['article.published', 'article.published', 'article.published'])
    const draft = await newsroom.rest.patch(`/articles/${article.id}`, {
      body: { title: 'Pas encore en ligne' },
      query: { draft: 'true' },
      token: editorToken,
    })
    expect(draft.status).toBe(200)
    expect(await events()).toHaveLength(3)
    const update = await newsroom.rest.patch(`/articles/${article.id}`, {
      body: { _status: 'published', slug: 'en-ligne-autrement' },
      token: editorToken,
    })
    expect(update.status).toBe(200)
    const updated = (await deliveries(article.id)).at(-1)!
    expect(updated.event).toBe('article.updated')
    // The page moved: the old path is named too, so a frontend drops it.
    expect(updated.body.article).toMatchObject({
      path: '/fr/articles/en-ligne-autrement',
      previousPath: `/fr/articles/${article.slug}`,
    })
    await newsroom.payload.delete({ collection: 'articles', id: article.id })
    expect(await events()).toContain('article.deleted')
  })
})
