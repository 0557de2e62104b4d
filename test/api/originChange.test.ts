import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * Origin is not a switch: taking an article out of syndication (making it our own, or clearing its
 * original URL) is an editor's or an admin's decision with a reason, on every write path; refused for
 * writers and ingest accounts and where the licence forbids a rewritten version; recorded in the audit
 * trail; and the article keeps saying what it is based on.
 */
describe('taking an article out of syndication', () => {
  const suite = newsroomSuite()
  const payload = () => suite.newsroom.payload
  const originalUrl = 'https://horizon-presse.example/depeches/origine'

  /** A syndicated draft written over REST by `role`, as that account would. */
  const syndicatedDraft = async (
    role: 'editor' | 'ingest' | 'writer',
    source = suite.basics.source.id,
  ) => {
    const created = await suite.newsroom.rest.post('/articles', {
      body: {
        attribution: { originalUrl, source, sourceItemId: `origin-${Math.random()}` },
        language: 'fr',
        origin: 'syndicated',
        section: suite.basics.world.id,
        title: `Dépêche ${Math.random()}`,
      },
      query: { draft: 'true' },
      token: suite.staff[role].token,
    })
    expect(created.status).toBe(201)
    return created.body.doc.id as number | string
  }
  const stored = async (id: number | string) =>
    (await payload().findByID({ collection: 'articles', depth: 0, draft: true, id })) as Record<
      string,
      any
    >
  const auditOf = async (id: number | string) =>
    (
      await payload().find({
        collection: 'workflow-events',
        depth: 0,
        where: { and: [{ article: { equals: id } }, { action: { equals: 'change_origin' } }] },
      })
    ).docs as Record<string, any>[]
  const patch = (
    id: number | string,
    role: 'editor' | 'ingest' | 'writer',
    body: Record<string, unknown>,
  ) =>
    suite.newsroom.rest.patch(`/articles/${id}`, {
      body,
      query: { draft: 'true' },
      token: suite.staff[role].token,
    })
  const expectStillSyndicated = async (id: number | string) => {
    expect(await stored(id)).toMatchObject({ attribution: { originalUrl }, origin: 'syndicated' })
    expect(await auditOf(id)).toEqual([])
  }
  const errorPaths = (body: any) =>
    (body?.errors ?? []).flatMap((error: any) =>
      (error.data?.errors ?? []).map((entry: any) => entry.path),
    )

  it('refuses writers and ingest accounts, even on their own drafts and with a reason', async () => {
    for (const role of ['writer', 'ingest'] as const) {
      const id = await syndicatedDraft(role)
      const answer = await patch(id, role, {
        origin: 'original',
        originChangeReason: 'Réécrit entièrement',
      })
      expect([400, 403]).toContain(answer.status)
      await expectStillSyndicated(id)
    }
  })

  it('asks an editor for a reason over REST, GraphQL, bulk and the Local API, then records it', async () => {
    const id = await syndicatedDraft('editor')
    const noReason = await patch(id, 'editor', { origin: 'original' })
    expect(noReason.status).toBe(400)
    expect(errorPaths(noReason.body)).toEqual(['originChangeReason'])
    const graphqlNoReason = await suite.newsroom.graphql(
      'mutation ($id: String!) { updateArticle(id: $id, data: { origin: original }, draft: true) { id } }',
      {
        token: suite.staff.editor.token,
        variables: { id: String(id) },
      },
    )
    expect(graphqlNoReason.body.errors?.[0]?.message).toMatch(/originChangeReason|reason|raison/i)
    const bulkNoReason = await suite.newsroom.rest.patch('/articles', {
      body: { origin: 'original' },
      query: { draft: 'true', 'where[id][equals]': String(id) },
      token: suite.staff.editor.token,
    })
    expect(bulkNoReason.body.docs).toEqual([])
    const editor = await payload().findByID({ collection: 'users', id: suite.staff.editor.id })
    await expect(
      payload().update({
        collection: 'articles',
        data: { origin: 'original' } as never,
        draft: true,
        id,
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expectStillSyndicated(id)

    const changed = await suite.newsroom.graphql(
      'mutation ($id: String!) { updateArticle(id: $id, data: { origin: original, originChangeReason: "Réécrit par la rédaction" }, draft: true) { id origin } }',
      { token: suite.staff.editor.token, variables: { id: String(id) } },
    )
    expect(changed.body.errors).toBeUndefined()
    expect(await stored(id)).toMatchObject({ attribution: { originalUrl }, origin: 'original' })
    expect((await auditOf(id)).map((event) => [event.note, event.by])).toEqual([
      ['Réécrit par la rédaction', suite.staff.editor.id],
    ])
  })

  it('lets an editor do it in bulk with a reason, one audit record per article', async () => {
    const ids = [await syndicatedDraft('editor'), await syndicatedDraft('editor')]
    const answer = await suite.newsroom.rest.patch('/articles', {
      body: { origin: 'original', originChangeReason: 'Dossier réécrit' },
      query: { draft: 'true', 'where[id][in]': ids.join(',') },
      token: suite.staff.editor.token,
    })
    expect(answer.status).toBe(200)
    for (const id of ids) {
      expect((await stored(id)).origin).toBe('original')
      expect((await auditOf(id)).map((event) => event.note)).toEqual(['Dossier réécrit'])
    }
  })

  it('refuses what the licence forbids, and keeps the original URL', async () => {
    const strict = await suite.basics.make.source({
      licence: { transformations: ['verbatim', 'excerpt'] },
    })
    const licensed = await syndicatedDraft('editor', strict.id)
    const forbidden = await patch(licensed, 'editor', {
      origin: 'original',
      originChangeReason: 'Réécrit',
    })
    expect(forbidden.status).toBe(400)
    expect(errorPaths(forbidden.body)).toEqual(['origin'])
    await expectStillSyndicated(licensed)

    const id = await syndicatedDraft('editor')
    const cleared = await patch(id, 'editor', {
      attribution: { originalUrl: null },
      originChangeReason: 'Plus de lien',
    })
    expect(cleared.status).toBe(400)
    expect(errorPaths(cleared.body)).toEqual(['attribution.originalUrl'])
    await expectStillSyndicated(id)
  })

  it('shows readers what an article made our own is based on', async () => {
    const id = await syndicatedDraft('editor')
    expect(
      (await patch(id, 'editor', { origin: 'original', originChangeReason: 'Réécrit' })).status,
    ).toBe(200)
    const published = await suite.newsroom.rest.post(`/articles/${id}/workflow`, {
      body: { action: 'publish' },
      token: suite.staff.editor.token,
    })
    expect(published.status).toBe(200)
    const { slug } = await stored(id)
    const view = await suite.newsroom.rest.get(`/articles/view/fr/${slug}`)
    expect(view.body.article).toMatchObject({
      attribution: null,
      basedOn: { label: 'D’après', originalUrl, source: { name: 'Agence Horizon Presse' } },
    })
    expect(view.body.jsonLd.isBasedOn).toBe(originalUrl)
  })
})
