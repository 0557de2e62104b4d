import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

type Doc = Record<string, any>

/**
 * The publish rules at each workflow step (issue 37, item 4): a writer learns at submit what will
 * stop the piece; an editor cannot approve or schedule an incomplete one; what depends on time or on
 * others (an embargo, an open task) warns until the publication, which refuses it.
 */
describe('checks at each workflow step', () => {
  const suite = newsroomSuite()
  const run = process.pid.toString(36)
  let serial = 0

  const writerDraft = async (attribution: Doc, extra: Doc = {}) => {
    const answer = await suite.newsroom.rest.post('/articles', {
      body: {
        attribution: {
          source: suite.basics.source.id,
          sourceItemId: `etape-${run}-${++serial}`,
          ...attribution,
        },
        language: 'fr',
        origin: 'syndicated',
        section: suite.basics.world.id,
        title: `Étapes ${run} ${serial}`,
        ...extra,
      },
      query: { draft: 'true' },
      token: suite.staff.writer.token,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    return answer.body.doc as Doc
  }
  const act = (id: unknown, role: 'editor' | 'writer', body: Doc) =>
    suite.newsroom.rest.post(`/articles/${id}/workflow`, {
      body,
      headers: { 'accept-language': 'fr' },
      token: suite.staff[role].token,
    })
  const stateOf = async (id: number | string) =>
    (await suite.newsroom.payload.findByID({ id, collection: 'articles', depth: 0, draft: true }))
      .workflowState
  const paths = (body: any): string[] =>
    (body?.errors ?? []).flatMap((error: any) =>
      (error.data?.errors ?? []).map((entry: any) => entry.path),
    )

  it('warns the writer at submit, and refuses the editor’s approval, of a piece missing its original URL', async () => {
    const draft = await writerDraft({})
    const submitted = await act(draft.id, 'writer', { action: 'submit' })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    expect(submitted.body.warnings).toEqual([
      expect.objectContaining({
        code: 'originalUrlMissing',
        message: expect.stringMatching(/URL/),
        path: 'attribution.originalUrl',
      }),
    ])
    expect(await stateOf(draft.id)).toBe('in_review')

    const approval = await act(draft.id, 'editor', { action: 'approve' })
    expect(approval.status).toBe(400)
    expect(paths(approval.body)).toEqual(['attribution.originalUrl'])
    expect(await stateOf(draft.id)).toBe('in_review')
    const events = await suite.newsroom.payload.find({
      collection: 'workflow-events',
      where: { and: [{ article: { equals: draft.id } }, { action: { equals: 'approve' } }] },
    })
    expect(events.totalDocs).toBe(0)
  })

  it('approves a complete piece with an open task and an embargo as warnings, then publication refuses both until they clear', async () => {
    const embargo = new Date(Date.now() + 60 * 60_000).toISOString()
    const draft = await writerDraft(
      { originalUrl: 'https://horizon-presse.example/etapes' },
      { embargoUntil: embargo },
    )
    expect((await act(draft.id, 'writer', { action: 'submit' })).status).toBe(200)
    const task = await suite.newsroom.rest.post('/newsroom-tasks', {
      body: { article: draft.id, text: 'Confirmer le chiffre' },
      token: suite.staff.editor.token,
    })
    expect(task.status).toBe(201)
    const approval = await act(draft.id, 'editor', { action: 'approve' })
    expect(approval.status, JSON.stringify(approval.body)).toBe(200)
    expect(approval.body.warnings.map((warning: Doc) => warning.code).sort()).toEqual([
      'embargoed',
      'taskOpen',
    ])
    expect(await stateOf(draft.id)).toBe('approved')
    const publication = await act(draft.id, 'editor', { action: 'publish' })
    expect(publication.status).toBe(400)
    expect(paths(publication.body).sort()).toEqual(['embargoUntil', 'tasks'])
    expect(await stateOf(draft.id)).toBe('approved')
  })

  it('says each article’s warnings in a bulk approval', async () => {
    const complete = await writerDraft({ originalUrl: 'https://horizon-presse.example/lot' })
    const incomplete = await writerDraft({})
    for (const article of [complete, incomplete]) {
      expect((await act(article.id, 'writer', { action: 'submit' })).status).toBe(200)
    }
    const bulk = await suite.newsroom.rest.post('/articles/workflow', {
      body: { action: 'approve', ids: [complete.id, incomplete.id] },
      token: suite.staff.editor.token,
    })
    const results = bulk.body.results as Doc[]
    expect(results.find((result) => result.id === complete.id)).toMatchObject({
      ok: true,
      warnings: [],
    })
    expect(results.find((result) => result.id === incomplete.id)).toMatchObject({ ok: false })
    expect(await stateOf(complete.id)).toBe('approved')
    expect(await stateOf(incomplete.id)).toBe('in_review')
  })
})
