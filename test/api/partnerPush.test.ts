import { createLocalReq } from 'payload'
import { verifyWebhookSignature } from 'payload-newsroom/http'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadDeskQueues } from 'payload-newsroom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'
import { ninjsValidator } from '../helpers/ninjsSchemas'
import { startReceiver } from '../helpers/receiver'

type Receiver = Awaited<ReturnType<typeof startReceiver>>
type Doc = Record<string, any>

/**
 * Partners are told of every change to what they received (issue 35, item 3): items and
 * corrections pushed, signed, to real receivers on 127.0.0.1 through the jobs queue, with retries; a
 * kill (retraction, unpublish, delete, licence end) reaches every partner that ever had the item,
 * pushed or collected by the next pull, whatever its filters say now.
 */
describe('partners hear of every change to what they received, and every kill', () => {
  // Retries 3 times at 50, 100 and 200 ms, so the test waits little.
  const suite = newsroomSuite({ newsroom: { webhooks: { backoffMs: 50, retries: 3 } } })
  const run = process.pid.toString(36)
  const deliveriesSlug = 'newsroom-partner-deliveries'
  const partners: Record<string, Doc> = {}
  const receivers: Record<string, Receiver> = {}
  let pullToken: string
  let openSource: number | string

  const admin = () => suite.staff.admin.token
  const createPartner = async (data: object) => {
    const answer = await suite.newsroom.rest.post('/partners', { body: data, token: admin() })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    return answer.body.doc as Doc
  }
  const act = async (id: number | string, action: string, note?: string) => {
    const answer = await suite.newsroom.rest.post(`/articles/${id}/workflow`, {
      body: { action, ...(note ? { note } : {}) },
      token: suite.staff.editor.token,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  }
  const deliveries = async (articleRef: number | string) =>
    (
      await suite.newsroom.payload.find({
        collection: deliveriesSlug as never,
        depth: 0,
        pagination: false,
        sort: 'createdAt',
        where: { articleRef: { equals: String(articleRef) } },
      })
    ).docs as Doc[]
  /** Runs the queue as a worker would until no job is left (backoff included), at most 10 s. */
  const runWorker = async () => {
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      await suite.newsroom.payload.jobs.run({ queue: 'default' })
      const waiting = await suite.newsroom.payload.count({
        collection: 'payload-jobs',
        where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      })
      if (waiting.totalDocs === 0) return
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    throw new Error('jobs still waiting after 10 s')
  }
  const bodiesAt = (receiver: Receiver, articleID: number | string) =>
    receiver.received
      .map(({ body }) => JSON.parse(body))
      .filter((body) => {
        const altIds = body.item.altIds ?? body.item.altids
        return altIds?.[0]?.value === String(articleID)
      })
  /** The editor's desk queue of kills that have not reached every partner yet. */
  const undeliveredKills = async () => {
    const { payload } = suite.newsroom
    const user = {
      ...(await payload.findByID({ collection: 'users', id: suite.staff.editor.id })),
      collection: 'users',
    }
    const req = await createLocalReq({ user: user as never }, payload)
    const queues = await loadDeskQueues(req, pluginOptionsOf(payload.config))
    return queues.find((queue) => queue.key === 'killsUndelivered')!
  }
  const pull = (query: Record<string, string> = {}) =>
    suite.newsroom.rest.get('/partners/feed', {
      headers: { authorization: `Bearer ${pullToken}` },
      query,
    })

  beforeAll(async () => {
    receivers.flaky = await startReceiver(2, '/ninjs')
    receivers.steady = await startReceiver(0, '/ninjs')
    openSource = (
      await suite.basics.make.source({
        licence: { redistribution: 'allowed' },
        name: `Agence Ouverte ${run}`,
      })
    ).id
    partners.flaky = await createPartner({
      filters: { languages: ['fr'] },
      formats: ['ninjs-3'],
      name: `Push FR ${run}`,
      pushUrl: receivers.flaky.url,
    })
    partners.steady = await createPartner({
      filters: { origin: 'own-and-redistributable' },
      formats: ['ninjs-2'],
      name: `Push all ${run}`,
      pushUrl: receivers.steady.url,
    })
    partners.pull = await createPartner({ formats: ['ninjs-3'], name: `Pull ${run}` })
    pullToken = (
      await suite.newsroom.rest.post(`/partners/${partners.pull.id}/tokens`, {
        body: {},
        token: admin(),
      })
    ).body.token
    // The signing secrets, as an admin reads them to share with each partner.
    for (const key of ['flaky', 'steady']) {
      const stored = await suite.newsroom.rest.get(`/partners/${partners[key]!.id}`, {
        token: admin(),
      })
      partners[key] = stored.body
    }
  })
  afterAll(async () => {
    await Promise.all(Object.values(receivers).map((receiver) => receiver.close()))
  })

  it('pushes an item, its correction and its kill, signed, retrying a receiver that fails twice', async () => {
    const { basics } = suite
    const article = await basics.make.article(
      { section: basics.world.id, slug: `pousse-${run}`, title: `Poussé ${run}` },
      { draft: true },
    )
    await act(article.id, 'publish')
    // One job queued with the publication fans it out to the partners; nothing sent yet.
    expect(await deliveries(article.id)).toEqual([])
    const queued = await suite.newsroom.payload.find({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false } },
    })
    expect(queued.docs.map((job: Doc) => [job.taskSlug, job.input.articleRef])).toEqual([
      ['newsroomFanOutPartnerNotices', String(article.id)],
    ])
    await runWorker()
    // One delivery per push partner it is for, each delivered.
    expect(
      (await deliveries(article.id)).map((row) => [row.notice, row.channel, row.status]).sort(),
    ).toEqual([
      ['item', 'push', 'delivered'],
      ['item', 'push', 'delivered'],
    ])
    // The flaky receiver saw three attempts of the same delivery, the last answered 200.
    const attempts = bodiesAt(receivers.flaky, article.id)
    expect(attempts).toHaveLength(3)
    expect(new Set(attempts.map((body) => body.id)).size).toBe(1)
    const flakyRow = (await deliveries(article.id)).find(
      (row) => String(row.partner) === String(partners.flaky!.id),
    )!
    expect(flakyRow).toMatchObject({ attempts: 3, lastStatusCode: 200, status: 'delivered' })
    for (const { body, headers } of receivers.flaky.received) {
      expect(
        verifyWebhookSignature({
          body,
          header: headers['newsroom-signature'] as string,
          secret: partners.flaky!.pushSecret,
        }),
      ).toBe(true)
      // Anyone else's secret does not verify it.
      expect(
        verifyWebhookSignature({
          body,
          header: headers['newsroom-signature'] as string,
          secret: partners.steady!.pushSecret,
        }),
      ).toBe(false)
    }
    const validate3 = ninjsValidator('ninjs-3')
    const pushed = attempts[0]
    expect(pushed.type).toBe('partner.item')
    expect(validate3(pushed.item), JSON.stringify(validate3.errors)).toBe(true)
    expect(pushed.item.headlines[0].value).toBe(`Poussé ${run}`)
    // The other partner takes ninjs 2.2.
    const validate2 = ninjsValidator('ninjs-2')
    const steadyItem = bodiesAt(receivers.steady, article.id)[0].item
    expect(validate2(steadyItem), JSON.stringify(validate2.errors)).toBe(true)
    // A receipt per push: who has what.
    const receipts = await suite.newsroom.payload.find({
      collection: 'newsroom-partner-receipts' as never,
      where: {
        and: [
          { channel: { equals: 'push' } },
          { 'items.articleRef': { equals: String(article.id) } },
        ],
      },
    })
    expect(receipts.totalDocs).toBe(2)

    await act(article.id, 'correct', 'Le titre citait le mauvais trimestre.')
    await runWorker()
    const corrected = bodiesAt(receivers.flaky, article.id).at(-1)
    expect(corrected).toMatchObject({ reason: 'article.corrected', type: 'partner.item' })
    expect(
      corrected.item.descriptions.some(
        (entry: Doc) =>
          entry.role === 'correction' &&
          entry.value.includes('Le titre citait le mauvais trimestre.'),
      ),
    ).toBe(true)

    await act(article.id, 'retract', 'Les sources n’ont pas pu être confirmées.')
    await runWorker()
    for (const receiver of [receivers.flaky, receivers.steady]) {
      const kill = bodiesAt(receiver, article.id).at(-1)
      expect(kill.type).toBe('partner.kill')
      expect(kill.reason).toBe('article.retracted')
      expect(kill.item.pubStatus ?? kill.item.pubstatus).toBe('canceled')
      // A kill names the item and carries none of its content.
      expect(kill.item.headlines ?? kill.item.bodies).toBeUndefined()
    }
    expect(validate3(bodiesAt(receivers.flaky, article.id).at(-1).item)).toBe(true)
  })

  it('sends a kill to every partner that had the item, by push or at its next pull, whatever its filters now', async () => {
    const { basics, newsroom } = suite
    const article = await basics.make.article(
      { section: basics.world.id, slug: `retire-${run}`, title: `À retirer ${run}` },
      { draft: true },
    )
    await act(article.id, 'publish')
    await runWorker()
    // The pull partner takes it too.
    const pulled = await pull()
    expect(pulled.body.items.map((item: Doc) => item.altIds[0].value)).toContain(String(article.id))
    // The French push partner now takes English only: it is no longer sent new French items...
    await newsroom.rest.patch(`/partners/${partners.flaky!.id}`, {
      body: { filters: { languages: ['en'] } },
      token: admin(),
    })
    await act(article.id, 'unpublish')
    await runWorker()
    // ...but it had this one, so it is told to take it down.
    expect(bodiesAt(receivers.flaky, article.id).at(-1)).toMatchObject({
      reason: 'article.unpublished',
      type: 'partner.kill',
    })
    // The pull partner's kill waits for it, and shows as not delivered until then.
    const waiting = (await deliveries(article.id)).filter((row) => row.channel === 'pull')
    expect(waiting.map((row) => [row.notice, row.status])).toEqual([['kill', 'pending']])
    const desk = await undeliveredKills()
    expect(desk.collection).toBe(deliveriesSlug)
    expect(desk.items.map((item) => item.id)).toContain(waiting[0]!.id)
    expect(desk.items.find((item) => item.id === waiting[0]!.id)!.title).toBe(`À retirer ${run}`)
    const next = await pull()
    expect(next.status).toBe(200)
    expect(next.body.kills).toEqual([
      expect.objectContaining({
        altIds: [{ role: 'newsroom-id', value: String(article.id) }],
        pubStatus: 'canceled',
      }),
    ])
    expect(next.body.items.map((item: Doc) => item.altIds[0].value)).not.toContain(
      String(article.id),
    )
    expect((await deliveries(article.id)).find((row) => row.channel === 'pull')?.status).toBe(
      'delivered',
    )
    // Its receipt is in: the desk no longer lists it.
    expect((await undeliveredKills()).items.map((item) => item.id)).not.toContain(waiting[0]!.id)
    // Collected once; asking for the item again still answers the kill.
    expect((await pull()).body.kills).toEqual([])
    const again = await suite.newsroom.rest.get(`/partners/feed/${article.id}`, {
      headers: { authorization: `Bearer ${pullToken}` },
    })
    expect(again.status).toBe(200)
    expect(again.body.pubStatus).toBe('canceled')
    await newsroom.rest.patch(`/partners/${partners.flaky!.id}`, {
      body: { filters: { languages: ['fr'] } },
      token: admin(),
    })
  })

  it('kills a deleted item, and never sends a syndicated piece whose licence forbids passing it on', async () => {
    const { basics, newsroom } = suite
    const closed = await basics.syndicated({ _status: 'published', slug: `fermee-${run}` })
    const open = await basics.syndicated({
      _status: 'published',
      attribution: {
        originalUrl: 'https://ouverte.example/2',
        source: openSource,
        sourceItemId: `ouverte-${run}`,
      },
      slug: `ouverte-${run}`,
    })
    await runWorker()
    // Neither a push nor a pull: the closed agency's piece never leaves.
    expect(await deliveries(closed.id)).toEqual([])
    expect(bodiesAt(receivers.steady, closed.id)).toEqual([])
    expect(bodiesAt(receivers.flaky, closed.id)).toEqual([])
    const pulled = await pull({ limit: '50' })
    expect(pulled.body.items.map((item: Doc) => item.altIds[0].value)).not.toContain(
      String(closed.id),
    )
    // The open agency's piece goes to the partner that takes redistributable pieces, only.
    expect(bodiesAt(receivers.steady, open.id)).toHaveLength(1)
    expect(bodiesAt(receivers.flaky, open.id)).toEqual([])

    // The agency ends redistribution: the partner that had its piece is told to take it down.
    const ended = await newsroom.rest.patch(`/sources/${openSource}`, {
      body: { licence: { redistribution: 'forbidden' } },
      token: admin(),
    })
    expect(ended.status, JSON.stringify(ended.body)).toBe(200)
    await runWorker()
    expect(bodiesAt(receivers.steady, open.id).at(-1)).toMatchObject({
      reason: 'licence.ended',
      type: 'partner.kill',
    })

    const own = await basics.make.article({
      _status: 'published',
      section: basics.world.id,
      slug: `supprime-${run}`,
    })
    await runWorker()
    expect(bodiesAt(receivers.flaky, own.id)).toHaveLength(1)
    await newsroom.payload.delete({ id: own.id, collection: 'articles' })
    await runWorker()
    for (const receiver of [receivers.flaky, receivers.steady]) {
      expect(bodiesAt(receiver, own.id).at(-1)).toMatchObject({
        reason: 'article.deleted',
        type: 'partner.kill',
      })
    }
  })

  it('kills an item whose rights expired at the partner that had it', async () => {
    const { basics, newsroom } = suite
    const source = await basics.make.source({
      licence: { redistribution: 'allowed' },
      name: `Agence Brève ${run}`,
    })
    const expiring = await basics.syndicated({
      _status: 'published',
      attribution: {
        originalUrl: 'https://breve.example/1',
        rightsExpireAt: new Date(Date.now() + 2_000).toISOString(),
        source: source.id,
        sourceItemId: `breve-${run}`,
      },
      slug: `breve-${run}`,
    })
    await runWorker()
    expect(bodiesAt(receivers.steady, expiring.id).map((body) => body.type)).toEqual([
      'partner.item',
    ])
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    // The rights job, as its schedule runs it, takes the piece down...
    await newsroom.payload.jobs.queue({ input: {} as never, task: 'newsroomExpireRights' as never })
    await runWorker()
    // ...and the partner that had it is told to take it down too.
    expect(bodiesAt(receivers.steady, expiring.id).at(-1)).toMatchObject({
      reason: 'article.unpublished',
      type: 'partner.kill',
    })
  })

  it('tells no partner of a draft saved over a published item', async () => {
    const { basics, newsroom } = suite
    const article = await basics.make.article({
      _status: 'published',
      section: basics.world.id,
      slug: `brouillon-par-dessus-${run}`,
    })
    await runWorker()
    const before = (await deliveries(article.id)).length
    await newsroom.payload.update({
      id: article.id,
      collection: 'articles',
      data: { title: `SECRET ${run}` },
      draft: true,
    })
    await runWorker()
    expect((await deliveries(article.id)).length).toBe(before)
    expect(JSON.stringify(receivers.flaky.received)).not.toContain(`SECRET ${run}`)
  })

  it('tells every editor, under the bell, when a kill has not reached a partner after its last try', async () => {
    const { basics, newsroom } = suite
    const receiver = await startReceiver(0, '/ninjs')
    const partner = await createPartner({
      formats: ['ninjs-3'],
      name: `Push fragile ${run}`,
      pushUrl: receiver.url,
    })
    const article = await basics.make.article(
      { section: basics.world.id, slug: `fragile-${run}`, title: `Fragile ${run}` },
      { draft: true },
    )
    await act(article.id, 'publish')
    await runWorker()
    expect(bodiesAt(receiver, article.id)).toHaveLength(1)
    // The partner's server goes away; the kill is tried four times, then given up on.
    await receiver.close()
    await act(article.id, 'retract', 'Chiffres erronés.')
    await runWorker()
    const kill = (await deliveries(article.id)).find(
      (row) => row.partner === partner.id && row.notice === 'kill',
    )
    expect(kill?.status).toBe('failed')
    const told = (
      await newsroom.payload.find({
        collection: 'newsroom-notifications' as never,
        depth: 0,
        where: {
          and: [
            { article: { equals: article.id } },
            { kind: { equals: 'partner_kill_undelivered' } },
          ],
        },
      })
    ).docs as Doc[]
    expect(told.map((notification) => notification.recipient)).toEqual([suite.staff.editor.id])
    expect(told[0]).toMatchObject({ articleTitle: `Fragile ${run}`, note: `Push fragile ${run}` })
    const bell = await newsroom.rest.get('/newsroom-notifications/bell', {
      token: suite.staff.editor.token,
    })
    expect(bell.body.docs[0]).toMatchObject({ kind: 'partner_kill_undelivered' })
  })
})
