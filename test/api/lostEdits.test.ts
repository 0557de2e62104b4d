import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * No lost edits: a write that says which version it was made from (`If-Match: "<updatedAt>"` on the
 * document's URL, or `expectedUpdatedAt` in the body or the GraphQL input) is refused with a 409 when
 * someone saved since, naming who and when; the database keeps the newer work. Writes without a
 * precondition behave as Payload's do (the last one wins).
 */
describe('two editors on one article', () => {
  const suite = newsroomSuite()
  const rest = () => suite.newsroom.rest
  let drafts = 0
  const draft = async () =>
    suite.basics.make.article(
      {
        section: suite.basics.world.id,
        slug: `version-de-depart-${++drafts}`,
        title: 'Version de départ',
      },
      { draft: true },
    )
  const stored = async (id: number | string, collection = 'articles') =>
    (await suite.newsroom.payload.findByID({
      collection: collection as never,
      depth: 0,
      draft: true,
      id,
    })) as Record<string, any>

  it('refuses the second save made from the same version, over REST with If-Match, and names who saved first', async () => {
    const article = await draft()
    const read = article.updatedAt as string
    const first = await rest().patch(`/articles/${article.id}`, {
      body: { title: 'Titre de l’éditeur' },
      headers: { 'if-match': `"${read}"` },
      query: { draft: 'true' },
      token: suite.staff.editor.token,
    })
    expect(first.status).toBe(200)
    const second = await rest().patch(`/articles/${article.id}`, {
      body: { title: 'Titre de l’admin' },
      headers: { 'if-match': `"${read}"` },
      query: { draft: 'true' },
      token: suite.staff.admin.token,
    })
    expect(second.status).toBe(409)
    expect(second.body.errors[0].message).toMatch(
      /^editor user saved a newer version at \d{4}-\d{2}-\d{2} \d{2}h\d{2} UTC, after you opened this one\. Reload/,
    )
    expect(second.body.errors[0].data.errors[0].path).toBe('expectedUpdatedAt')
    expect(await stored(article.id)).toMatchObject({
      title: 'Titre de l’éditeur',
      updatedBy: suite.staff.editor.id,
    })
    // With the version it now reads, the admin's save goes through.
    const fresh = await rest().patch(`/articles/${article.id}`, {
      body: { title: 'Titre de l’admin' },
      headers: { 'if-match': `"${first.body.doc.updatedAt}"` },
      query: { draft: 'true' },
      token: suite.staff.admin.token,
    })
    expect(fresh.status).toBe(200)
    expect((await stored(article.id)).title).toBe('Titre de l’admin')
  })

  it('refuses a stale autosave, a stale GraphQL update, a stale workflow action and a stale bulk update', async () => {
    const article = await draft()
    const read = article.updatedAt as string
    expect(
      (
        await rest().patch(`/articles/${article.id}`, {
          body: { standfirst: 'Chapeau' },
          query: { draft: 'true' },
          token: suite.staff.editor.token,
        })
      ).status,
    ).toBe(200)
    const autosave = await rest().patch(`/articles/${article.id}`, {
      body: { standfirst: 'Autosave en retard', expectedUpdatedAt: read },
      query: { autosave: 'true', draft: 'true' },
      token: suite.staff.admin.token,
    })
    expect(autosave.status).toBe(409)
    const graphql = await suite.newsroom.graphql(
      'mutation ($id: String!, $read: String!) { updateArticle(id: $id, data: { title: "GraphQL", expectedUpdatedAt: $read }, draft: true) { id } }',
      { token: suite.staff.admin.token, variables: { id: String(article.id), read } },
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(409)
    const workflow = await rest().post(`/articles/${article.id}/workflow`, {
      body: { action: 'submit', expectedUpdatedAt: read },
      token: suite.staff.editor.token,
    })
    expect(workflow.status).toBe(409)
    const bulk = await rest().patch('/articles', {
      body: { expectedUpdatedAt: read, title: 'En masse' },
      query: { draft: 'true', 'where[id][equals]': String(article.id) },
      token: suite.staff.admin.token,
    })
    expect(bulk.body.docs).toEqual([])
    expect(await stored(article.id)).toMatchObject({
      standfirst: 'Chapeau',
      title: 'Version de départ',
      workflowState: 'draft',
    })
    const events = await suite.newsroom.payload.count({
      collection: 'workflow-events',
      where: { article: { equals: article.id } },
    })
    expect(events.totalDocs).toBe(0)

    // A bulk workflow action says which version of each article it was made from.
    const fresh = await draft()
    const bulkWorkflow = await rest().post('/articles/workflow', {
      body: {
        action: 'submit',
        expectedUpdatedAt: { [String(article.id)]: read, [String(fresh.id)]: fresh.updatedAt },
        ids: [article.id, fresh.id],
      },
      token: suite.staff.editor.token,
    })
    expect(bulkWorkflow.body.results.map((result: any) => [result.id, result.ok])).toEqual([
      [article.id, false],
      [fresh.id, true],
    ])
    expect((await stored(article.id)).workflowState).toBe('draft')
    expect((await stored(fresh.id)).workflowState).toBe('in_review')
  })

  it('keeps today’s behaviour without a precondition, refuses a malformed one, and guards other collections too', async () => {
    const article = await draft()
    for (const title of ['Premier', 'Second']) {
      expect(
        (
          await rest().patch(`/articles/${article.id}`, {
            body: { title },
            query: { draft: 'true' },
            token: suite.staff.editor.token,
          })
        ).status,
      ).toBe(200)
    }
    expect((await stored(article.id)).title).toBe('Second')
    // What the admin's edit view sends: the updatedAt it loaded, in the body.
    const asTheAdminSends = await rest().patch(`/articles/${article.id}`, {
      body: { title: 'Vieux formulaire', updatedAt: article.updatedAt },
      query: { draft: 'true' },
      token: suite.staff.editor.token,
    })
    expect(asTheAdminSends.status).toBe(409)
    expect((await stored(article.id)).title).toBe('Second')
    const malformed = await rest().patch(`/articles/${article.id}`, {
      body: { title: 'x' },
      headers: { 'if-match': '"yesterday"' },
      query: { draft: 'true' },
      token: suite.staff.editor.token,
    })
    expect(malformed.status).toBe(400)

    const section = await suite.basics.make.section({ name: 'Sciences' })
    expect(
      (
        await rest().patch(`/sections/${section.id}`, {
          body: { description: 'Nouvelle' },
          token: suite.staff.admin.token,
        })
      ).status,
    ).toBe(200)
    const stale = await rest().patch(`/sections/${section.id}`, {
      body: { description: 'Ancienne' },
      headers: { 'if-match': `"${section.updatedAt}"` },
      token: suite.staff.admin.token,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(/^A newer version was saved at /)
    expect((await stored(section.id, 'sections')).description).toBe('Nouvelle')
  })
})
