import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

type Doc = Record<string, any>

/**
 * Tasks that block publishing (issue 37, item 3): editors attach them to an article; while one is
 * open, no path publishes it, and the refusal names the task like the guarantee's rules.
 */
describe('blocking tasks', () => {
  const suite = newsroomSuite()
  const run = process.pid.toString(36)
  const tasks = 'newsroom-tasks'
  let serial = 0

  const draft = async (data: Doc = {}) =>
    await suite.basics.make.article(
      { section: suite.basics.world.id, slug: `tache-${run}-${++serial}`, ...data },
      { draft: true },
    )
  const addTask = async (article: number | string, text: string, assignee?: number | string) => {
    const answer = await suite.newsroom.rest.post(`/${tasks}`, {
      body: { article, assignee, text },
      token: suite.staff.editor.token,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    return answer.body.doc as Doc
  }
  const stored = async (id: number | string) =>
    await suite.newsroom.payload.findByID({ id, collection: 'articles', depth: 0, draft: false })
  const taskMessage = (body: any): string | undefined =>
    (body?.errors ?? [])
      .flatMap((error: any) => error.data?.errors ?? error.extensions?.data?.errors ?? [])
      .find((entry: any) => entry.path === 'tasks')?.message

  it('refuses to publish through REST, GraphQL, the Local API, the workflow, a bulk PATCH and the scheduled job while a task is open', async () => {
    const { newsroom, staff } = suite
    const viaRest = await draft()
    await addTask(viaRest.id, 'Vérifier le chiffre du deuxième paragraphe')
    const rest = await newsroom.rest.patch(`/articles/${viaRest.id}`, {
      body: { _status: 'published' },
      headers: { 'accept-language': 'fr' },
      token: staff.editor.token,
    })
    expect(rest.status).toBe(400)
    expect(taskMessage(rest.body)).toBe(
      'La tâche « Vérifier le chiffre du deuxième paragraphe » est encore ouverte : elle doit être faite avant la publication de cet article.',
    )
    expect((await stored(viaRest.id))._status).toBe('draft')

    const viaGraphQL = await draft()
    await addTask(viaGraphQL.id, 'Relire le titre')
    const graphql = await newsroom.graphql(
      /* GraphQL */ `
        mutation ($id: String!) {
          updateArticle(id: $id, data: { _status: published }) {
            id
          }
        }
      `,
      { token: staff.editor.token, variables: { id: String(viaGraphQL.id) } },
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(taskMessage(graphql.body)).toContain('Relire le titre')

    const viaLocal = await draft()
    await addTask(viaLocal.id, 'Appeler la source')
    await expect(
      newsroom.payload.update({
        id: viaLocal.id,
        collection: 'articles',
        data: { _status: 'published' },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400 })

    const viaWorkflow = await draft()
    await addTask(viaWorkflow.id, 'Obtenir le feu vert juridique')
    const workflow = await newsroom.rest.post(`/articles/${viaWorkflow.id}/workflow`, {
      body: { action: 'publish' },
      token: staff.editor.token,
    })
    expect(workflow.status).toBe(400)
    expect(taskMessage(workflow.body)).toContain('feu vert juridique')

    const tag = `lot-${run}`
    const [open, clear] = await Promise.all([draft({ tags: [tag] }), draft({ tags: [tag] })])
    await addTask(open.id, 'Ajouter la photo')
    const bulk = await newsroom.rest.patch('/articles', {
      body: { _status: 'published' },
      query: { 'where[tags][contains]': tag },
      token: staff.editor.token,
    })
    expect(bulk.body.docs.map((doc: Doc) => doc.id)).toEqual([clear.id])
    expect((await stored(open.id))._status).toBe('draft')
    expect((await stored(clear.id))._status).toBe('published')

    const scheduled = await draft()
    await addTask(scheduled.id, 'Attendre la confirmation')
    await newsroom.payload.jobs.queue({
      input: { doc: { relationTo: 'articles', value: scheduled.id }, type: 'publish' },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
    })
    await newsroom.payload.jobs.run()
    expect((await stored(scheduled.id))._status).toBe('draft')
  })

  it('publishes once the task is done: its assignee ticks it, and the system records who and when', async () => {
    const { newsroom, staff } = suite
    const article = await draft()
    const task = await addTask(article.id, 'Vérifier la citation', staff.writer.id)
    // The assignee may tick it, not reword it; another writer may not touch it.
    const reworded = await newsroom.rest.patch(`/${tasks}/${task.id}`, {
      body: { done: true, doneBy: staff.admin.id, text: 'Rien à faire' },
      token: staff.writer.token,
    })
    expect(reworded.status, JSON.stringify(reworded.body)).toBe(200)
    const ticked: Doc = await newsroom.payload.findByID({ id: task.id, collection: tasks as never })
    expect(ticked).toMatchObject({ done: true, text: 'Vérifier la citation' })
    expect(ticked.doneBy?.id ?? ticked.doneBy).toBe(staff.writer.id)
    expect(Date.parse(ticked.doneAt)).toBeGreaterThan(Date.now() - 60_000)
    const published = await newsroom.rest.patch(`/articles/${article.id}`, {
      body: { _status: 'published' },
      token: staff.editor.token,
    })
    expect(published.status, JSON.stringify(published.body)).toBe(200)

    const other = await addTask(article.id, 'Tâche d’un autre', staff.editor.id)
    const notMine = await newsroom.rest.patch(`/${tasks}/${other.id}`, {
      body: { done: true },
      token: staff.writer.token,
    })
    expect(notMine.status).toBe(403)
    expect(
      ((await newsroom.payload.findByID({ id: other.id, collection: tasks as never })) as Doc).done,
    ).toBe(false)
  })

  it('blocks edits of a live article while a task is open, but never its retraction', async () => {
    const { newsroom, staff } = suite
    const live = await suite.basics.make.article({
      _status: 'published',
      section: suite.basics.world.id,
      slug: `en-ligne-${run}`,
    })
    await addTask(live.id, 'Faire valider la mise à jour')
    const edit = await newsroom.rest.patch(`/articles/${live.id}`, {
      body: { title: 'Titre changé sans validation' },
      token: staff.editor.token,
    })
    expect(edit.status).toBe(400)
    expect(taskMessage(edit.body)).toContain('Faire valider la mise à jour')
    const retract = await newsroom.rest.post(`/articles/${live.id}/workflow`, {
      body: { action: 'retract', note: 'Information erronée.' },
      token: staff.editor.token,
    })
    expect(retract.status, JSON.stringify(retract.body)).toBe(200)
  })

  it('refuses hostile tasks with a 4xx naming the field, and tasks from writers or the public', async () => {
    const { newsroom, staff } = suite
    const article = await draft()
    const before = (await newsroom.payload.count({ collection: tasks as never })).totalDocs
    for (const [body, path] of [
      [{ article: article.id, text: '' }, 'text'],
      [{ article: article.id, text: 'x'.repeat(501) }, 'text'],
      [{ article: article.id, text: 'nul \u0000 octet' }, 'text'],
      [{ text: 'sans article' }, 'article'],
      [{ article: 'constructor', text: 'article inconnu' }, 'article'],
    ] as const) {
      const answer = await newsroom.rest.post(`/${tasks}`, { body, token: staff.editor.token })
      expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400)
      expect(JSON.stringify(answer.body)).toContain(`"path":"${path}"`)
    }
    expect(
      (
        await newsroom.rest.post(`/${tasks}`, {
          body: { article: article.id, text: 'écrite par un rédacteur' },
          token: staff.writer.token,
        })
      ).status,
    ).toBe(403)
    expect((await newsroom.rest.get(`/${tasks}`)).status).toBe(403)
    expect((await newsroom.payload.count({ collection: tasks as never })).totalDocs).toBe(before)
    // A title carrying markup is stored as text, and named as text in the refusal.
    await addTask(article.id, '</script><script>alert(1)</script>')
    const refused = await newsroom.rest.patch(`/articles/${article.id}`, {
      body: { _status: 'published' },
      token: staff.editor.token,
    })
    expect(taskMessage(refused.body)).toContain('“</script><script>alert(1)</script>”')
  })

  it('never publishes past a task created at the same moment', async () => {
    const { newsroom, staff } = suite
    const articles = await Promise.all(Array.from({ length: 10 }, () => draft()))
    await Promise.all(
      articles.flatMap((article) => [
        newsroom.rest.post(`/${tasks}`, {
          body: { article: article.id, text: 'Course' },
          token: staff.editor.token,
        }),
        newsroom.rest.patch(`/articles/${article.id}`, {
          body: { _status: 'published' },
          token: staff.editor.token,
        }),
      ]),
    )
    for (const article of articles) {
      const [task] = (
        await newsroom.payload.find({
          collection: tasks as never,
          where: { article: { equals: article.id } },
        })
      ).docs as Doc[]
      const doc = await stored(article.id)
      // Published only by a write that committed before the task existed.
      if (doc._status === 'published') {
        expect(Date.parse(doc.updatedAt)).toBeLessThanOrEqual(Date.parse(task.createdAt))
      }
    }
  })
})
