import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { pluginOptionsOf, workflowActions, workflowStates } from 'payload-newsroom/rules'
import { inTransaction } from 'payload-newsroom/server'
import { runWorkflowAction } from 'payload-newsroom/server'
import { newsroomSuite } from '../helpers/newsroomSuite'

describe('the editorial workflow', () => {
  const suite = newsroomSuite()

  let counter = 0
  const writerDraft = async (extra: Record<string, unknown> = {}) => {
    const response = await suite.newsroom.rest.post('/articles', {
      body: {
        attribution: {
          originalUrl: 'https://horizon-presse.example/w',
          source: suite.basics.source.id,
          sourceItemId: `wf-${++counter}`,
        },
        body: {
          root: {
            children: [
              {
                children: [{ text: 'Texte du brouillon.', type: 'text', version: 1 }],
                type: 'paragraph',
                version: 1,
              },
            ],
            type: 'root',
            version: 1,
          },
        },
        language: 'fr',
        origin: 'syndicated',
        section: suite.basics.world.id,
        title: `Flux de travail ${counter}`,
        ...extra,
      },
      query: { draft: 'true' },
      token: suite.staff.writer.token,
    })
    expect(response.status).toBe(201)
    return response.body.doc as Record<string, any>
  }
  const action = (
    id: unknown,
    role: 'editor' | 'writer' | 'admin',
    body: Record<string, unknown>,
    language = 'en',
  ) =>
    suite.newsroom.rest.post(`/articles/${id}/workflow`, {
      body,
      headers: { 'accept-language': language },
      token: suite.staff[role].token,
    })

  it('moves an article from draft to published through review, and records every step', async () => {
    const draft = await writerDraft()
    expect((await action(draft.id, 'writer', { action: 'submit' })).status).toBe(200)
    const refused = await action(draft.id, 'writer', { action: 'approve' })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/Actions open to you: —/)

    const missingNote = await action(draft.id, 'editor', { action: 'request_changes' })
    expect(missingNote.status).toBe(400)
    expect(missingNote.body.errors[0].data.errors[0].path).toBe('note')
    expect(
      (
        await action(draft.id, 'editor', {
          action: 'request_changes',
          note: 'Ajoutez le contexte.',
        })
      ).status,
    ).toBe(200)
    expect((await action(draft.id, 'writer', { action: 'submit' })).status).toBe(200)
    expect((await action(draft.id, 'editor', { action: 'approve' })).status).toBe(200)
    const published = await action(draft.id, 'editor', { action: 'publish' })
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({ _status: 'published', workflowState: 'published' })

    const trail = await suite.newsroom.rest.get(`/articles/${draft.id}/workflow`, {
      token: suite.staff.editor.token,
    })
    expect(trail.body.actions).toEqual(['publish', 'correct', 'retract', 'archive', 'unpublish'])
    expect(
      trail.body.audit.map((event: any) => [
        event.action,
        event.from,
        event.to,
        event.by?.id ?? event.by,
      ]),
    ).toEqual([
      ['submit', 'draft', 'in_review', suite.staff.writer.id],
      ['request_changes', 'in_review', 'changes_requested', suite.staff.editor.id],
      ['submit', 'changes_requested', 'in_review', suite.staff.writer.id],
      ['approve', 'in_review', 'approved', suite.staff.editor.id],
      ['publish', 'approved', 'published', suite.staff.editor.id],
    ])
    expect(trail.body.audit[1].note).toBe('Ajoutez le contexte.')
  })

  it('refuses a transition from the wrong state with the states that can follow, in French too', async () => {
    const draft = await writerDraft()
    const response = await action(draft.id, 'editor', { action: 'approve' }, 'fr')
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0]).toEqual({
      message:
        '« Approuver » est impossible depuis « Brouillon ». L’article peut passer de là à : En relecture, Publié, Archivé.',
      path: 'workflowState',
    })
  })

  it('keeps the audit trail append-only, and for editors and admins only', async () => {
    const { docs } = await suite.newsroom.payload.find({ collection: 'workflow-events', limit: 1 })
    const event = docs[0]!
    expect(
      (
        await suite.newsroom.rest.patch(`/workflow-events/${event.id}`, {
          body: { note: 'réécrit' },
          token: suite.staff.admin.token,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await suite.newsroom.rest.delete(`/workflow-events/${event.id}`, {
          token: suite.staff.admin.token,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await suite.newsroom.rest.post('/workflow-events', {
          body: { action: 'publish', article: event.article, to: 'published' },
          token: suite.staff.admin.token,
        })
      ).status,
    ).toBe(403)
    expect(
      (await suite.newsroom.rest.get('/workflow-events', { token: suite.staff.writer.token }))
        .status,
    ).toBe(403)
    expect((await suite.newsroom.rest.get('/workflow-events')).status).toBe(403)
  })

  it('ignores a writer setting the state, the publication date or the snapshot directly', async () => {
    const draft = await writerDraft()
    const response = await suite.newsroom.rest.patch(`/articles/${draft.id}`, {
      body: {
        appliedDisclaimers: [{ key: 'forged' }],
        publishedAt: '2020-01-01T00:00:00.000Z',
        standfirst: 'Chapô',
        workflowState: 'published',
      },
      query: { draft: 'true' },
      token: suite.staff.writer.token,
    })
    expect(response.status).toBe(200)
    const stored = await suite.newsroom.payload.findByID({
      id: draft.id,
      collection: 'articles',
      draft: true,
    })
    expect(stored).toMatchObject({
      appliedDisclaimers: [],
      publishedAt: null,
      standfirst: 'Chapô',
      workflowState: 'draft',
    })
    // and cannot edit it once submitted
    await action(draft.id, 'writer', { action: 'submit' })
    const late = await suite.newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { standfirst: 'Trop tard' },
      query: { draft: 'true' },
      token: suite.staff.writer.token,
    })
    expect(late.status).toBe(403)
  })

  it('keeps the live text public while a newer edit waits as a draft', async () => {
    const draft = await writerDraft({ standfirst: 'Version publiée' })
    await action(draft.id, 'editor', { action: 'publish' })
    await suite.newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { standfirst: 'Version en cours' },
      query: { draft: 'true' },
      token: suite.staff.editor.token,
    })
    for (const query of [{}, { draft: 'true' }] as Record<string, string>[]) {
      const response = await suite.newsroom.rest.get(`/articles/${draft.id}`, { query })
      expect(response.body.standfirst).toBe('Version publiée')
    }
    const graph = await suite.newsroom.graphql(
      'query ($id: String!) { Article(id: $id, draft: true) { standfirst } }',
      { variables: { id: String(draft.id) } },
    )
    expect(graph.body.data.Article.standfirst).toBe('Version publiée')
    const editorView = await suite.newsroom.rest.get(`/articles/${draft.id}`, {
      query: { draft: 'true' },
      token: suite.staff.editor.token,
    })
    expect(editorView.body.standfirst).toBe('Version en cours')
  })

  it('corrects and retracts in public: the notes are shown, a retracted body is withheld', async () => {
    const draft = await writerDraft()
    await action(draft.id, 'editor', { action: 'publish' })
    await action(draft.id, 'editor', {
      action: 'correct',
      note: 'Le chiffre cité était de 12 %, non 21 %.',
    })
    const retracted = await action(draft.id, 'editor', {
      action: 'retract',
      note: 'La source a démenti l’information.',
    })
    expect(retracted.body.doc).toMatchObject({ _status: 'published', workflowState: 'retracted' })

    const publicView = await suite.newsroom.rest.get(`/articles/${draft.id}`)
    expect(publicView.status).toBe(200)
    expect(publicView.body.body ?? null).toBeNull()
    expect(publicView.body.corrections.map((entry: any) => [entry.type, entry.text])).toEqual([
      ['correction', 'Le chiffre cité était de 12 %, non 21 %.'],
      ['retraction', 'La source a démenti l’information.'],
    ])
    const staffView = await suite.newsroom.rest.get(`/articles/${draft.id}`, {
      token: suite.staff.editor.token,
    })
    expect(staffView.body.body).not.toBeNull()
  })

  /** A writer's draft, submitted and approved: ready to schedule. */
  const approvedDraft = async () => {
    const draft = await writerDraft()
    await action(draft.id, 'writer', { action: 'submit' })
    await action(draft.id, 'editor', { action: 'approve' })
    return draft
  }

  it('publishes a scheduled article when the queue runs, and not if the rules fail by then', async () => {
    const onTime = await approvedDraft()
    const blocked = await approvedDraft()
    const publishAt = new Date(Date.now() + 1200).toISOString()
    for (const article of [onTime, blocked]) {
      const scheduled = await action(article.id, 'editor', { action: 'schedule', publishAt })
      expect(scheduled.body.doc).toMatchObject({ _status: 'draft', workflowState: 'scheduled' })
    }
    // The second article's source is suspended before its time comes.
    const suspended = await suite.basics.make.source({ creditLine: 'Source suspendue' })
    await suite.newsroom.payload.update({
      id: blocked.id,
      collection: 'articles',
      data: { attribution: { originalUrl: 'https://s.example/1', source: suspended.id } } as never,
    })
    await suite.newsroom.payload.update({
      id: suspended.id,
      collection: 'sources',
      data: { status: 'suspended' },
    })

    await new Promise((resolve) => setTimeout(resolve, 1500))
    await suite.newsroom.payload.jobs.run({ limit: 100 })

    const [live, held] = await Promise.all(
      [onTime, blocked].map((article) =>
        suite.newsroom.payload.findByID({ id: article.id, collection: 'articles' }),
      ),
    )
    expect([live!._status, live!.workflowState]).toEqual(['published', 'published'])
    // Refused at its time: back to "approved", and the audit says why (never a silent "scheduled").
    expect([held!._status, held!.workflowState, held!.scheduledPublishAt ?? null]).toEqual([
      'draft',
      'approved',
      null,
    ])
    const { docs: heldTrail } = await suite.newsroom.payload.find({
      collection: 'workflow-events',
      depth: 0,
      sort: '-createdAt',
      where: { article: { equals: blocked.id } },
    })
    expect(heldTrail[0]).toMatchObject({
      action: 'unschedule',
      by: suite.staff.editor.id,
      from: 'scheduled',
      to: 'approved',
    })
    expect(heldTrail[0].note).toMatch(/scheduled publication was refused.*source/i)
  })

  it('never lets a cancelled or replaced schedule publish', async () => {
    const cancelled = await approvedDraft()
    const moved = await approvedDraft()
    const soon = new Date(Date.now() + 1000).toISOString()
    for (const article of [cancelled, moved]) {
      expect(
        (await action(article.id, 'editor', { action: 'schedule', publishAt: soon })).status,
      ).toBe(200)
      expect((await action(article.id, 'editor', { action: 'unschedule' })).status).toBe(200)
    }
    // Rescheduled for tomorrow: the job for the first time must stand down.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString()
    expect(
      (await action(moved.id, 'editor', { action: 'schedule', publishAt: tomorrow })).status,
    ).toBe(200)

    await new Promise((resolve) => setTimeout(resolve, 1300))
    await suite.newsroom.payload.jobs.run({ limit: 100 })
    const [afterCancel, afterMove] = await Promise.all(
      [cancelled, moved].map((article) =>
        suite.newsroom.payload.findByID({ id: article.id, collection: 'articles' }),
      ),
    )
    expect([afterCancel._status, afterCancel.workflowState]).toEqual(['draft', 'approved'])
    expect([afterMove._status, afterMove.workflowState]).toEqual(['draft', 'scheduled'])
    for (const article of [cancelled, moved]) {
      const published = await suite.newsroom.payload.count({
        collection: 'workflow-events',
        where: { and: [{ article: { equals: article.id } }, { action: { equals: 'publish' } }] },
      })
      expect(published.totalDocs).toBe(0)
    }
  })

  it('serves the same action through the Local API for server code acting for a user', async () => {
    const draft = await writerDraft()
    const writer = {
      ...(await suite.newsroom.payload.findByID({
        id: suite.staff.writer.id,
        collection: 'users',
      })),
      collection: 'users',
    }
    const req = await createLocalReq({ user: writer as never }, suite.newsroom.payload)
    const doc = await inTransaction(req, () =>
      runWorkflowAction(req, pluginOptionsOf(suite.newsroom.payload.config), {
        action: 'submit',
        id: draft.id,
      }),
    )
    expect((doc as unknown as Record<string, unknown>).workflowState).toBe('in_review')
  })

  it('takes one action on several articles: each through the workflow and the guarantee, and says per article what was refused and why', async () => {
    const complete = [await writerDraft(), await writerDraft()]
    const incomplete = await writerDraft({
      attribution: { source: suite.basics.source.id, sourceItemId: `wf-${++counter}` },
    })
    const bulk = (body: Record<string, unknown>, role: 'editor' | 'writer' = 'editor') =>
      suite.newsroom.rest.post('/articles/workflow', {
        body,
        headers: { 'accept-language': 'en' },
        token: suite.staff[role].token,
      })

    const answer = await bulk({
      action: 'publish',
      ids: [complete[0]!.id, incomplete.id, complete[1]!.id],
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ done: 2, refused: 1 })
    expect(
      answer.body.results.map((result: any) => [result.id, result.ok, result.state ?? null]),
    ).toEqual([
      [complete[0]!.id, true, 'published'],
      [incomplete.id, false, null],
      [complete[1]!.id, true, 'published'],
    ])
    expect(answer.body.results[1].errors).toEqual([
      expect.objectContaining({
        path: 'attribution.originalUrl',
        reason: expect.stringMatching(/original/i),
      }),
    ])
    const stored = await suite.newsroom.payload.find({
      collection: 'articles',
      depth: 0,
      where: { id: { in: [...complete, incomplete].map((doc) => doc.id) } },
    })
    const stateOf = (id: unknown) => stored.docs.find((doc: any) => doc.id === id)?._status
    expect([stateOf(complete[0]!.id), stateOf(incomplete.id), stateOf(complete[1]!.id)]).toEqual([
      'published',
      'draft',
      'published',
    ])
    expect(
      (
        await suite.newsroom.payload.count({
          collection: 'workflow-events',
          where: {
            and: [{ article: { equals: incomplete.id } }, { action: { equals: 'publish' } }],
          },
        })
      ).totalDocs,
    ).toBe(0)

    // A writer may not publish: every article refused, nothing written, 422.
    const other = await writerDraft()
    const writer = await bulk({ action: 'publish', ids: [other.id] }, 'writer')
    expect(writer.status).toBe(422)
    expect(writer.body.results[0]).toMatchObject({ id: other.id, ok: false })
    expect(
      (await suite.newsroom.payload.findByID({ collection: 'articles', draft: true, id: other.id }))
        .workflowState,
    ).toBe('draft')

    // Requests it cannot take: a 400 naming the field.
    const fieldOf = (response: any) => response.body.errors[0].data.errors[0].path
    for (const [body, field] of [
      [{ action: 'publish', ids: 'all' }, 'ids'],
      [{ action: 'publish', ids: [] }, 'ids'],
      [{ action: 'publish', ids: Array.from({ length: 101 }, (_, index) => String(index)) }, 'ids'],
      [{ action: 'publish', ids: [other.id, other.id] }, 'ids'],
      [{ action: 'publish', ids: [{ $ne: null }] }, 'ids'],
      [{ action: 'obliterate', ids: [other.id] }, 'action'],
    ] as const) {
      const refused = await bulk(body as never)
      expect([refused.status, fieldOf(refused)]).toEqual([400, field])
    }
    // IDs of no article (of either shape): each refused as not found, no 5xx.
    const unknown = await bulk({ action: 'publish', ids: ['not-an-id', 987654321] })
    expect(unknown.status).toBe(422)
    expect(
      unknown.body.results.map((result: any) => [result.ok, result.errors.length > 0]),
    ).toEqual([
      [false, true],
      [false, true],
    ])
  })

  it('gives a non-Latin title a transliterated slug, and refuses the same title twice in a language naming `slug`', async () => {
    const draft = (title: string, language = 'fr') =>
      suite.newsroom.rest.post('/articles', {
        body: { language, section: suite.basics.world.id, title },
        headers: { 'accept-language': 'en' },
        query: { draft: 'true' },
        token: suite.staff.writer.token,
      })
    const titles: [string, string][] = [
      ['Москва усиливает оборону', 'moskva-usilivaet-oboronu'],
      ['Η Αθήνα σήμερα', 'i-athina-simera'],
      ['東京の株価が上昇', 'dong-jing-no-zhu-si-ga-shang-sheng'],
      ['!!! …', ''],
    ]
    for (const [title, slug] of titles) {
      const created = await draft(title)
      expect(created.status).toBe(201)
      if (slug) expect(created.body.doc.slug).toBe(slug)
      else expect(created.body.doc.slug).toMatch(/^article-[0-9a-f]{8}$/)
    }
    const again = await draft('Москва усиливает оборону')
    expect(again.status).toBe(400)
    expect(again.body.errors[0].data.errors.map((error: any) => error.path)).toEqual(['slug'])
    // Another language may use the same slug.
    expect((await draft('Москва усиливает оборону', 'en')).status).toBe(201)
  })

  it('names the actions one way (snake_case, as the states): GraphQL enums, the valid actions in the REST error, the old spelling still read', async () => {
    const draft = await writerDraft()
    expect((await action(draft.id, 'writer', { action: 'submit' })).status).toBe(200)
    const unknown = await action(draft.id, 'editor', { action: 'obliterate' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].data.errors[0]).toMatchObject({ path: 'action' })
    expect(unknown.body.errors[0].message).toContain(
      'submit, request_changes, approve, publish, schedule',
    )
    // `requestChanges`, the earlier spelling, is read as `request_changes` and recorded so.
    const legacy = await action(draft.id, 'editor', {
      action: 'requestChanges',
      note: 'Précisez la date.',
    })
    expect(legacy.status).toBe(200)
    const events = await suite.newsroom.payload.find({
      collection: 'workflow-events',
      depth: 0,
      sort: 'createdAt',
      where: { article: { equals: draft.id } },
    })
    expect(events.docs.map((event: any) => event.action)).toEqual(['submit', 'request_changes'])

    const { graphql } = suite.newsroom
    const enums = await graphql(`
      {
        action: __type(name: "NewsroomWorkflowAction") {
          enumValues {
            name
          }
        }
        state: __type(name: "NewsroomWorkflowState") {
          enumValues {
            name
          }
        }
      }
    `)
    expect(enums.body.data.action.enumValues.map((value: any) => value.name)).toEqual(
      workflowActions,
    )
    expect(enums.body.data.state.enumValues.map((value: any) => value.name)).toEqual(workflowStates)
    const bad = await graphql(
      `mutation { articleWorkflow(id: "${draft.id}", action: obliterate) { workflowState } }`,
      { token: suite.staff.editor.token },
    )
    expect(bad.body.errors?.[0]?.message).toMatch(/Argument "action" has invalid value obliterate/)
    expect(bad.body.data).toBeUndefined()
    const resubmitted = await graphql(
      `mutation { articleWorkflow(id: "${draft.id}", action: submit) { workflowState } }`,
      { token: suite.staff.writer.token },
    )
    expect(resubmitted.body).toEqual({ data: { articleWorkflow: { workflowState: 'in_review' } } })
  })
})
