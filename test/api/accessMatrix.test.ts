import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { inTransaction } from 'payload-newsroom/server'
import { runWorkflowAction } from 'payload-newsroom/server'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createNewsroomBasics, createStaff } from '../helpers/newsroomData'

type Role = 'admin' | 'anonymous' | 'editor' | 'ingest' | 'writer'
type Surface = 'graphql' | 'local' | 'rest'
const roles: Role[] = ['anonymous', 'writer', 'editor', 'admin', 'ingest']
const surfaces: Surface[] = ['local', 'rest', 'graphql']

/**
 * The expected table, written once: which role may do what to an article. Every surface must agree.
 * The subject of reads and edits is a draft written by the writer (so "writer" means "their own").
 */
const expected = {
  approve: ['editor', 'admin'],
  archive: ['editor', 'admin'],
  correct: ['editor', 'admin'],
  create: ['writer', 'editor', 'admin', 'ingest'],
  delete: ['editor', 'admin'],
  duplicate: ['writer', 'editor', 'admin'],
  find: ['writer', 'editor', 'admin'],
  findByID: ['writer', 'editor', 'admin'],
  publish: ['editor', 'admin'],
  readVersions: ['writer', 'editor', 'admin'],
  request_changes: ['editor', 'admin'],
  restoreVersion: ['writer', 'editor', 'admin'],
  retract: ['editor', 'admin'],
  schedule: ['editor', 'admin'],
  submit: ['writer', 'editor', 'admin'],
  update: ['writer', 'editor', 'admin'],
} satisfies Record<string, Role[]>
type Operation = keyof typeof expected

describe('who may do what to an article, on every surface', () => {
  let newsroom: TestNewsroom
  let payload: Payload
  let staff: Awaited<ReturnType<typeof createStaff>>
  let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  const users: Partial<Record<Role, Record<string, any>>> = {}

  beforeAll(async () => {
    newsroom = await startNewsroom()
    payload = newsroom.payload
    staff = await createStaff(payload, newsroom.rest.login)
    basics = await createNewsroomBasics(payload)
    for (const role of ['admin', 'editor', 'writer', 'ingest'] as const) {
      users[role] = {
        ...(await payload.findByID({ id: staff[role].id, collection: 'users' })),
        collection: 'users',
      }
    }
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  let counter = 0
  const articleData = () => ({
    attribution: {
      originalUrl: 'https://horizon-presse.example/m',
      source: basics.source.id,
      sourceItemId: `matrix-${++counter}`,
    },
    disclaimers: [basics.thirdParty.id],
    language: 'fr',
    origin: 'syndicated',
    section: basics.world.id,
    title: `Matrice ${counter} ${Date.now()}`,
  })
  const systemReq = async (role: 'editor' | 'writer') =>
    createLocalReq({ user: users[role] as never }, payload)
  const act = async (
    role: 'editor' | 'writer',
    id: number | string,
    action: any,
    note?: string,
  ) => {
    const req = await systemReq(role)
    return inTransaction(req, () =>
      runWorkflowAction(req, pluginOptionsOf(payload.config), { action, id, note }),
    )
  }

  /** The writer's draft, moved on to `state` by the people allowed to. */
  const subject = async (state: 'approved' | 'draft' | 'in_review' | 'published' = 'draft') => {
    const draft = await payload.create({
      collection: 'articles',
      data: articleData() as never,
      draft: true,
      overrideAccess: false,
      user: users.writer,
    })
    if (state === 'draft') return draft
    await act('writer', draft.id, 'submit')
    if (state === 'in_review') return draft
    if (state === 'approved') {
      await act('editor', draft.id, 'approve')
      return draft
    }
    await act('editor', draft.id, 'publish')
    return draft
  }

  const token = (role: Role) => (role === 'anonymous' ? undefined : staff[role].token)
  const gql = async (role: Role, query: string, variables?: Record<string, unknown>) => {
    const response = await newsroom.graphql(query, { token: token(role), variables })
    return { data: response.body.data, ok: !response.body.errors?.length }
  }
  const workflowAction: Partial<
    Record<Operation, { action: string; note?: string; state: Parameters<typeof subject>[0] }>
  > = {
    approve: { action: 'approve', state: 'in_review' },
    archive: { action: 'archive', state: 'published' },
    correct: {
      action: 'correct',
      note: 'Le montant était de 12 millions, non 21.',
      state: 'published',
    },
    request_changes: { action: 'request_changes', note: 'Sources à recouper.', state: 'in_review' },
    retract: { action: 'retract', note: 'Information démentie par la source.', state: 'published' },
    submit: { action: 'submit', state: 'draft' },
  }

  /** Tries one operation as one role on one surface; true when it took effect (or the subject was visible). */
  const attempt = async (surface: Surface, role: Role, operation: Operation): Promise<boolean> => {
    const user = role === 'anonymous' ? undefined : users[role]
    const local = { overrideAccess: false, user } as const
    const flow = workflowAction[operation]
    if (flow || operation === 'schedule') {
      const target = await subject(flow?.state ?? 'approved')
      const action = flow?.action ?? 'schedule'
      const publishAt = new Date(Date.now() + 3_600_000).toISOString()
      if (surface === 'local') {
        const req = await createLocalReq({ user: user as never }, payload)
        return inTransaction(req, () =>
          runWorkflowAction(req as PayloadRequest, pluginOptionsOf(payload.config), {
            action: action as never,
            id: target.id,
            note: flow?.note,
            publishAt,
          }),
        ).then(
          () => true,
          () => false,
        )
      }
      if (surface === 'rest') {
        const response = await newsroom.rest.post(`/articles/${target.id}/workflow`, {
          body: { action, note: flow?.note, publishAt },
          token: token(role),
        })
        return response.status === 200
      }
      return (
        await gql(
          role,
          `mutation ($id: String!, $action: NewsroomWorkflowAction!, $note: String, $at: String) {
          articleWorkflow(id: $id, action: $action, note: $note, publishAt: $at) { workflowState } }`,
          {
            action,
            at: publishAt,
            id: String(target.id),
            note: flow?.note,
          },
        )
      ).ok
    }

    switch (operation) {
      case 'create': {
        const data = articleData()
        if (surface === 'local') {
          return payload
            .create({ collection: 'articles', data: data as never, draft: true, ...local })
            .then(
              () => true,
              () => false,
            )
        }
        if (surface === 'rest') {
          return (
            (
              await newsroom.rest.post('/articles', {
                body: data,
                query: { draft: 'true' },
                token: token(role),
              })
            ).status === 201
          )
        }
        return (
          await gql(
            role,
            'mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }',
            { data },
          )
        ).ok
      }
      case 'delete': {
        const target = await subject()
        if (surface === 'local') {
          return payload.delete({ id: target.id, collection: 'articles', ...local }).then(
            () => true,
            () => false,
          )
        }
        if (surface === 'rest') {
          return (
            (await newsroom.rest.delete(`/articles/${target.id}`, { token: token(role) }))
              .status === 200
          )
        }
        return (
          await gql(role, 'mutation ($id: String!) { deleteArticle(id: $id) { id } }', {
            id: String(target.id),
          })
        ).ok
      }
      case 'duplicate': {
        const target = await subject()
        if (surface === 'local') {
          return payload
            .duplicate({ id: target.id, collection: 'articles', draft: true, ...local })
            .then(
              () => true,
              () => false,
            )
        }
        if (surface === 'rest') {
          return (
            (
              await newsroom.rest.post(`/articles/${target.id}/duplicate`, {
                query: { draft: 'true' },
                token: token(role),
              })
            ).status === 200
          )
        }
        return (
          await gql(
            role,
            'mutation ($id: String!, $data: mutationArticleInput!) { duplicateArticle(id: $id, data: $data) { id } }',
            {
              data: {
                language: 'fr',
                section: String(basics.world.id),
                title: `Copie ${Date.now()}`,
              },
              id: String(target.id),
            },
          )
        ).ok
      }
      case 'find': {
        const target = await subject()
        if (surface === 'local') {
          const { docs } = await payload.find({
            collection: 'articles',
            draft: true,
            limit: 0,
            pagination: false,
            ...local,
          })
          return docs.some((doc) => doc.id === target.id)
        }
        if (surface === 'rest') {
          const response = await newsroom.rest.get('/articles', {
            query: { draft: 'true', pagination: 'false' },
            token: token(role),
          })
          return (response.body.docs ?? []).some((doc: any) => doc.id === target.id)
        }
        const { data } = await gql(
          role,
          '{ Articles(draft: true, pagination: false) { docs { id } } }',
        )
        return (data?.Articles?.docs ?? []).some((doc: any) => doc.id === target.id)
      }
      case 'findByID': {
        const target = await subject()
        if (surface === 'local') {
          return payload
            .findByID({ id: target.id, collection: 'articles', draft: true, ...local })
            .then(
              (doc) => Boolean(doc),
              () => false,
            )
        }
        if (surface === 'rest') {
          return (
            (
              await newsroom.rest.get(`/articles/${target.id}`, {
                query: { draft: 'true' },
                token: token(role),
              })
            ).status === 200
          )
        }
        const { data } = await gql(
          role,
          'query ($id: String!) { Article(id: $id, draft: true) { id } }',
          { id: String(target.id) },
        )
        return data?.Article?.id === target.id
      }
      case 'publish': {
        const target = await subject('approved')
        const body = { _status: 'published' }
        if (surface === 'local') {
          return payload
            .update({ id: target.id, collection: 'articles', data: body as never, ...local })
            .then(
              () => true,
              () => false,
            )
        }
        if (surface === 'rest') {
          return (
            (await newsroom.rest.patch(`/articles/${target.id}`, { body, token: token(role) }))
              .status === 200
          )
        }
        return (
          await gql(
            role,
            'mutation ($id: String!) { updateArticle(id: $id, data: { _status: published }) { id } }',
            { id: String(target.id) },
          )
        ).ok
      }
      case 'readVersions': {
        const target = await subject()
        const where = { parent: { equals: target.id } }
        if (surface === 'local') {
          return payload.findVersions({ collection: 'articles', where, ...local }).then(
            (result) => result.docs.length > 0,
            () => false,
          )
        }
        if (surface === 'rest') {
          const response = await newsroom.rest.get('/articles/versions', {
            query: { 'where[parent][equals]': String(target.id) },
            token: token(role),
          })
          return (response.body.docs ?? []).length > 0
        }
        const { data } = await gql(
          role,
          'query ($id: JSON) { versionsArticles(where: { parent: { equals: $id } }) { docs { id } } }',
          { id: target.id },
        )
        return (data?.versionsArticles?.docs ?? []).length > 0
      }
      case 'restoreVersion': {
        const target = await subject()
        const { docs } = await payload.findVersions({
          collection: 'articles',
          where: { parent: { equals: target.id } },
        })
        const versionID = docs[0]!.id
        if (surface === 'local') {
          return payload
            .restoreVersion({ id: versionID, collection: 'articles', draft: true, ...local })
            .then(
              () => true,
              () => false,
            )
        }
        if (surface === 'rest') {
          return (
            (
              await newsroom.rest.post(`/articles/versions/${versionID}`, {
                query: { draft: 'true' },
                token: token(role),
              })
            ).status === 200
          )
        }
        return (
          await gql(
            role,
            'mutation ($id: String) { restoreVersionArticle(id: $id, draft: true) { id } }',
            { id: String(versionID) },
          )
        ).ok
      }
      case 'update': {
        const target = await subject()
        const body = { standfirst: `Modifié par ${role}` }
        if (surface === 'local') {
          return payload
            .update({ id: target.id, collection: 'articles', data: body, draft: true, ...local })
            .then(
              () => true,
              () => false,
            )
        }
        if (surface === 'rest') {
          return (
            (
              await newsroom.rest.patch(`/articles/${target.id}`, {
                body,
                query: { draft: 'true' },
                token: token(role),
              })
            ).status === 200
          )
        }
        return (
          await gql(
            role,
            'mutation ($id: String!, $s: String) { updateArticle(id: $id, draft: true, data: { standfirst: $s }) { id } }',
            {
              id: String(target.id),
              s: body.standfirst,
            },
          )
        ).ok
      }
    }
    throw new Error(`no attempt for ${operation}`)
  }

  for (const operation of Object.keys(expected) as Operation[]) {
    it(`${operation}: allowed for ${expected[operation].join(', ') || 'nobody'} on the Local API, REST and GraphQL`, async () => {
      const observed: Record<string, string[]> = {}
      for (const surface of surfaces) {
        observed[surface] = []
        for (const role of roles) {
          if (await attempt(surface, role, operation)) {
            observed[surface]!.push(role)
          }
        }
      }
      expect(observed).toEqual({
        graphql: expected[operation],
        local: expected[operation],
        rest: expected[operation],
      })
    })
  }
})
