import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadDeskQueues } from 'payload-newsroom/server'
import { newsroomSuite } from '../helpers/newsroomSuite'

describe('the newsroom desk: each role’s queues, read as that user', () => {
  const suite = newsroomSuite()
  const deskOf = async (role: 'editor' | 'ingest' | 'writer') => {
    const user = {
      ...(await suite.newsroom.payload.findByID({ collection: 'users', id: suite.staff[role].id })),
      collection: 'users',
    }
    const req = await createLocalReq({ user: user as never }, suite.newsroom.payload)
    return Object.fromEntries(
      (await loadDeskQueues(req, pluginOptionsOf(suite.newsroom.payload.config))).map((queue) => [
        queue.key,
        queue,
      ]),
    )
  }
  const act = (
    id: unknown,
    action: string,
    role: 'editor' | 'writer',
    extra: Record<string, unknown> = {},
  ) =>
    suite.newsroom.rest.post(`/articles/${id}/workflow`, {
      body: { action, ...extra },
      token: suite.staff[role].token,
    })
  const writerDraft = async (title: string) => {
    const response = await suite.newsroom.rest.post('/articles', {
      body: { language: 'fr', section: suite.basics.world.id, title },
      query: { draft: 'true' },
      token: suite.staff.writer.token,
    })
    return response.body.doc as { id: number | string }
  }

  it('shows an editor what waits in review, approved, scheduled, and a writer only their own work, with the actions each may take', async () => {
    const waiting = await writerDraft('Desk : en relecture')
    const sentBack = await writerDraft('Desk : renvoyé')
    const scheduled = await writerDraft('Desk : programmé')
    const byEditor = await suite.basics.make.article(
      { section: suite.basics.world.id, title: 'Desk : d’un éditeur' },
      { draft: true },
    )
    for (const article of [waiting, sentBack, scheduled])
      expect((await act(article.id, 'submit', 'writer')).status).toBe(200)
    expect((await act(byEditor.id, 'submit', 'editor')).status).toBe(200)
    expect(
      (await act(sentBack.id, 'request_changes', 'editor', { note: 'Sources ?' })).status,
    ).toBe(200)
    expect((await act(scheduled.id, 'approve', 'editor')).status).toBe(200)
    const at = new Date(Date.now() + 3_600_000).toISOString()
    expect((await act(scheduled.id, 'schedule', 'editor', { publishAt: at })).status).toBe(200)

    const editor = await deskOf('editor')
    expect(Object.keys(editor).sort()).toEqual([
      'approved',
      'arrivals',
      'assignedToMe',
      'changesRequested',
      'inReview',
      'killsUndelivered',
      'possibleDuplicates',
      'problems',
      'rightsExpiring',
      'scheduled',
    ])
    const titles = (key: string) => editor[key]!.items.map((item) => item.title)
    expect(titles('inReview')).toEqual(
      expect.arrayContaining(['Desk : en relecture', 'Desk : d’un éditeur']),
    )
    expect(editor.inReview!.items.find((item) => item.id === waiting.id)!.actions).toEqual(
      expect.arrayContaining(['approve', 'request_changes', 'publish']),
    )
    expect(titles('changesRequested')).toContain('Desk : renvoyé')
    const scheduledItem = editor.scheduled!.items.find((item) => item.id === scheduled.id)
    expect(new Date(scheduledItem!.at!).toISOString()).toBe(at)
    expect(editor.inReview!.count).toBe(editor.inReview!.items.length)

    const writer = await deskOf('writer')
    expect(Object.keys(writer).sort()).toEqual(['changesRequested', 'inReview'])
    expect(writer.changesRequested!.items.map((item) => [item.title, item.actions])).toEqual([
      ['Desk : renvoyé', ['submit']],
    ])
    // The editor's own submission is not the writer's work.
    expect(writer.inReview!.items.map((item) => item.title)).toEqual(['Desk : en relecture'])
    expect(writer.inReview!.items[0]!.actions).toEqual([])

    expect(await deskOf('ingest')).toEqual({})
  })

  it('shows each editor what is assigned to them or to their section’s desk; only editors assign', async () => {
    const { payload } = suite.newsroom
    const other = await payload.create({
      collection: 'users',
      data: {
        email: 'second-editor@newsroom.test',
        name: 'Second editor',
        password: 'correct-horse-battery-2',
        roles: ['editor'],
      } as never,
    })
    const desk = await suite.basics.make.section({ editors: [other.id], name: 'Desk Marchés' })
    const toMe = await suite.basics.make.article(
      {
        assignedTo: suite.staff.editor.id,
        section: suite.basics.world.id,
        title: 'Confié : à moi',
      },
      { draft: true },
    )
    const toDesk = await suite.basics.make.article(
      { assignedToDesk: true, section: desk.id, title: 'Confié : au desk' },
      { draft: true },
    )
    const mine = (await deskOf('editor')).assignedToMe!
    expect(mine.items.map((item) => item.id)).toContain(toMe.id)
    expect(mine.items.map((item) => item.id)).not.toContain(toDesk.id)
    const req = await createLocalReq(
      { user: { ...other, collection: 'users' } as never },
      suite.newsroom.payload,
    )
    const theirs = (await loadDeskQueues(req, pluginOptionsOf(payload.config))).find(
      (queue) => queue.key === 'assignedToMe',
    )!
    expect(theirs.items.map((item) => item.id)).toEqual([toDesk.id])
    // The link to the list says the same: the queue's where finds exactly its items.
    const listed = await payload.find({
      collection: 'articles',
      draft: true,
      overrideAccess: true,
      where: theirs.where,
    })
    expect(listed.docs.map((doc) => doc.id)).toEqual([toDesk.id])

    // A writer's assignment is not taken.
    const draft = await writerDraft('Confié : par un rédacteur ?')
    const assigned = await suite.newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { assignedTo: suite.staff.writer.id, assignedToDesk: true },
      query: { draft: 'true' },
      token: suite.staff.writer.token,
    })
    expect(assigned.status).toBe(200)
    const stored = await payload.findByID({ id: draft.id, collection: 'articles', draft: true })
    expect([stored.assignedTo ?? null, stored.assignedToDesk]).toEqual([null, false])
  })
})
