import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createNewsroomBasics, createStaff } from '../helpers/newsroomData'

/** Draft-leak probes, as an anonymous reader: everything unpublished is marked SECRET. */
describe('nothing unpublished leaks to the public', () => {
  let newsroom: TestNewsroom
  let staff: Awaited<ReturnType<typeof createStaff>>
  let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  let draft: Record<string, any>
  let live: Record<string, any>

  beforeAll(async () => {
    newsroom = await startNewsroom()
    staff = await createStaff(newsroom.payload, newsroom.rest.login)
    basics = await createNewsroomBasics(newsroom.payload)
    draft = await basics.syndicated(
      { standfirst: 'SECRET brouillon', title: 'SECRET Brouillon' },
      { draft: true },
    )
    live = await basics.syndicated({
      _status: 'published',
      disclaimers: [basics.thirdParty.id],
      title: 'Article publié',
    })
    // A published English translation pointing at a draft, and a draft translation of the live one.
    await basics.syndicated({
      _status: 'published',
      disclaimers: [basics.thirdParty.id],
      language: 'en',
      title: 'Published translation',
      translationOf: draft.id,
    })
    await basics.syndicated(
      { language: 'en', title: 'SECRET draft translation', translationOf: live.id },
      { draft: true },
    )
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const leaks = (value: unknown) => JSON.stringify(value ?? null).includes('SECRET')

  it('lists, finds and filters only published articles, with or without ?draft=true', async () => {
    const probes: Record<string, string>[] = [
      {},
      { draft: 'true' },
      { 'where[_status][equals]': 'draft' },
      { 'where[workflowState][equals]': 'draft' },
      { 'where[createdBy][exists]': 'false' },
      { depth: '3', draft: 'true' },
    ]
    for (const query of probes) {
      const response = await newsroom.rest.get('/articles', { query })
      expect(leaks(response.body), JSON.stringify(query)).toBe(false)
    }
    for (const query of [{}, { draft: 'true' }] as Record<string, string>[]) {
      expect((await newsroom.rest.get(`/articles/${draft.id}`, { query })).status).toBe(404)
    }
  })

  it('never answers the versions endpoints or GraphQL versions', async () => {
    const { docs } = await newsroom.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: draft.id } },
    })
    const versions = await newsroom.rest.get('/articles/versions')
    const version = await newsroom.rest.get(`/articles/versions/${docs[0]!.id}`)
    expect(leaks(versions.body) || leaks(version.body)).toBe(false)
    expect([versions.status, version.status]).toEqual([403, 403])
    const graph = await newsroom.graphql(
      `query ($id: String) { versionsArticles { docs { id version { title } } } versionArticle(id: $id) { version { title } } }`,
      {
        variables: { id: String(docs[0]!.id) },
      },
    )
    expect(leaks(graph.body.data)).toBe(false)
    expect(graph.body.errors?.length).toBeGreaterThan(0)
  })

  it('never populates a draft into a published article, at any depth, nor lists draft translations', async () => {
    for (const depth of ['0', '1', '2', '5']) {
      const response = await newsroom.rest.get('/articles', { query: { depth, limit: '100' } })
      expect(leaks(response.body), `depth ${depth}`).toBe(false)
    }
    const graph = await newsroom.graphql(
      '{ Articles { docs { title translationOf { title standfirst } translations { docs { title } } } } }',
    )
    expect(leaks(graph.body)).toBe(false)
    const liveView = await newsroom.rest.get(`/articles/${live.id}`, { query: { depth: '2' } })
    expect(liveView.body.translations?.docs ?? []).toEqual([])
  })

  it('shows no users, audit trail or internal fields', async () => {
    expect((await newsroom.rest.get('/users')).status).toBe(403)
    expect((await newsroom.rest.get('/workflow-events')).status).toBe(403)
    const liveView = await newsroom.rest.get(`/articles/${live.id}`)
    expect(liveView.body.createdBy ?? null).toBeNull()
    // The snapshot is what readers are shown; who applied it stays internal.
    expect(
      (liveView.body.appliedDisclaimers ?? []).every(
        (applied: any) => applied.appliedBy === undefined,
      ),
    ).toBe(true)
    expect(staff.editor.token).toBeTruthy()
  })
})
