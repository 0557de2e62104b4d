import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expectFieldError } from '../helpers/expectations'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createNewsroomBasics, createStaff, publishedVersion } from '../helpers/newsroomData'

/**
 * Every write path that could publish a syndicated article without a valid disclaimer, with
 * auto-attach off: each must be refused with a field error and leave the published state unchanged.
 */
describe('the guarantee on every write path (auto-attach off)', () => {
  let newsroom: TestNewsroom
  let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  let staff: Awaited<ReturnType<typeof createStaff>>

  beforeAll(async () => {
    newsroom = await startNewsroom({ newsroom: { autoAttachDisclaimers: false } })
    staff = await createStaff(newsroom.payload, newsroom.rest.login)
    basics = await createNewsroomBasics(newsroom.payload)
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const syndicatedBody = (title: string) => ({
    attribution: { originalUrl: 'https://horizon-presse.example/x', source: basics.source.id },
    language: 'fr',
    origin: 'syndicated',
    section: basics.world.id,
    title,
  })
  const disclaimerErrorIn = (body: any) =>
    body.errors?.[0]?.data?.errors?.find((error: any) => error.path === 'disclaimers')

  it('REST create with _status: published', async () => {
    const response = await newsroom.rest.post('/articles', {
      body: { ...syndicatedBody('Création publiée sans avertissement'), _status: 'published' },
      token: staff.editor.token,
    })
    expect(response.status).toBe(400)
    expect(disclaimerErrorIn(response.body).message).toMatch(/Third-party content/)
    const { totalDocs } = await newsroom.payload.count({
      collection: 'articles',
      where: { title: { equals: 'Création publiée sans avertissement' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('REST update of a draft to published, with the message in French', async () => {
    const draft = await basics.syndicated({}, { draft: true })
    const response = await newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { _status: 'published' },
      headers: { 'accept-language': 'fr' },
      token: staff.editor.token,
    })
    expect(response.status).toBe(400)
    expect(disclaimerErrorIn(response.body).message).toMatch(
      /exige un avertissement « Contenu de tiers »/,
    )
    expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
  })

  it('REST bulk PATCH with where', async () => {
    const drafts = await Promise.all(
      [1, 2].map(() => basics.syndicated({ tags: ['bulk'] }, { draft: true })),
    )
    const response = await newsroom.rest.patch('/articles', {
      body: { _status: 'published' },
      query: { 'where[tags][contains]': 'bulk' },
      token: staff.editor.token,
    })
    expect(response.body.errors?.length).toBeGreaterThanOrEqual(2)
    expect(response.body.docs ?? []).toHaveLength(0)
    for (const draft of drafts) {
      expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
    }
  })

  it('GraphQL create and update mutations', async () => {
    const created = await newsroom.graphql(
      /* GraphQL */ `
        mutation ($data: mutationArticleInput!) {
          createArticle(data: $data) {
            id
            _status
          }
        }
      `,
      {
        token: staff.editor.token,
        variables: {
          data: { ...syndicatedBody('GraphQL sans avertissement'), _status: 'published' },
        },
      },
    )
    expect(created.body.data?.createArticle ?? null).toBeNull()
    expect(created.body.errors?.[0]?.extensions?.statusCode).toBe(400)

    const draft = await basics.syndicated({}, { draft: true })
    const updated = await newsroom.graphql(
      /* GraphQL */ `
        mutation ($id: String!) {
          updateArticle(id: $id, data: { _status: published }) {
            id
            _status
          }
        }
      `,
      { token: staff.editor.token, variables: { id: String(draft.id) } },
    )
    expect(updated.body.data?.updateArticle ?? null).toBeNull()
    expect(updated.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
  })

  it('Local API with overrideAccess: true', async () => {
    const draft = await basics.syndicated({}, { draft: true })
    await expectFieldError(
      newsroom.payload.update({
        id: draft.id,
        collection: 'articles',
        data: { _status: 'published' },
        overrideAccess: true,
      }),
      'disclaimers',
    )
    expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
  })

  it('restoring an older version that had no valid disclaimer', async () => {
    const retiring = await basics.make.disclaimer({ kind: 'third-party' })
    const article = await basics.syndicated({ _status: 'published', disclaimers: [retiring.id] })
    // Retiring re-points the article to a current disclaimer: a new published version.
    await newsroom.payload.update({
      id: retiring.id,
      collection: 'disclaimers',
      data: { replaceWith: basics.thirdParty.id, status: 'retired' } as never,
    })
    const { docs: versions } = await newsroom.payload.findVersions({
      collection: 'articles',
      sort: 'createdAt',
      where: {
        and: [{ parent: { equals: article.id } }, { 'version._status': { equals: 'published' } }],
      },
    })
    const withRetired = versions.find((version: any) =>
      (version.version.disclaimers ?? []).some(
        (disclaimer: any) => (disclaimer.id ?? disclaimer) === retiring.id,
      ),
    )!
    expect(withRetired).toBeDefined()

    const response = await newsroom.rest.post(`/articles/versions/${withRetired.id}`, {
      token: staff.editor.token,
    })
    expect(response.status).toBe(400)
    expect(disclaimerErrorIn(response.body)).toBeDefined()
    expect((await publishedVersion(newsroom.payload, article.id))?.disclaimers).toEqual([
      basics.thirdParty.id,
    ])
  })

  it('restoring a draft version without disclaimer as a draft leaves the live version, and cannot be published', async () => {
    const draft = await basics.syndicated({}, { draft: true })
    await newsroom.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { _status: 'published', disclaimers: [basics.thirdParty.id] },
    })
    const { docs: versions } = await newsroom.payload.findVersions({
      collection: 'articles',
      sort: 'createdAt',
      where: { parent: { equals: draft.id } },
    })
    const withoutDisclaimer = versions.find(
      (version: any) => (version.version.disclaimers ?? []).length === 0,
    )!
    const restored = await newsroom.rest.post(`/articles/versions/${withoutDisclaimer.id}`, {
      query: { draft: 'true' },
      token: staff.editor.token,
    })
    expect(restored.body._status).toBe('draft')
    expect((await publishedVersion(newsroom.payload, draft.id))?.disclaimers).toEqual([
      basics.thirdParty.id,
    ])
    const publish = await newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { _status: 'published' },
      token: staff.editor.token,
    })
    expect(publish.status).toBe(400)
  })

  it('duplicating a published syndicated article and publishing the copy without its disclaimer', async () => {
    const original = await basics.syndicated({
      _status: 'published',
      disclaimers: [basics.thirdParty.id],
    })
    const copy = await newsroom.rest.post(`/articles/${original.id}/duplicate`, {
      body: { disclaimers: [] },
      query: { draft: 'true' },
      token: staff.editor.token,
    })
    expect(copy.status).toBe(200)
    const copyID = copy.body.doc.id
    expect(copy.body.doc).toMatchObject({ _status: 'draft', appliedDisclaimers: [] })
    expect(copy.body.doc.attribution.sourceItemId ?? null).toBeNull()

    const publish = await newsroom.rest.patch(`/articles/${copyID}`, {
      body: { _status: 'published' },
      token: staff.editor.token,
    })
    expect(publish.status).toBe(400)
    expect(await publishedVersion(newsroom.payload, copyID)).toBeNull()
  })

  it('scheduled publish of a draft whose disclaimer was retired in the meantime', async () => {
    const retiring = await basics.make.disclaimer({ kind: 'third-party' })
    const draft = await basics.syndicated({ disclaimers: [retiring.id] }, { draft: true })
    await newsroom.payload.jobs.queue({
      input: { doc: { relationTo: 'articles', value: draft.id }, type: 'publish' },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
    })
    await newsroom.payload.update({
      id: retiring.id,
      collection: 'disclaimers',
      data: { status: 'retired' },
    })
    await newsroom.payload.jobs.run()
    expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
  })

  it('switching a published original article to syndicated', async () => {
    const original = await basics.make.article({ _status: 'published', section: basics.world.id })
    const response = await newsroom.rest.patch(`/articles/${original.id}`, {
      body: { origin: 'syndicated' },
      token: staff.editor.token,
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors.map((error: any) => error.path)).toEqual(
      expect.arrayContaining(['attribution.source', 'attribution.originalUrl', 'disclaimers']),
    )
    expect((await publishedVersion(newsroom.payload, original.id))?.origin).toBe('original')
  })

  it('removing the disclaimer from a published article', async () => {
    const article = await basics.syndicated({
      _status: 'published',
      disclaimers: [basics.thirdParty.id],
    })
    const response = await newsroom.rest.patch(`/articles/${article.id}`, {
      body: { disclaimers: [] },
      token: staff.editor.token,
    })
    expect(response.status).toBe(400)
    expect((await publishedVersion(newsroom.payload, article.id))?.disclaimers).toEqual([
      basics.thirdParty.id,
    ])
  })

  it('moving a published article to a section that requires another kind', async () => {
    const article = await basics.syndicated({
      _status: 'published',
      disclaimers: [basics.thirdParty.id],
    })
    const response = await newsroom.rest.patch(`/articles/${article.id}`, {
      body: { section: basics.markets.id },
      token: staff.editor.token,
    })
    expect(response.status).toBe(400)
    expect(disclaimerErrorIn(response.body).message).toMatch(/Not financial advice/)
    expect((await publishedVersion(newsroom.payload, article.id))?.section).toBe(basics.world.id)
  })

  describe('a disclaimer in use', () => {
    it('cannot be retired, expired or deleted, and the error says how many articles depend on it', async () => {
      const inUse = await basics.make.disclaimer({ kind: 'third-party' })
      await Promise.all(
        [1, 2].map(() => basics.syndicated({ _status: 'published', disclaimers: [inUse.id] })),
      )

      for (const data of [
        { status: 'retired' },
        { effectiveTo: new Date(Date.now() - 60_000).toISOString() },
        { status: 'draft' },
      ]) {
        const response = await newsroom.rest.patch(`/disclaimers/${inUse.id}`, {
          body: data,
          token: staff.admin.token,
        })
        expect(response.status).toBe(400)
        expect(response.body.errors[0].data.errors[0].message).toMatch(
          /^2 published article\(s\) depend on this disclaimer/,
        )
      }
      const deletion = await newsroom.rest.delete(`/disclaimers/${inUse.id}`, {
        token: staff.admin.token,
      })
      expect(deletion.status).toBe(400)
      expect(JSON.stringify(deletion.body)).toMatch(
        /2 published article\(s\) depend on this disclaimer/,
      )
      const stored = await newsroom.payload.findByID({ id: inUse.id, collection: 'disclaimers' })
      expect(stored.status).toBe('approved')
    })

    it('is retired when a replacement of the same kind is named, re-pointing its articles in the same operation', async () => {
      const outgoing = await basics.make.disclaimer({ kind: 'third-party' })
      const incoming = await basics.make.disclaimer({
        kind: 'third-party',
        shortText: 'Nouveau texte sur le contenu de tiers.',
      })
      const notFinancial = await basics.make.disclaimer({ kind: 'not-financial-advice' })
      const article = await basics.syndicated({ _status: 'published', disclaimers: [outgoing.id] })

      const wrongKind = await newsroom.rest.patch(`/disclaimers/${outgoing.id}`, {
        body: { replaceWith: notFinancial.id, status: 'retired' },
        token: staff.admin.token,
      })
      expect(wrongKind.status).toBe(400)
      expect(wrongKind.body.errors[0].data.errors[0].path).toBe('replaceWith')

      const retired = await newsroom.rest.patch(`/disclaimers/${outgoing.id}`, {
        body: { replaceWith: incoming.id, status: 'retired' },
        token: staff.admin.token,
      })
      expect(retired.status).toBe(200)
      const live = await publishedVersion(newsroom.payload, article.id, { internal: true })
      expect(live?.disclaimers).toEqual([incoming.id])
      expect(live?.appliedDisclaimers.map((applied: any) => applied.disclaimer)).toEqual([
        incoming.id,
      ])
    })
  })

  it('a suspended source blocks new publications and leaves published ones as they are', async () => {
    const source = await basics.make.source({ creditLine: 'Flux Suspendu' })
    const attribution = { originalUrl: 'https://flux.example/1', source: source.id }
    const live = await basics.syndicated({
      _status: 'published',
      attribution,
      disclaimers: [basics.thirdParty.id],
    })
    const draft = await basics.syndicated(
      {
        attribution: { ...attribution, sourceItemId: 'other' },
        disclaimers: [basics.thirdParty.id],
      },
      { draft: true },
    )
    await newsroom.payload.update({
      id: source.id,
      collection: 'sources',
      data: { status: 'suspended' },
    })

    await expectFieldError(
      newsroom.payload.update({
        id: draft.id,
        collection: 'articles',
        data: { _status: 'published' },
      }),
      'attribution.source',
      /suspended/,
    )
    expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()
    expect((await publishedVersion(newsroom.payload, live.id))?._status).toBe('published')
  })
})
