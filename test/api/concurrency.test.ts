import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { TestNewsroom } from '../helpers/newsroom'

import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * Races run many times: the guarantee, the audit trail and uniqueness must hold however many
 * requests write at once, with no 5xx. Each race asserts the invariant in the database afterwards.
 * On a server database the requests alternate between two app instances (two Payloads, two pools,
 * no shared process state), so what holds is what the database guarantees.
 */
const twoInstances = inject('testDatabase').kind !== 'sqlite'

describe(`integrity under concurrency (${twoInstances ? 'two app instances' : 'one app instance'})`, () => {
  const suite = newsroomSuite()
  let other: Awaited<ReturnType<TestNewsroom['startAnotherInstance']>> | undefined
  beforeAll(async () => {
    if (twoInstances) other = await suite.newsroom.startAnotherInstance()
  })
  afterAll(async () => {
    await other?.stop()
  })
  let turn = 0
  /** Every other request goes to the other instance, where there is one. */
  const otherTurn = () => ((turn += 1) % 2 === 0 ? other : undefined)

  const statuses: number[] = []
  const expectNoServerErrors = () => expect(statuses.filter((status) => status >= 500)).toEqual([])
  const publish = async (id: number | string) => {
    const instance = otherTurn()
    const answer = instance
      ? await instance.workflow(suite.staff.editor.id, id, 'publish')
      : await suite.newsroom.rest.post(`/articles/${id}/workflow`, {
          body: { action: 'publish' },
          token: suite.staff.editor.token,
        })
    statuses.push(answer.status)
    return answer
  }
  const eventsOf = async (id: number | string, action?: string) =>
    (
      await suite.newsroom.payload.count({
        collection: 'workflow-events',
        where: {
          and: [{ article: { equals: id } }, ...(action ? [{ action: { equals: action } }] : [])],
        },
      })
    ).totalDocs
  const drafts = (count: number) =>
    Promise.all(Array.from({ length: count }, () => suite.basics.syndicated({}, { draft: true })))

  /** Every published syndicated article has a valid third-party disclaimer, an attribution and a snapshot. */
  const expectGuaranteeHolds = async () => {
    const { docs } = await suite.newsroom.payload.find({
      collection: 'articles',
      depth: 1,
      pagination: false,
      populate: { disclaimers: { kind: true, status: true } },
      where: { and: [{ _status: { equals: 'published' } }, { origin: { equals: 'syndicated' } }] },
    })
    const broken = docs.filter((article: any) => {
      const thirdParty = (article.disclaimers ?? []).filter(
        (disclaimer: any) => disclaimer.kind === 'third-party',
      )
      const valid = thirdParty.some((disclaimer: any) => disclaimer.status === 'approved')
      const snapshot = (article.appliedDisclaimers ?? []).some(
        (applied: any) => applied.kind === 'third-party',
      )
      return (
        !valid || !snapshot || !article.attribution?.originalUrl || !article.attribution?.source
      )
    })
    expect(
      broken.map((article: any) => ({
        applied: (article.appliedDisclaimers ?? []).map((applied: any) => applied.kind),
        attribution: [article.attribution?.originalUrl, typeof article.attribution?.source],
        disclaimers: (article.disclaimers ?? []).map(
          (disclaimer: any) => `${disclaimer.kind}:${disclaimer.status}`,
        ),
        id: article.id,
      })),
    ).toEqual([])
    return docs.length
  }

  it('publishes 20 different drafts at once: all published, one audit event each (3 rounds)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const batch = await drafts(20)
      const answers = await Promise.all(batch.map((article) => publish(article.id)))
      expect(answers.map((answer) => answer.status)).toEqual(batch.map(() => 200))
      for (const article of batch) {
        const stored = await suite.newsroom.payload.findByID({
          collection: 'articles',
          id: article.id,
        })
        expect(stored).toMatchObject({ _status: 'published', workflowState: 'published' })
        expect(await eventsOf(article.id, 'publish')).toBe(1)
      }
    }
    await expectGuaranteeHolds()
    expectNoServerErrors()
  })

  it('creates 20 published articles citing one source and section at once: all created, none refused (3 rounds)', async () => {
    // A new article has no ID to choose its lock stripes by; a fresh random choice per step once took
    // two stripes of one source out of order and deadlocked two creations (a 409 on PostgreSQL).
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () => suite.basics.syndicated({ _status: 'published' })),
      )
      const refused = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [String(outcome.reason)] : [],
      )
      expect(refused).toEqual([])
      const created = outcomes.map(
        (outcome) => (outcome as PromiseFulfilledResult<{ id: number | string }>).value.id,
      )
      const { docs } = await suite.newsroom.payload.find({
        collection: 'articles',
        depth: 0,
        pagination: false,
        where: { id: { in: created } },
      })
      expect(docs.map((doc) => doc._status)).toEqual(created.map(() => 'published'))
    }
    await expectGuaranteeHolds()
  })

  it('publishes 20 drafts showing one third-party image at once: all published, the image public, each with its credit recorded', async () => {
    const buffer = await sharp({
      create: { background: '#204060', channels: 3, height: 300, width: 400 },
    })
      .png()
      .toBuffer()
    const image = await suite.newsroom.payload.create({
      collection: 'media',
      data: {
        alt: 'Une photo partagée',
        credit: 'Photo : Agence Horizon',
        licence: 'https://horizon-presse.example/licence',
        origin: 'third-party',
      } as never,
      file: { data: buffer, mimetype: 'image/png', name: 'partagee.png', size: buffer.length },
      locale: 'fr',
    })
    const batch = await Promise.all(
      Array.from({ length: 20 }, () =>
        suite.basics.syndicated({ featuredImage: image.id }, { draft: true }),
      ),
    )
    const answers = await Promise.all(batch.map((article) => publish(article.id)))
    expect(answers.map((answer) => answer.status)).toEqual(batch.map(() => 200))
    expect(
      (await suite.newsroom.payload.findByID({ collection: 'media', depth: 0, id: image.id }))
        .public,
    ).toBe(true)
    const { docs } = await suite.newsroom.payload.find({
      collection: 'articles',
      depth: 0,
      pagination: false,
      where: { id: { in: batch.map((article) => article.id) } },
    })
    expect(
      docs.map((article: any) => [
        article._status,
        article.appliedImages?.map((entry: any) => entry.credit),
      ]),
    ).toEqual(batch.map(() => ['published', ['Photo : Agence Horizon']]))
    expectNoServerErrors()
  })

  it('publishes the same draft 20 times at once: one publication, one event, the others a 409 (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const [article] = await drafts(1)
      const answers = await Promise.all(Array.from({ length: 20 }, () => publish(article.id)))
      const codes = answers.map((answer) => answer.status).sort()
      expect(codes.filter((status) => status === 200)).toHaveLength(1)
      expect(codes.filter((status) => status === 409)).toHaveLength(19)
      expect(answers.find((answer) => answer.status === 409)?.body.errors[0].message).toMatch(
        /already “Published”/,
      )
      expect(await eventsOf(article.id, 'publish')).toBe(1)
      expect(
        (
          await suite.newsroom.payload.countVersions({
            collection: 'articles',
            where: {
              and: [
                { parent: { equals: article.id } },
                { 'version._status': { equals: 'published' } },
              ],
            },
          })
        ).totalDocs,
      ).toBe(1)
    }
    expectNoServerErrors()
  })

  it("lets publishes of other articles through while a transaction holds one article; that article's own publish waits for it", async () => {
    const [held, ...others] = await drafts(9)
    const { payload } = suite.newsroom
    const editor = await payload.findByID({
      collection: 'users',
      depth: 0,
      id: suite.staff.editor.id,
    })
    const req = await createLocalReq({ user: { ...editor, collection: 'users' } as never }, payload)
    await initTransaction(req)
    // An edit left uncommitted: the transaction holds the article's lock until it commits.
    await payload.update({
      collection: 'articles',
      data: { title: 'Tenu par une transaction ouverte' } as never,
      id: held!.id,
      overrideAccess: false,
      req,
    })
    const settled = new Set<number | string>()
    const track = (id: number | string) => publish(id).then((answer) => (settled.add(id), answer))
    const heldPublish = track(held!.id)
    const otherPublishes = others.map((article) => track(article.id))
    const othersSettled = () => others.filter((article) => settled.has(article.id)).length
    if (twoInstances) {
      // Locks are per article (64 rows by a hash of the ID): an unrelated article rarely shares the held one's row.
      for (const deadline = Date.now() + 20_000; othersSettled() < 6 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 25))
      expect(othersSettled()).toBeGreaterThanOrEqual(6)
    } else {
      // One SQLite writer at a time: every publish waits for the open transaction.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(othersSettled()).toBe(0)
    }
    expect(settled.has(held!.id)).toBe(false)
    await commitTransaction(req)
    const answers = await Promise.all([heldPublish, ...otherPublishes])
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200))
    const stored = await payload.find({
      collection: 'articles',
      depth: 0,
      pagination: false,
      where: { id: { in: [held!.id, ...others.map((article) => article.id)] } },
    })
    expect(stored.docs.filter((article: any) => article._status === 'published')).toHaveLength(9)
    // The publish read the edit once it was committed, and published it.
    expect(stored.docs.find((article: any) => article.id === held!.id)?.title).toBe(
      'Tenu par une transaction ouverte',
    )
    expectNoServerErrors()
  })

  it('retires a disclaimer for a replacement while 10 publishes run: every published article keeps a valid one (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      // This round's disclaimers: the source's default one, retired during the round, and its replacement.
      const current = await suite.basics.make.disclaimer({ kind: 'third-party' })
      const replacement = await suite.basics.make.disclaimer({ kind: 'third-party' })
      const published = await drafts(3)
      await Promise.all(
        published.map((article) =>
          suite.newsroom.payload.update({
            id: article.id,
            collection: 'articles',
            data: { _status: 'published', disclaimers: [current.id] } as never,
          }),
        ),
      )
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          suite.basics.syndicated({ disclaimers: [current.id] }, { draft: true }),
        ),
      )
      const retirement = { replaceWith: replacement.id, status: 'retired' }
      const retiringInstance = otherTurn()
      const retire = (
        retiringInstance
          ? retiringInstance.update(suite.staff.editor.id, 'disclaimers', current.id, retirement)
          : suite.newsroom.rest.patch(`/disclaimers/${current.id}`, {
              body: retirement,
              token: suite.staff.editor.token,
            })
      ).then((answer) => {
        statuses.push(answer.status)
        return answer
      })
      const answers = await Promise.all([retire, ...batch.map((article) => publish(article.id))])
      expect(answers[0].status).toBe(200)
      for (const answer of answers.slice(1)) expect([200, 400]).toContain(answer.status)
      const stored = await suite.newsroom.payload.findByID({
        collection: 'disclaimers',
        id: current.id,
      })
      expect(stored.status).toBe('retired')
      const stillPointing = await suite.newsroom.payload.count({
        collection: 'articles',
        where: {
          and: [{ disclaimers: { in: [current.id] } }, { _status: { equals: 'published' } }],
        },
      })
      expect(stillPointing.totalDocs).toBe(0)
    }
    await expectGuaranteeHolds()
    expectNoServerErrors()
  })

  it('refuses to change the kind of a disclaimer published articles rely on, unless a replacement takes over', async () => {
    const used = await suite.basics.make.disclaimer({ kind: 'third-party' })
    const [article] = await drafts(1)
    await suite.newsroom.payload.update({
      id: article.id,
      collection: 'articles',
      data: { _status: 'published', disclaimers: [used.id] } as never,
    })
    const refused = await suite.newsroom.rest.patch(`/disclaimers/${used.id}`, {
      body: { kind: 'sponsored' },
      token: suite.staff.editor.token,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].path).toBe('kind')
    expect(
      (await suite.newsroom.payload.findByID({ collection: 'disclaimers', id: used.id })).kind,
    ).toBe('third-party')
    const replacement = await suite.basics.make.disclaimer({ kind: 'third-party' })
    const moved = await suite.newsroom.rest.patch(`/disclaimers/${used.id}`, {
      body: { kind: 'sponsored', replaceWith: replacement.id },
      token: suite.staff.editor.token,
    })
    expect(moved.status).toBe(200)
    const republished = await suite.newsroom.payload.findByID({
      collection: 'articles',
      depth: 0,
      id: article.id,
    })
    expect(republished.disclaimers).toEqual([replacement.id])
    await expectGuaranteeHolds()
  })

  it('leaves nothing re-pointed when a retirement is refused half-way (one dependent cannot be re-checked)', async () => {
    const retiring = await suite.basics.make.disclaimer({ kind: 'third-party' })
    const replacement = await suite.basics.make.disclaimer({ kind: 'third-party' })
    const dependents = await drafts(3)
    for (const article of dependents) {
      await suite.newsroom.payload.update({
        id: article.id,
        collection: 'articles',
        data: { _status: 'published', disclaimers: [retiring.id] } as never,
      })
    }
    // The last dependent's source is suspended: re-publishing it with the replacement must fail.
    const suspended = await suite.basics.make.source({ creditLine: 'Agence suspendue' })
    await suite.newsroom.payload.update({
      id: dependents[2].id,
      collection: 'articles',
      data: {
        _status: 'published',
        attribution: { originalUrl: 'https://s.example/2', source: suspended.id },
      } as never,
    })
    await suite.newsroom.payload.update({
      id: suspended.id,
      collection: 'sources',
      data: { status: 'suspended' },
    })

    const answer = await suite.newsroom.rest.patch(`/disclaimers/${retiring.id}`, {
      body: { replaceWith: replacement.id, status: 'retired' },
      token: suite.staff.editor.token,
    })
    statuses.push(answer.status)
    expect(answer.status).toBe(400)
    expect(
      (await suite.newsroom.payload.findByID({ collection: 'disclaimers', id: retiring.id }))
        .status,
    ).toBe('approved')
    for (const article of dependents) {
      expect(
        (
          await suite.newsroom.payload.findByID({
            collection: 'articles',
            depth: 0,
            id: article.id,
          })
        ).disclaimers,
      ).toEqual([retiring.id])
    }
    expectNoServerErrors()
  })

  it('deletes only never-published drafts, atomically, and keeps their audit trail', async () => {
    const [draft, published] = await drafts(2)
    expect(
      (
        await suite.newsroom.rest.post(`/articles/${draft.id}/workflow`, {
          body: { action: 'submit' },
          token: suite.staff.editor.token,
        })
      ).status,
    ).toBe(200)
    expect((await publish(published.id)).status).toBe(200)
    const versionsOf = async (id: number | string) =>
      (
        await suite.newsroom.payload.countVersions({
          collection: 'articles',
          where: { parent: { equals: id } },
        })
      ).totalDocs
    const publishedVersions = await versionsOf(published.id)

    const refused = await suite.newsroom.rest.delete(`/articles/${published.id}`, {
      token: suite.staff.editor.token,
    })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    expect(
      await suite.newsroom.payload.findByID({ collection: 'articles', id: published.id }),
    ).toMatchObject({ _status: 'published' })
    expect(await versionsOf(published.id)).toBe(publishedVersions)
    expect(
      (
        await suite.newsroom.rest.delete(`/articles/${draft.id}`, {
          token: suite.staff.writer.token,
        })
      ).status,
    ).toBe(403)

    const deleted = await suite.newsroom.rest.delete(`/articles/${draft.id}`, {
      token: suite.staff.editor.token,
    })
    expect(deleted.status).toBe(200)
    expect(
      await suite.newsroom.payload.count({
        collection: 'articles',
        where: { id: { equals: draft.id } },
      }),
    ).toMatchObject({ totalDocs: 0 })
    expect(await versionsOf(draft.id)).toBe(0)
    const { docs: trail } = await suite.newsroom.payload.find({
      collection: 'workflow-events',
      depth: 0,
      sort: 'createdAt',
      where: { articleRef: { equals: String(draft.id) } },
    })
    expect(trail.map((event: any) => [event.action, event.to, event.article ?? null])).toEqual([
      ['submit', 'in_review', null],
      ['delete', 'deleted', null],
    ])
    expect(trail[1]).toMatchObject({
      articleTitle: draft.title,
      by: suite.staff.editor.id,
      from: 'in_review',
    })
  })

  it('serves 50 reads during 20 publishes: no 5xx, and the public never sees a draft', async () => {
    const batch = await drafts(20)
    const draftIDs = new Set(batch.map((article) => String(article.id)))
    const reads = Array.from({ length: 50 }, (_, index) =>
      (index % 2 === 0
        ? suite.newsroom.rest.get('/articles', { query: { depth: '0', limit: '100' } })
        : suite.newsroom.rest.get('/articles/feed/fr', { query: { limit: '50' } })
      ).then((answer) => {
        statuses.push(answer.status)
        return answer
      }),
    )
    const [answers] = await Promise.all([
      Promise.all(reads),
      Promise.all(batch.map((article) => publish(article.id))),
    ])
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      const items: Array<{ _status?: string; id: string; workflowState?: string }> =
        answer.body.docs ?? answer.body.items ?? []
      for (const item of items) {
        // A draft is only ever seen once it is published: the public reads published versions only.
        if (draftIDs.has(String(item.id))) expect(item._status ?? 'published').toBe('published')
      }
    }
    expectNoServerErrors()
  })

  it('stores one article per source item, and one translation per language, however many create at once (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const itemID = `race-item-${round}`
      const creates = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          suite.newsroom.rest.post('/articles', {
            body: {
              attribution: {
                originalUrl: 'https://horizon-presse.example/r',
                source: suite.basics.source.id,
                sourceItemId: itemID,
              },
              language: 'fr',
              origin: 'syndicated',
              section: suite.basics.world.id,
              title: `Course ${round} ${index}`,
            },
            query: { draft: 'true' },
            token: suite.staff.writer.token,
          }),
        ),
      )
      creates.forEach((answer) => statuses.push(answer.status))
      expect(creates.filter((answer) => answer.status === 201)).toHaveLength(1)
      expect(
        creates
          .filter((answer) => answer.status === 400)
          .map((answer) => answer.body.errors[0].data.errors[0].path),
      ).toEqual(Array(9).fill('attribution.sourceItemId'))
      expect(
        (
          await suite.newsroom.payload.count({
            collection: 'articles',
            where: { 'attribution.sourceItemId': { equals: itemID } },
          })
        ).totalDocs,
      ).toBe(1)
    }
    for (let round = 0; round < 20; round += 1) {
      const base = await suite.basics.make.article({ section: suite.basics.world.id })
      const translations = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          suite.newsroom.rest.post('/articles', {
            body: {
              language: 'en',
              section: suite.basics.world.id,
              title: `Translation ${round}-${index}`,
              translationOf: base.id,
            },
            query: { draft: 'true' },
            token: suite.staff.writer.token,
          }),
        ),
      )
      translations.forEach((answer) => statuses.push(answer.status))
      expect(translations.filter((answer) => answer.status === 201)).toHaveLength(1)
      expect(
        (
          await suite.newsroom.payload.count({
            collection: 'articles',
            where: { translationOf: { equals: base.id } },
          })
        ).totalDocs,
      ).toBe(1)
    }
    expectNoServerErrors()
  })
})
