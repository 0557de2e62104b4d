import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { limitGraphQLRequest } from 'payload-newsroom/http'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createNewsroomBasics, createStaff } from '../helpers/newsroomData'

/**
 * A hostile corpus: malformed and malicious requests over REST and GraphQL, anonymous and as each role.
 * Every case must answer 4xx (never 5xx) and leave the database exactly as it was.
 */

type Role = 'admin' | 'anonymous' | 'editor' | 'ingest' | 'writer'
type Answer = { status: number; text: string }
type HostileCase = { name: string; kind: string; send: () => Promise<Answer> }

const collectionsWatched = [
  'articles',
  'sections',
  'disclaimers',
  'sources',
  'media',
  'users',
  'workflow-events',
  'newsroom-webhooks',
  'newsroom-webhook-deliveries',
] as const

/** What a hostile request must not change: counts, versions and the last write of each collection. */
const databaseFingerprint = async (payload: Payload) => {
  const parts: Record<string, unknown> = {}
  for (const collection of collectionsWatched) {
    parts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
    if (collection !== 'users') {
      const { docs } = await payload.find({
        collection,
        depth: 0,
        draft: true,
        limit: 1,
        overrideAccess: true,
        sort: '-updatedAt',
      })
      parts[`${collection}.lastUpdate`] = docs[0]?.updatedAt ?? null
    }
  }
  parts['articles.versions'] = (
    await payload.countVersions({ collection: 'articles', overrideAccess: true })
  ).totalDocs
  return parts
}

const nest = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown) => {
  let value = leaf
  for (let level = 0; level < depth; level += 1) value = wrap(value)
  return value
}

const textNode = (text: string) => ({
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
})
const paragraphOf = (...children: unknown[]) => ({
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  type: 'paragraph',
  version: 1,
})
const documentOf = (...children: unknown[]) => ({
  root: { children, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 },
})
const linkTo = (url: string, linkType: 'custom' | 'internal' = 'custom', type = 'link') => ({
  children: [textNode('lien')],
  direction: 'ltr',
  fields: { linkType, newTab: false, url },
  format: '',
  indent: 0,
  type,
  version: 3,
})

/** Link targets that must never reach a reader, whatever the link type says. */
const hostileUrls = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '/\\evil.example',
  '//evil.example/path',
  '\\\\evil.example',
  'https:/\\evil.example',
]

const megabyte = 'x'.repeat(1024 * 1024)

describe('hostile input', () => {
  let newsroom: TestNewsroom
  let staff: Awaited<ReturnType<typeof createStaff>>
  let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  let writerDraftId: number | string
  let publishedId: number | string
  let ingestSource: string
  const tokens = {} as Record<Role, string | undefined>

  beforeAll(async () => {
    newsroom = await startNewsroom()
    staff = await createStaff(newsroom.payload, newsroom.rest.login)
    basics = await createNewsroomBasics(newsroom.payload)
    for (const role of ['admin', 'editor', 'writer', 'ingest'] as const)
      tokens[role] = staff[role].token
    tokens.anonymous = undefined
    const draft = await newsroom.rest.post('/articles', {
      body: { language: 'fr', section: basics.world.id, title: 'Brouillon de la rédactrice' },
      query: { draft: 'true' },
      token: staff.writer.token,
    })
    expect(draft.status).toBe(201)
    writerDraftId = draft.body.doc.id
    const published = await basics.make.article({
      _status: 'published',
      section: basics.world.id,
      title: 'Article publié',
    })
    publishedId = published.id
    // The source takes deliveries from the ingest account, so hostile items reach the item checks.
    await newsroom.payload.update({
      collection: 'sources',
      data: {
        ingest: { defaultLanguage: 'fr', defaultSection: basics.world.id, user: staff.ingest.id },
      } as never,
      id: basics.source.id,
    })
    ingestSource = basics.source.slug as string
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const rest = (
    method: 'delete' | 'get' | 'patch' | 'post',
    route: string,
    role: Role,
    options: Parameters<TestNewsroom['rest']['get']>[1] = {},
  ) => newsroom.rest[method](route, { ...options, token: tokens[role] })
  const gql = (query: string, role: Role, variables?: Record<string, unknown>) =>
    newsroom.graphql(query, { token: tokens[role], variables }).then((answer) => ({
      // GraphQL reports a refused operation in `errors` with HTTP 200; its status is the error's.
      status:
        answer.status === 200 && answer.body.errors?.length
          ? (answer.body.errors[0].extensions?.statusCode ?? 400)
          : answer.status,
      text: JSON.stringify(answer.body),
    }))

  /** A GraphQL request whose JSON text is given as it is (deeper than JSON.stringify can write). */
  const rawGraphql = async (text: string, role: Role): Promise<Answer> => {
    const response = await limitGraphQLRequest(GRAPHQL_POST(newsroom.config))(
      new Request('http://localhost/api/graphql', {
        body: text,
        headers: {
          'content-type': 'application/json',
          ...(tokens[role] ? { authorization: `JWT ${tokens[role]}` } : {}),
        },
        method: 'POST',
      }),
    )
    const answer = await response.text()
    const errors = (
      JSON.parse(answer || '{}') as { errors?: Array<{ extensions?: { statusCode?: number } }> }
    ).errors
    return {
      status:
        response.status === 200 && errors?.length
          ? (errors[0].extensions?.statusCode ?? 400)
          : response.status,
      text: answer,
    }
  }
  const createArticle = (role: Role, data: Record<string, unknown>, draft = true) =>
    rest('post', '/articles', role, {
      body: { language: 'fr', section: basics.world.id, title: 'Titre hostile', ...data },
      query: draft ? { draft: 'true' } : {},
    })
  const patchDraft = (role: Role, data: Record<string, unknown>) =>
    rest('patch', `/articles/${writerDraftId}`, role, { body: data, query: { draft: 'true' } })

  const cases: HostileCase[] = []
  const add = (kind: string, name: string, send: () => Promise<Answer>) =>
    cases.push({ kind, name, send })

  // --- Malformed transport -------------------------------------------------------------------
  for (const role of ['anonymous', 'writer', 'editor'] as const) {
    add('malformed request', `${role}: invalid JSON body on create`, () =>
      rest('post', '/articles', role, {
        headers: { 'content-type': 'application/json' },
        rawBody: '{"title": "x",',
      }),
    )
    add('malformed request', `${role}: invalid JSON body on login`, () =>
      rest('post', '/users/login', role, {
        headers: { 'content-type': 'application/json' },
        rawBody: '{"email":',
      }),
    )
  }
  add('malformed request', 'writer: invalid JSON body on update', () =>
    rest('patch', `/articles/${writerDraftId}`, 'writer', {
      headers: { 'content-type': 'application/json' },
      rawBody: '[1,2',
    }),
  )
  add('malformed request', 'editor: invalid JSON body on a workflow action', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'editor', {
      headers: { 'content-type': 'application/json' },
      rawBody: '{action:publish}',
    }),
  )
  add('malformed request', 'writer: a JSON array as the document', () =>
    rest('post', '/articles', 'writer', { body: [{ title: 'x' }] }),
  )
  add('malformed request', 'writer: a JSON string as the document', () =>
    rest('post', '/articles', 'writer', { body: 'hello' }),
  )
  add('malformed request', 'writer: multipart _payload that is not JSON', () => {
    const form = new FormData()
    form.set('_payload', '{"title": ')
    return rest('post', '/articles', 'writer', { rawBody: form })
  })
  add('malformed request', 'anonymous: method-override GET with a body that is not JSON', () =>
    rest('post', '/articles', 'anonymous', {
      headers: { 'content-type': 'application/json', 'x-http-method-override': 'GET' },
      rawBody: '{"where":',
    }),
  )
  add('malformed request', 'writer: a 3 MB JSON body', () =>
    createArticle('writer', { standfirst: 'y'.repeat(3 * 1024 * 1024) }),
  )

  // --- Query limits and malformed queries ------------------------------------------------------
  add(
    'query limits',
    'anonymous: where[id][in] with 40,000 IDs (form-encoded method override)',
    () =>
      rest('post', '/articles', 'anonymous', {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-http-method-override': 'GET',
        },
        rawBody: Array.from(
          { length: 40_000 },
          (_, index) => `where[id][in][${index}]=${index}`,
        ).join('&'),
      }),
  )
  add('query limits', 'anonymous: where[id][in] with 40,000 IDs in the query string', () =>
    rest('get', '/articles', 'anonymous', {
      query: { 'where[id][in]': Array.from({ length: 40_000 }, (_, index) => index).join(',') },
    }),
  )
  add('query limits', 'anonymous: a 5,000-deep nested where (method override)', () =>
    rest('post', '/articles', 'anonymous', {
      headers: { 'content-type': 'application/json', 'x-http-method-override': 'GET' },
      rawBody: `{"where":${'{"and":['.repeat(5000)}{"title":{"equals":"x"}}${']}'.repeat(5000)}}`,
    }),
  )
  add('query limits', 'editor: limit=1000000', () =>
    rest('get', '/articles', 'editor', { query: { limit: '1000000' } }),
  )
  add('query limits', 'anonymous: limit=-5', () =>
    rest('get', '/articles', 'anonymous', { query: { limit: '-5' } }),
  )
  add('query limits', 'anonymous: depth=1000', () =>
    rest('get', '/articles', 'anonymous', { query: { depth: '1000' } }),
  )
  add('query limits', 'anonymous: page=-1', () =>
    rest('get', '/articles', 'anonymous', { query: { page: '-1' } }),
  )
  add('query limits', 'anonymous: where on an unknown field', () =>
    rest('get', '/articles', 'anonymous', { query: { 'where[nope][equals]': 'x' } }),
  )
  add('query limits', 'anonymous: where with an unknown operator', () =>
    rest('get', '/articles', 'anonymous', { query: { 'where[title][$where]': 'sleep(1000)' } }),
  )
  add('query limits', 'anonymous: where[id][equals] that is not an ID', () =>
    rest('get', '/articles', 'anonymous', {
      query: { 'where[createdAt][greater_than]': 'not a date' },
    }),
  )
  add('query limits', 'anonymous: a 5,000-deep nested where in GraphQL', () =>
    gql(
      `{ Articles(where: ${nest(5000, '{ title: { equals: "x" } }', (inner) => `{ AND: [${inner as string}] }`)}) { docs { id } } }`,
      'anonymous',
    ),
  )
  add('query limits', 'anonymous: GraphQL limit of a million', () =>
    gql('{ Articles(limit: 1000000) { docs { id } } }', 'anonymous'),
  )
  add('query limits', 'anonymous: feed with a hostile section and limit', () =>
    rest('get', '/articles/feed/fr', 'anonymous', {
      query: { limit: '1e9', page: '-3', section: "'; drop table articles; --" },
    }),
  )

  add('query limits', 'anonymous: feed in a language named constructor', () =>
    rest('get', '/articles/feed/constructor', 'anonymous'),
  )
  add('query limits', 'anonymous: Disclaimer page in a 10,000-character language', () =>
    rest('get', `/disclaimers/page/${'x'.repeat(10_000)}`, 'anonymous'),
  )
  add('query limits', 'anonymous: Disclaimer page for __proto__', () =>
    rest('get', '/disclaimers/page/__proto__', 'anonymous'),
  )
  add('query limits', 'anonymous: ArticleFeed with a language of the wrong type', () =>
    gql('{ ArticleFeed(language: 1) { totalDocs } }', 'anonymous'),
  )
  add('query limits', 'anonymous: ArticleView selecting a field the type does not have', () =>
    gql(
      '{ ArticleView(language: "fr", slug: "x") { article { appliedBy createdBy } } }',
      'anonymous',
    ),
  )
  add('query limits', 'anonymous: bulk re-publish', () =>
    rest('post', '/articles/compliance/republish', 'anonymous'),
  )
  add('query limits', 'writer: bulk re-publish', () =>
    rest('post', '/articles/compliance/republish', 'writer'),
  )
  for (const format of ['rss', 'atom']) {
    add('query limits', `anonymous: ${format} in a language named __proto__`, () =>
      rest('get', `/articles/${format}/__proto__`, 'anonymous'),
    )
    add('query limits', `anonymous: ${format} of a hostile section`, () =>
      rest('get', `/articles/${format}/fr`, 'anonymous', {
        query: { limit: '-1', section: `</title><script>alert(1)</script>${'x'.repeat(5_000)}` },
      }),
    )
  }
  for (const page of ['0', '-1', '1e9', 'NaN', '9007199254740993', '%00', 'constructor']) {
    add('query limits', `anonymous: sitemap page ${page}`, () =>
      rest('get', `/articles/sitemap/${page}`, 'anonymous'),
    )
  }
  for (const token of [
    '',
    '..%2F..%2Fadmin',
    `${'a'.repeat(100)}.${'9'.repeat(15)}.${'b'.repeat(43)}`,
    'x'.repeat(100_000),
    '<script>alert(1)</script>',
  ]) {
    add('query limits', `anonymous: preview with token ${token.slice(0, 20) || '(empty)'}`, () =>
      rest('get', '/articles/preview', 'anonymous', { query: { token } }),
    )
  }
  add('query limits', 'anonymous: a preview link', () =>
    rest('get', '/articles/1/preview-url', 'anonymous'),
  )

  // --- Webhooks: admins only, http(s) URLs, real secrets, known events; the log is the system's ------
  const webhook = {
    events: ['article.published'],
    name: 'Frontend',
    url: 'https://front.example/revalidate',
  }
  add('webhooks', 'anonymous: create a webhook', () =>
    rest('post', '/newsroom-webhooks', 'anonymous', { body: webhook }),
  )
  add('webhooks', 'editor: create a webhook', () =>
    rest('post', '/newsroom-webhooks', 'editor', { body: webhook }),
  )
  add('webhooks', 'writer: read webhooks', () => rest('get', '/newsroom-webhooks', 'writer'))
  for (const url of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'http://exa mple.com',
    'x'.repeat(10_000),
  ]) {
    add('webhooks', `admin: webhook to ${url.slice(0, 30)}`, () =>
      rest('post', '/newsroom-webhooks', 'admin', { body: { ...webhook, url } }),
    )
  }
  add('webhooks', 'admin: webhook with a short secret', () =>
    rest('post', '/newsroom-webhooks', 'admin', { body: { ...webhook, secret: 'hunter2' } }),
  )
  add('webhooks', 'admin: webhook with an unknown event', () =>
    rest('post', '/newsroom-webhooks', 'admin', {
      body: { ...webhook, events: ['article.published', 'everything'] },
    }),
  )
  add('webhooks', 'admin: webhook with no event', () =>
    rest('post', '/newsroom-webhooks', 'admin', { body: { ...webhook, events: [] } }),
  )
  add('webhooks', 'admin: webhook with a 1 MB name', () =>
    rest('post', '/newsroom-webhooks', 'admin', { body: { ...webhook, name: megabyte } }),
  )
  add('webhooks', 'admin: write a delivery into the log', () =>
    rest('post', '/newsroom-webhook-deliveries', 'admin', {
      body: { event: 'article.published', status: 'delivered' },
    }),
  )

  // --- Lexical bodies --------------------------------------------------------------------------
  const bodies: Array<[string, unknown]> = [
    ['a plain string', 'hello'],
    ['raw HTML', '<p onclick="alert(1)">hi</p><script>alert(1)</script>'],
    ['a number', 42],
    ['an array', [documentOf(paragraphOf(textNode('x')))]],
    ['{"root": null}', { root: null }],
    ['no root', { children: [] }],
    ['a root that is not a root', { root: { children: [], type: 'paragraph' } }],
    ['root.children a number', { root: { children: 5, type: 'root', version: 1 } }],
    [
      'an unknown node type',
      documentOf({ children: [], type: 'iframe', version: 1, src: 'https://evil.example' }),
    ],
    ['an html node', documentOf({ html: '<script>alert(1)</script>', type: 'html', version: 1 })],
    [
      'an h1 heading',
      documentOf({ children: [textNode('x')], tag: 'h1', type: 'heading', version: 1 }),
    ],
    [
      'a heading with a script tag',
      documentOf({ children: [textNode('x')], tag: 'script', type: 'heading', version: 1 }),
    ],
    [
      'a text node with a non-string text',
      documentOf(paragraphOf({ ...textNode('x'), text: { $gt: '' } })),
    ],
    ['a text node with a 1 MB text', documentOf(paragraphOf(textNode(megabyte)))],
    [
      '10,000 paragraphs',
      documentOf(...Array.from({ length: 10_000 }, () => paragraphOf(textNode('x')))),
    ],
    ['a block inside a paragraph', documentOf(paragraphOf(paragraphOf(textNode('x'))))],
    ['a text node at the root', documentOf(textNode('x'))],
    [
      'a link without fields',
      documentOf(paragraphOf({ children: [textNode('x')], type: 'link', version: 3 })),
    ],
    [
      'a node with a prototype-polluting key',
      JSON.parse(
        '{"root":{"type":"root","version":1,"children":[],"__proto__":{"polluted":true}}}',
      ),
    ],
  ]
  for (const [label, body] of bodies) {
    add('lexical body', `writer: draft body is ${label}`, () => createArticle('writer', { body }))
  }
  // JSON.stringify itself overflows on 10,000 levels: the hostile text is written by hand.
  const deepBody = `{"root":{"type":"root","version":1,"children":[${'{"type":"quote","version":1,"children":['.repeat(10_000)}{"type":"text","text":"x","version":1}${']}'.repeat(10_000)}]}}`
  add('lexical body', 'writer: draft body nested 10,000 deep', () =>
    rest('post', '/articles', 'writer', {
      headers: { 'content-type': 'application/json' },
      query: { draft: 'true' },
      rawBody: `{"language":"fr","section":${JSON.stringify(basics.world.id)},"title":"Profond","body":${deepBody}}`,
    }),
  )
  add('lexical body', 'writer: GraphQL update with a body nested 10,000 deep', () =>
    rawGraphql(
      `{"query":"mutation ($id: String!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data, draft: true) { id } }","variables":{"id":${JSON.stringify(String(writerDraftId))},"data":{"body":${deepBody}}}}`,
      'writer',
    ),
  )
  for (const url of hostileUrls) {
    add('link scheme', `writer: custom link to ${JSON.stringify(url)}`, () =>
      patchDraft('writer', { body: documentOf(paragraphOf(linkTo(url))) }),
    )
    add('link scheme', `editor: internal-typed link to ${JSON.stringify(url)}`, () =>
      createArticle('editor', { body: documentOf(paragraphOf(linkTo(url, 'internal'))) }),
    )
    add('link scheme', `writer: autolink to ${JSON.stringify(url)}`, () =>
      createArticle('writer', { body: documentOf(paragraphOf(linkTo(url, 'custom', 'autolink'))) }),
    )
  }
  add('link scheme', 'writer: internal link to a document of an unknown collection', () =>
    createArticle('writer', {
      body: documentOf(
        paragraphOf({
          ...linkTo(''),
          fields: {
            doc: { relationTo: 'users', value: staff.admin.id },
            linkType: 'internal',
            newTab: false,
          },
        }),
      ),
    }),
  )
  add('link scheme', 'writer: internal link to an article that does not exist', () =>
    createArticle('writer', {
      body: documentOf(
        paragraphOf({
          ...linkTo(''),
          fields: {
            doc: { relationTo: 'articles', value: '00000000-0000-4000-8000-00000000dead' },
            linkType: 'internal',
            newTab: false,
          },
        }),
      ),
    }),
  )
  for (const url of [
    '/\\evil.example',
    '//evil.example',
    'javascript:alert(1)',
    ' /\\evil.example',
  ]) {
    add('link scheme', `editor: disclaimer full-page URL ${JSON.stringify(url)}`, () =>
      rest('post', '/disclaimers', 'editor', {
        body: {
          fullPageUrl: url,
          key: `hostile-${Math.random()}`,
          kind: 'third-party',
          shortText: 'Texte.',
          title: 'Avertissement',
        },
      }),
    )
    add('link scheme', `writer: original URL ${JSON.stringify(url)}`, () =>
      createArticle('writer', { attribution: { originalUrl: url }, origin: 'syndicated' }),
    )
  }

  // --- Field types, enums, ranges and lengths (drafts included) ---------------------------------
  const fieldCases: Array<[string, Record<string, unknown>]> = [
    ['comments.maxLength "abc"', { comments: { maxLength: 'abc' } }],
    ['comments.maxLength -5', { comments: { maxLength: -5 } }],
    ['comments.maxLength 1e9', { comments: { maxLength: 1e9 } }],
    ['comments.enabled "yes"', { comments: { enabled: 'yes' } }],
    ['pinned "yes"', { pinned: 'yes' }],
    ['pinned an object', { pinned: { $ne: false } }],
    ['language "xx"', { language: 'xx' }],
    ['language an array', { language: ['fr', 'en'] }],
    ['a 1 MB title', { title: megabyte }],
    ['a 1,000-character title', { title: 't'.repeat(1000) }],
    ['a number as title', { title: 12345 }],
    ['an object as title', { title: { fr: 'x' } }],
    ['an object as standfirst', { standfirst: { html: '<b>x</b>' } }],
    ['a 20,000-character standfirst', { standfirst: 's'.repeat(20_000) }],
    ['tags [{}]', { tags: [{}] }],
    ['tags a string', { tags: 'a,b' }],
    ['a 10,000-character tag', { tags: ['t'.repeat(10_000)] }],
    ['500 tags', { tags: Array.from({ length: 500 }, (_, index) => `tag-${index}`) }],
    ['pinnedUntil "yesterday"', { pinnedUntil: 'yesterday' }],
    ['pinnedUntil a number', { pinnedUntil: 99_999_999_999_999 }],
    [
      'attribution.originalPublishedAt "soon"',
      { attribution: { originalPublishedAt: 'soon' }, origin: 'syndicated' },
    ],
    ['origin "evil"', { origin: 'evil' }],
    ['summary.status "done"', { summary: { status: 'done' } }],
    ['aiDisclosure.level "secret"', { aiDisclosure: { level: 'secret' } }],
    [
      'attribution.transformation "stolen"',
      { attribution: { transformation: 'stolen' }, origin: 'syndicated' },
    ],
    [
      'attribution.canonical "everywhere"',
      { attribution: { canonical: 'everywhere' }, origin: 'syndicated' },
    ],
    [
      'attribution.originalAuthors [{}]',
      { attribution: { originalAuthors: [{}] }, origin: 'syndicated' },
    ],
    ['byline.automated.enabled "true-ish"', { byline: { automated: { enabled: 'maybe' } } }],
    ['corrections with an unknown type', { corrections: [{ text: 'x', type: 'rumour' }] }],
    ['corrections that is an object', { corrections: { type: 'correction' } }],
    ['a slug with markup', { slug: '<script>alert(1)</script>' }],
    ['a slug of 1,000 characters', { slug: 'a'.repeat(1000) }],
  ]
  for (const [label, data] of fieldCases) {
    add('field validation', `writer: draft with ${label}`, () => createArticle('writer', data))
  }
  add('field validation', 'writer: update own draft with pinnedUntil "yesterday"', () =>
    patchDraft('writer', { pinnedUntil: 'yesterday' }),
  )
  add('field validation', 'writer: update own draft with a 1 MB title', () =>
    patchDraft('writer', { title: megabyte }),
  )
  add('field validation', 'editor: publish with language "xx"', () =>
    createArticle('editor', { _status: 'published', language: 'xx' }, false),
  )
  add('field validation', 'editor: section with a 1 MB name', () =>
    rest('post', '/sections', 'editor', { body: { name: megabyte } }),
  )
  add('field validation', 'editor: section order "first"', () =>
    rest('post', '/sections', 'editor', { body: { name: 'Ordre', order: 'first' } }),
  )
  add('field validation', 'editor: source with a 1 MB credit line', () =>
    rest('post', '/sources', 'editor', {
      body: { category: 'wire', creditLine: megabyte, name: 'Agence' },
    }),
  )
  add('field validation', 'editor: disclaimer with a 1 MB short text', () =>
    rest('post', '/disclaimers', 'editor', {
      body: { key: 'huge', kind: 'third-party', shortText: megabyte, title: 'x' },
    }),
  )
  add('field validation', 'writer: own name of 1 MB', () =>
    rest('patch', `/users/${staff.writer.id}`, 'writer', { body: { name: megabyte } }),
  )

  // --- Relationships: unknown, malformed, foreign IDs ------------------------------------------
  const unknownId = '00000000-0000-4000-8000-000000000000'
  const relationCases: Array<[string, Record<string, unknown>]> = [
    ['an unknown section', { section: unknownId }],
    ['a section that is not an ID', { section: 'not-an-id' }],
    ['a section that is an object', { section: { $ne: null } }],
    ['a section that is an array', { section: ['x', 'y'] }],
    ['an unknown author', { byline: { authors: [unknownId] } }],
    ['an author that is a number', { byline: { authors: [12] } }],
    ['an unknown disclaimer', { disclaimers: [unknownId] }],
    ['a disclaimer that is not an ID', { disclaimers: ['<script>'] }],
    ['an unknown source', { attribution: { source: unknownId }, origin: 'syndicated' }],
    ['an unknown translation original', { translationOf: unknownId }],
    ['an unknown reviewer', { aiDisclosure: { level: 'summary', reviewedBy: unknownId } }],
  ]
  for (const [label, data] of relationCases) {
    add('relationship IDs', `writer: draft with ${label}`, () => createArticle('writer', data))
  }
  add('relationship IDs', 'editor: published article with an unknown section', () =>
    createArticle('editor', { _status: 'published', section: unknownId }, false),
  )
  add('relationship IDs', 'editor: section whose parent is unknown', () =>
    rest('post', '/sections', 'editor', { body: { name: 'Orpheline', parent: unknownId } }),
  )
  add('relationship IDs', 'editor: source whose default disclaimer is unknown', () =>
    rest('post', '/sources', 'editor', {
      body: { category: 'wire', defaultDisclaimers: [unknownId], name: 'Agence fantôme' },
    }),
  )
  add('relationship IDs', 'anonymous: GET an article by a malformed ID', () =>
    rest('get', '/articles/%00%27%22', 'anonymous'),
  )
  add('relationship IDs', 'editor: PATCH an unknown article', () =>
    rest('patch', `/articles/${unknownId}`, 'editor', { body: { title: 'x' } }),
  )
  add('relationship IDs', 'editor: DELETE an article by a malformed ID', () =>
    rest('delete', '/articles/not-an-id', 'editor'),
  )

  // --- Workflow endpoint and roles ----------------------------------------------------------------
  add('workflow', 'editor: unknown workflow action', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'editor', { body: { action: 'nuke' } }),
  )
  add('workflow', 'editor: workflow action that is an object', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'editor', {
      body: { action: { $ne: null } },
    }),
  )
  add('workflow', 'editor: workflow note of 1 MB', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'editor', {
      body: { action: 'request_changes', note: megabyte },
    }),
  )
  add('workflow', 'writer: workflow note that is an array', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'writer', {
      body: { action: 'submit', note: ['x'] },
    }),
  )
  add('workflow', 'anonymous: workflow action', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'anonymous', {
      body: { action: 'publish' },
    }),
  )
  add('workflow', 'ingest: publish through the workflow', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'ingest', { body: { action: 'publish' } }),
  )
  add('workflow', 'writer: set workflowState and _status directly', () =>
    patchDraft('writer', { _status: 'published', workflowState: 'published' }),
  )
  add('workflow', 'writer: an unknown _status', () =>
    createArticle('writer', { _status: 'live' }, false),
  )

  // --- Time limits, licences, summaries and images --------------------------------------------------
  add('time limits', 'editor: an embargo that is not a date', () =>
    patchDraft('editor', { embargoUntil: 'tomorrow morning' }),
  )
  add('time limits', 'editor: rights that expire in the year 99999', () =>
    patchDraft('editor', { attribution: { rightsExpireAt: '+099999-01-01T00:00:00.000Z' } }),
  )
  add('time limits', 'editor: a licence that allows an unknown transformation', () =>
    rest('post', '/sources', 'editor', {
      body: {
        category: 'wire',
        licence: { transformations: ['plagiarised'] },
        name: 'Agence douteuse',
      },
    }),
  )
  add('time limits', 'editor: a licence duration of -5 days', () =>
    rest('post', '/sources', 'editor', {
      body: { category: 'wire', licence: { durationDays: -5 }, name: 'Agence négative' },
    }),
  )
  add('summaries', 'anonymous: regenerate a summary', () =>
    rest('post', `/articles/${writerDraftId}/summary`, 'anonymous'),
  )
  add('summaries', 'editor: regenerate the summary of a malformed ID', () =>
    rest('post', '/articles/%00%27%22/summary', 'editor'),
  )
  add('summaries', 'ingest: regenerate the summary of a draft it does not own', () =>
    rest('post', `/articles/${writerDraftId}/summary`, 'ingest'),
  )
  add('images', 'editor: a featured image that does not exist', () =>
    patchDraft('editor', { featuredImage: unknownId }),
  )
  add('images', 'editor: a body image from the users collection', () =>
    patchDraft('editor', {
      body: {
        root: {
          children: [
            {
              fields: null,
              format: '',
              relationTo: 'users',
              type: 'upload',
              value: unknownId,
              version: 3,
            },
          ],
          type: 'root',
          version: 1,
        },
      },
    }),
  )
  add('images', 'editor: an image record without a file', () =>
    rest('post', '/media', 'editor', { body: { alt: 'Sans fichier' } }),
  )

  // --- Ingest (each refusal is also logged as an ingest run: the log, not content) ----------------
  const ingest = (role: Role, body: unknown) => rest('post', '/articles/ingest', role, { body })
  const plainItem = (item: Record<string, unknown>) => ({
    format: 'newsroom',
    item: { id: 'hostile-1', title: 'Dépêche', url: 'https://example.com/1', ...item },
    source: ingestSource,
  })
  add('ingest', 'anonymous: deliver an item', () => ingest('anonymous', plainItem({})))
  add('ingest', 'writer: deliver an item', () => ingest('writer', plainItem({})))
  add('ingest', 'ingest: an unknown format', () =>
    ingest('ingest', { ...plainItem({}), format: 'rss' }),
  )
  add('ingest', 'ingest: items that is an operator object', () =>
    ingest('ingest', { format: 'newsroom', items: { $ne: null }, source: ingestSource }),
  )
  add('ingest', 'ingest: a source that is an operator object', () =>
    ingest('ingest', { ...plainItem({}), source: { $ne: null } }),
  )
  add('ingest', 'ingest: an unknown source', () =>
    ingest('ingest', { ...plainItem({}), source: 'no-such-source' }),
  )
  add('ingest', 'ingest: 501 items', () =>
    ingest('ingest', {
      format: 'newsroom',
      items: Array.from({ length: 501 }, (_, index) => ({ id: `n${index}`, title: 't' })),
      source: ingestSource,
    }),
  )
  for (const url of hostileUrls.slice(0, 4)) {
    add('ingest', `ingest: original URL ${JSON.stringify(url)}`, () =>
      ingest('ingest', plainItem({ url })),
    )
  }
  add('ingest', 'ingest: a 1 MB title', () => ingest('ingest', plainItem({ title: megabyte })))
  add('ingest', 'ingest: killed that is a string', () =>
    ingest('ingest', plainItem({ killed: 'yes' })),
  )
  add('ingest', 'ingest: a body of 10,000 nested quotes', () =>
    ingest(
      'ingest',
      plainItem({
        html: `${'<blockquote>'.repeat(10_000)}x${'</blockquote>'.repeat(10_000)}`,
        title: '</script><script>alert(1)</script>',
        url: 'javascript:alert(1)',
      }),
    ),
  )
  add('ingest', 'ingest: a ninjs item without uri or headline', () =>
    ingest('ingest', {
      format: 'ninjs',
      items: [{ body_html: '<script>alert(1)</script>' }, 'x', null],
      source: ingestSource,
    }),
  )
  add('ingest', 'ingest: invalid JSON', () =>
    rest('post', '/articles/ingest', 'ingest', {
      headers: { 'content-type': 'application/json' },
      rawBody: '{"format":"ninjs","items":[',
    }),
  )

  // --- Accounts ---------------------------------------------------------------------------------
  add('accounts', 'anonymous: login with an operator object as email', () =>
    rest('post', '/users/login', 'anonymous', { body: { email: { $gt: '' }, password: 'x' } }),
  )
  add('accounts', 'anonymous: login with a 1 MB email', () =>
    rest('post', '/users/login', 'anonymous', { body: { email: megabyte, password: 'x' } }),
  )
  add('accounts', 'writer: unlock an account', () =>
    rest('post', '/users/unlock', 'writer', { body: { email: 'admin@newsroom.test' } }),
  )
  add('accounts', 'ingest: create a user', () =>
    rest('post', '/users', 'ingest', {
      body: { email: 'x@evil.example', password: 'password-123456', roles: ['admin'] },
    }),
  )

  // --- Names that are JavaScript property names: data, never keys ---------------------------------
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    add('property names', `editor: workflow action "${name}"`, () =>
      rest('post', `/articles/${writerDraftId}/workflow`, 'editor', { body: { action: name } }),
    )
    add('property names', `editor: bulk workflow action "${name}"`, () =>
      rest('post', '/articles/workflow', 'editor', {
        body: { action: name, ids: [writerDraftId] },
      }),
    )
    add('property names', `ingest: format "${name}"`, () =>
      ingest('ingest', { format: name, items: [], source: ingestSource }),
    )
    add('property names', `writer: article language "${name}"`, () =>
      createArticle('writer', { language: name }),
    )
    add('property names', `admin: disclaimer kind "${name}"`, () =>
      rest('post', '/disclaimers', 'admin', {
        body: { key: `k-${name.length}`, kind: name, shortText: 'x', title: 'x' },
      }),
    )
    add('property names', `admin: webhook event "${name}"`, () =>
      rest('post', '/newsroom-webhooks', 'admin', { body: { ...webhook, events: [name] } }),
    )
    add('property names', `admin: user role "${name}"`, () =>
      rest('post', '/users', 'admin', {
        body: {
          email: `role-${name.length}@newsroom.test`,
          password: 'password-123456',
          roles: [name],
        },
      }),
    )
    add('property names', `anonymous: sort by "${name}"`, () =>
      rest('get', '/articles', 'anonymous', { query: { sort: name } }),
    )
    add('property names', `anonymous: locale "${name}"`, () =>
      rest('get', '/sections', 'anonymous', { query: { locale: name } }),
    )
    // The feed's direct read passes the request's locale to the adapter.
    add('property names', `anonymous: locale "${name}" on the feed`, () =>
      rest('get', '/articles/feed/fr', 'anonymous', { query: { locale: name } }),
    )
    add('property names', `anonymous: fallback-locale "${name}" on the feed`, () =>
      rest('get', '/articles/feed/fr', 'anonymous', { query: { 'fallback-locale': name } }),
    )
    for (const route of [
      `/articles/view/${name}/article-publie`,
      `/articles/feed/${name}`,
      `/articles/rss/${name}`,
      `/articles/atom/${name}`,
      `/articles/page/${name}`,
      `/articles/sitemap/${name}`,
    ]) {
      add('property names', `anonymous: GET ${route}`, () => rest('get', route, 'anonymous'))
    }
  }

  // --- What a database refuses: refused by us first, with the field's name ----------------------
  add('database rules', 'writer: a title holding NUL', () =>
    createArticle('writer', { title: 'Titre\u0000nul' }),
  )
  add('database rules', 'writer: a standfirst holding NUL (update)', () =>
    patchDraft('writer', { standfirst: 'Chapeau \u0000' }),
  )
  add('database rules', 'writer: a body text node holding NUL', () =>
    createArticle('writer', { body: documentOf(paragraphOf(textNode('texte \u0000'))) }),
  )
  add('database rules', 'writer: a body node key starting with $', () =>
    createArticle('writer', {
      body: documentOf({ ...paragraphOf(textNode('texte')), $where: 'x' }),
    }),
  )
  add('database rules', 'admin: a section name holding NUL', () =>
    rest('post', '/sections', 'admin', { body: { name: 'Rubrique\u0000' } }),
  )
  add('database rules', 'admin: a source credit holding NUL', () =>
    rest('post', '/sources', 'admin', {
      body: { category: 'wire', creditLine: 'Agence\u0000', name: 'Agence nulle' },
    }),
  )
  add('database rules', 'editor: a workflow note holding NUL', () =>
    rest('post', `/articles/${writerDraftId}/workflow`, 'editor', {
      body: { action: 'request_changes', note: 'Revoir \u0000' },
    }),
  )
  add('database rules', 'ingest: an item title holding NUL', () =>
    ingest('ingest', plainItem({ id: 'hostile-nul', title: 'Dépêche\u0000' })),
  )
  add('database rules', 'anonymous: a where value holding NUL', () =>
    rest('get', '/articles', 'anonymous', { query: { 'where[title][equals]': 'x\u0000' } }),
  )

  // --- URL parameters: checked before any query ---------------------------------------------------
  for (const route of [
    '/articles/view/xx/whatever',
    '/articles/view/../../users',
    '/articles/view/fr/slug%00nul',
    '/articles/view/fr/Not A Slug',
    '/articles/feed/xx',
    '/articles/rss/xx',
    '/articles/atom/xx',
    '/articles/page/xx',
    '/articles/sitemap/0',
    '/articles/sitemap/1e400',
  ]) {
    add('url parameters', `anonymous: GET ${route}`, () => rest('get', route, 'anonymous'))
  }
  add('url parameters', 'anonymous: feed section holding NUL', () =>
    rest('get', '/articles/feed/fr', 'anonymous', { query: { section: 'monde\u0000' } }),
  )
  add('url parameters', 'anonymous: feed section that is no slug', () =>
    rest('get', '/articles/rss/fr', 'anonymous', { query: { section: '../../users' } }),
  )
  add('url parameters', 'anonymous: preview token holding NUL', () =>
    rest('get', '/articles/preview', 'anonymous', { query: { token: 'x\u0000' } }),
  )

  // --- GraphQL bodies on the wrapped route -------------------------------------------------------
  const graphqlBody = async (
    body: BodyInit | null,
    contentType = 'application/json',
  ): Promise<Answer> => {
    const response = await limitGraphQLRequest(GRAPHQL_POST(newsroom.config))(
      new Request('http://localhost/api/graphql', {
        body,
        headers: { 'content-type': contentType },
        method: 'POST',
      }),
    )
    const text = await response.text()
    const shaped = Array.isArray((JSON.parse(text || '{}') as { errors?: unknown }).errors)
    return {
      status: shaped ? response.status : 599,
      text: `${shaped ? '' : 'not GraphQL-shaped: '}${text}`,
    }
  }
  add('graphql bodies', 'anonymous: JSON cut short', () =>
    graphqlBody('{"query":"{ Articles { docs { id } } }'),
  )
  add('graphql bodies', 'anonymous: an empty body', () => graphqlBody(''))
  add('graphql bodies', 'anonymous: a batched array', () =>
    graphqlBody('[{"query":"{ __typename }"},{"query":"{ __typename }"}]'),
  )
  add('graphql bodies', 'anonymous: JSON that is a number', () => graphqlBody('42'))
  add('graphql bodies', 'anonymous: a form body', () =>
    graphqlBody('query=%7B__typename%7D', 'application/x-www-form-urlencoded'),
  )
  add('graphql bodies', 'anonymous: text/plain', () =>
    graphqlBody('{"query":"{ __typename }"}', 'text/plain'),
  )

  // --- GraphQL ----------------------------------------------------------------------------------
  add('graphql', 'anonymous: syntax error', () => gql('{ Articles { docs { id } ', 'anonymous'))
  add('graphql', 'anonymous: 1,000 aliased ArticleView fields', () =>
    gql(
      `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: ArticleView(language: "fr", slug: "x")`).join(' ')} }`,
      'anonymous',
    ),
  )
  add('graphql', 'anonymous: a cycle of fragments', () =>
    gql('fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }', 'anonymous'),
  )
  add('graphql', 'writer: createArticle with a string body', () =>
    gql(
      'mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }',
      'writer',
      {
        data: { body: 'hello', language: 'fr', section: basics.world.id, title: 'GraphQL' },
      },
    ),
  )
  add('graphql', 'writer: createArticle with an unknown section', () =>
    gql(
      'mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }',
      'writer',
      {
        data: { language: 'fr', section: unknownId, title: 'GraphQL' },
      },
    ),
  )
  add('graphql', 'writer: createArticle with a javascript: link', () =>
    gql(
      'mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }',
      'writer',
      {
        data: {
          body: documentOf(paragraphOf(linkTo('javascript:alert(1)', 'internal'))),
          language: 'fr',
          section: basics.world.id,
          title: 'GraphQL',
        },
      },
    ),
  )
  add('graphql', 'writer: updateArticle with pinnedUntil "yesterday"', () =>
    gql(
      'mutation ($id: String!) { updateArticle(id: $id, data: { pinnedUntil: "yesterday" }, draft: true) { id } }',
      'writer',
      { id: String(writerDraftId) },
    ),
  )
  add('graphql', 'anonymous: variables of the wrong type', () =>
    gql('query ($limit: Int) { Articles(limit: $limit) { docs { id } } }', 'anonymous', {
      limit: 'many',
    }),
  )
  add('graphql', 'anonymous: articleWorkflow mutation', () =>
    gql(
      'mutation ($id: String!) { articleWorkflow(id: $id, action: publish) { workflowState } }',
      'anonymous',
      { id: String(writerDraftId) },
    ),
  )

  it(
    `answers every hostile request with a 4xx and writes nothing (${cases.length} cases)`,
    { timeout: 600_000 },
    async () => {
      expect(cases.length).toBeGreaterThanOrEqual(100)
      const failures: string[] = []
      const byKind: Record<string, number> = {}
      for (const hostile of cases) {
        byKind[hostile.kind] = (byKind[hostile.kind] ?? 0) + 1
        const before = await databaseFingerprint(newsroom.payload).catch((error: Error) => ({
          unreadable: error.message,
        }))
        let answer: Answer
        try {
          answer = await hostile.send()
        } catch (error) {
          failures.push(`${hostile.name}: threw ${(error as Error).message.slice(0, 200)}`)
          continue
        }
        const after = await databaseFingerprint(newsroom.payload).catch((error: Error) => ({
          unreadable: error.message,
        }))
        if (answer.status < 400 || answer.status >= 500) {
          failures.push(`${hostile.name}: answered ${answer.status} ${answer.text.slice(0, 200)}`)
        }
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          failures.push(
            `${hostile.name}: wrote to the database ${JSON.stringify({ after, before }).slice(0, 400)}`,
          )
        }
      }
      console.log('hostile cases by class:', byKind)
      expect(failures).toEqual([])
    },
  )

  it('refuses a NUL character on the Local API too, access overridden, naming the field', async () => {
    const before = await databaseFingerprint(newsroom.payload)
    const refused = await newsroom.payload
      .create({
        collection: 'articles',
        data: { language: 'fr', section: basics.world.id, title: 'Seed \u0000' } as never,
        draft: true,
        overrideAccess: true,
      })
      .then(
        () => undefined,
        (error: { data?: { errors?: Array<{ path: string }> }; status?: number }) => error,
      )
    expect(refused?.status).toBe(400)
    expect(refused?.data?.errors?.map((error) => error.path)).toEqual(['title'])
    expect(await databaseFingerprint(newsroom.payload)).toEqual(before)
  })

  it('still accepts what the admin sends: a multipart draft with empty arrays as row counts', async () => {
    const form = new FormData()
    form.set(
      '_payload',
      JSON.stringify({
        appliedDisclaimers: 0,
        corrections: 0,
        language: 'fr',
        section: basics.world.id,
        tags: [],
        title: 'Depuis l’admin',
      }),
    )
    const answer = await rest('post', '/articles', 'writer', {
      query: { draft: 'true' },
      rawBody: form,
    })
    expect(answer.status).toBe(201)
    const stored = await newsroom.payload.findByID({
      collection: 'articles',
      draft: true,
      id: answer.body.doc.id,
    })
    expect(stored).toMatchObject({
      corrections: [],
      title: 'Depuis l’admin',
      workflowState: 'draft',
    })
  })

  it('still serves the published article after the corpus', async () => {
    const answer = await rest('get', `/articles/${publishedId}`, 'anonymous')
    expect(answer.status).toBe(200)
    expect(answer.body.title).toBe('Article publié')
  })
})
