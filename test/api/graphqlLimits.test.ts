import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getIntrospectionQuery } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createNewsroomBasics, createStaff } from '../helpers/newsroomData'

describe('GraphQL cost limits', () => {
  let newsroom: TestNewsroom
  let staff: Awaited<ReturnType<typeof createStaff>>
  let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  let queries = 0
  /** Payload's own route, without the app's `limitGraphQLRequest` wrapper: what a host that does not wrap it gets. */
  let bareRoute: (request: Request) => Promise<Response>

  beforeAll(async () => {
    newsroom = await startNewsroom({ onQuery: () => queries++ })
    staff = await createStaff(newsroom.payload, newsroom.rest.login)
    basics = await createNewsroomBasics(newsroom.payload)
    bareRoute = GRAPHQL_POST(newsroom.config)
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const bare = async (query: string) => {
    const response = await bareRoute(
      new Request('http://localhost/api/graphql', {
        body: JSON.stringify({ query }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      }),
    )
    const text = await response.text()
    return { body: text ? JSON.parse(text) : null, status: response.status, text }
  }
  /** Database queries a request sent, and how long it took. */
  const measured = async <T>(send: () => Promise<T>) => {
    const before = queries
    const started = performance.now()
    const answer = await send()
    return { answer, ms: performance.now() - started, queries: queries - before }
  }
  const views = (count: number) =>
    `{ ${Array.from({ length: count }, (_, index) => `v${index}: ArticleView(language: "fr", slug: "no-such-article-${index}") { article { title } }`).join(' ')} }`

  it('counts each ArticleView call 50 whatever it selects: 20 aliases run, 21 and 1,000 are refused before any of them runs', async () => {
    const twenty = await measured(() => newsroom.graphql(views(20)))
    expect(twenty.answer.body.errors).toBeUndefined()
    expect(Object.keys(twenty.answer.body.data)).toHaveLength(20)
    expect(twenty.queries).toBeGreaterThan(0)

    for (const count of [21, 1_000]) {
      const refused = await measured(() => newsroom.graphql(views(count)))
      expect(refused.answer.body.data).toBeUndefined()
      // 21 views cost 1,050; 1,000 of them (3 fields each) already exceed the field bound.
      expect(refused.answer.body.errors?.[0].message).toBe(
        count === 21
          ? `The query exceeds the maximum complexity of 1000. Actual complexity is ${count * 50}`
          : 'The query selects 3000 fields; the limit is 2000.',
      )
      // Refused by validation: not one view was built.
      expect(refused.queries).toBe(0)
      console.log(
        `${count} aliased ArticleViews: refused in ${refused.ms.toFixed(0)} ms, ${refused.queries} database queries`,
      )
      expect(refused.ms).toBeLessThan(1_000)
    }
  })

  it('counts each articleWorkflow call 50: 21 aliased actions are refused and nothing is written', async () => {
    const draft = await newsroom.rest.post('/articles', {
      body: {
        attribution: {
          originalUrl: 'https://horizon-presse.example/gql',
          source: basics.source.id,
          sourceItemId: 'gql-1',
        },
        body: {
          root: {
            children: [
              {
                children: [{ text: 'Texte.', type: 'text', version: 1 }],
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
        section: basics.world.id,
        title: 'Coût GraphQL',
      },
      query: { draft: 'true' },
      token: staff.writer.token,
    })
    expect(draft.status).toBe(201)
    const id = JSON.stringify(String(draft.body.doc.id))
    const eventsBefore = await newsroom.payload.count({ collection: 'workflow-events' })

    const mutation = (count: number) =>
      `mutation { ${Array.from({ length: count }, (_, index) => `a${index}: articleWorkflow(id: ${id}, action: submit) { workflowState }`).join(' ')} }`
    const refused = await newsroom.graphql(mutation(21), { token: staff.writer.token })
    expect(refused.body.data).toBeUndefined()
    expect(refused.body.errors?.[0].message).toMatch(/exceeds the maximum complexity of 1000/)
    const unchanged = await newsroom.payload.findByID({
      collection: 'articles',
      draft: true,
      id: draft.body.doc.id,
    })
    expect(unchanged.workflowState).toBe('draft')
    expect(await newsroom.payload.count({ collection: 'workflow-events' })).toEqual(eventsBefore)

    // One call is well within the budget and runs.
    const one = await newsroom.graphql(mutation(1), { token: staff.writer.token })
    expect(one.body.errors).toBeUndefined()
    expect(one.body.data).toEqual({ a0: { workflowState: 'in_review' } })
  })

  it('refuses hostile fragments with a GraphQL error, never a 5xx or an empty answer, even without the route wrapper', async () => {
    const chain = (length: number) =>
      Array.from(
        { length },
        (_, index) =>
          `fragment F${index} on Query { ${index + 1 < length ? `...F${index + 1}` : '__typename'} }`,
      ).join(' ') + ' query { ...F0 }'
    const diamond = (levels: number) =>
      Array.from(
        { length: levels },
        (_, index) =>
          `fragment F${index} on Query { ${index + 1 < levels ? `a: __typename ...F${index + 1}` : '__typename'} }`,
      )
        .join(' ')
        .replaceAll(/\.\.\.F(\d+)/g, '...F$1 b: __typename ...F$1') + ' query { ...F0 }'
    const cases: Array<[string, string, RegExp]> = [
      [
        'a cycle',
        'fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }',
        /^Fragment "A" spreads itself \(A → B → A\)\.$/,
      ],
      [
        'a fragment spreading itself',
        'fragment A on Query { ...A } query { ...A }',
        /^Fragment "A" spreads itself/,
      ],
      [
        'a chain of 2,000 fragments',
        chain(2_000),
        /^Fragments spread each other 2000 levels deep; the limit is 50\.$/,
      ],
      // Each level spreads the next twice: Payload's complexity rule would walk 2^40 fragments.
      [
        '40 levels of fragments spreading the next twice',
        diamond(40),
        /^The query selects too many fields; the limit is 2000\.$/,
      ],
      [
        '20,000 aliases of __typename',
        `{ ${Array.from({ length: 20_000 }, (_, index) => `a${index}: __typename`).join(' ')} }`,
        /^The query selects 20000 fields/,
      ],
    ]
    for (const [label, query, message] of cases) {
      const before = queries
      const started = performance.now()
      const answer = await bare(query)
      const ms = performance.now() - started
      expect(answer.status, label).toBe(200)
      expect(answer.body?.data, label).toBeUndefined()
      expect(answer.body?.errors?.[0].message, label).toMatch(message)
      expect(queries - before, label).toBe(0)
      expect(ms, label).toBeLessThan(2_000)
    }

    // Through the app's route file (limitGraphQLRequest), a cycle is a 400.
    const wrapped = await newsroom.graphql(
      'fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }',
    )
    expect(wrapped.status).toBe(400)
    expect(wrapped.body.errors?.[0].message).toMatch(/spreads itself/)
  })

  it('answers the standard introspection query (14 levels deep: codegen and GraphiQL need it), while data queries keep the depth limit', async () => {
    const full = await bare(getIntrospectionQuery())
    expect(full.status).toBe(200)
    expect(full.body.errors).toBeUndefined()
    expect(full.body.data.__schema.queryType).toMatchObject({ name: 'Query' })
    expect(full.body.data.__schema.types.map((type: { name: string }) => type.name)).toContain(
      'NewsroomArticleView',
    )
    // The same depth through the data is still refused.
    const deepData = await bare(
      `{ Sections { docs { ${'parent { '.repeat(9)}id${' }'.repeat(9)} } } }`,
    )
    expect(deepData.body.errors?.map((error: { message: string }) => error.message)).toEqual([
      'The query is 11 levels deep; the limit is 10.',
    ])
    expect(deepData.body.data).toBeUndefined()
  })

  it('refuses a query nested a thousand levels deep with a GraphQL error', async () => {
    const deep = await bare(
      `{ Sections { docs { ${'parent { '.repeat(1_000)}id${' }'.repeat(1_000)} } } }`,
    )
    expect(deep.status).toBe(200)
    expect(deep.body.errors?.[0].message).toBe('The query is 1002 levels deep; the limit is 10.')
  })
})
