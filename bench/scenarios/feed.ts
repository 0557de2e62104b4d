import type { Payload, Where } from 'payload'

import type { DatabaseKind } from '../../host/database/selectDatabase'
import type { BenchInstance } from '../environment'
import type { QueryLog } from '../queryLog'
import { feedItemSelect, feedSort } from 'payload-newsroom/server'
import { measureInterleaved, type Timing } from '../stats'
import { feedFloor, feedPageSize, type FeedTarget } from './feedFloor'

export type { FeedTarget } from './feedFloor'

type ID = number | string

/** Published articles of one language and section; the same filter on every surface. */
export const feedWhere = ({ language, section }: FeedTarget): Where => ({
  _status: { equals: 'published' },
  language: { equals: language },
  section: { equals: section },
})

/** Payload's bracket notation for REST query strings: `{ where: { a: { equals: 1 } } }` → `where[a][equals]=1`. */
const bracketQuery = (parameters: Record<string, unknown>) => {
  const query: Record<string, string> = {}
  const add = (key: string, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [name, inner] of Object.entries(value)) add(`${key}[${name}]`, inner)
    } else {
      query[key] = String(value)
    }
  }
  for (const [key, value] of Object.entries(parameters)) add(key, value)
  return query
}

/** A GraphQL selection set for a Payload `select`; relationships can only be selected as objects, so as `{ id }`. */
const selectionSet = (
  select: Record<string, unknown>,
  relationships: ReadonlySet<string>,
): string =>
  Object.entries(select)
    .map(([name, value]) =>
      typeof value === 'object' && value !== null
        ? `${name} { ${selectionSet(value as Record<string, unknown>, relationships)} }`
        : relationships.has(name)
          ? `${name} { id }`
          : name,
    )
    .join(' ')

const idsOf = (docs: { id: ID }[]) => docs.map((doc) => doc.id)

const fail = (surface: string, status: number, body: unknown): never => {
  throw new Error(`${surface} feed answered ${status}: ${JSON.stringify(body).slice(0, 300)}`)
}

/** The feed through the Local API as an anonymous reader, with access control, as the feed endpoint calls it. */
const localFeed = (payload: Payload, target: FeedTarget) => async () =>
  idsOf(
    (
      await payload.find({
        collection: 'articles',
        depth: 0,
        limit: feedPageSize,
        overrideAccess: false,
        select: feedItemSelect as never,
        sort: feedSort,
        where: feedWhere(target),
      })
    ).docs,
  )

/**
 * The section feed as an anonymous reader through each surface: the Local API (with access
 * control, as the feed endpoint calls it), Payload's REST route handler and its GraphQL handler
 * (GraphQL's `select: true` makes it project like the others). Each returns the ids in order.
 */
export const feedSurfaces = (instance: BenchInstance, target: FeedTarget) => {
  const where = feedWhere(target)
  const restQuery = bracketQuery({
    depth: 0,
    limit: feedPageSize,
    select: feedItemSelect,
    sort: feedSort.join(','),
    where,
  })
  const graphqlQuery =
    `query Feed($where: Article_where) { Articles(where: $where, sort: "${feedSort.join(',')}", limit: ${feedPageSize}, select: true) ` +
    `{ totalDocs docs { id ${selectionSet(feedItemSelect, new Set(['section']))} } } }`
  return {
    'Local API': localFeed(instance.payload, target),
    REST: async () => {
      const { body, status } = await instance.rest.get('/articles', { query: restQuery })
      return status === 200 ? idsOf(body.docs) : fail('REST', status, body)
    },
    GraphQL: async () => {
      const { body, status } = await instance.graphql(graphqlQuery, { variables: { where } })
      return status === 200 && !body.errors
        ? idsOf(body.data.Articles.docs)
        : fail('GraphQL', status, body)
    },
  }
}

/**
 * The plugin's own feed endpoint (`GET /api/articles/feed/fr?section=…&limit=20`: cards with section,
 * source and author names), and the same request again with the ETag it answered: the CDN's
 * revalidation, answered 304 from the content revision without building the cards.
 */
export const feedEndpointCases = (instance: BenchInstance, sectionSlug: string) => {
  const route = `/articles/feed/fr`
  const query = { limit: String(feedPageSize), section: sectionSlug }
  let etag = ''
  return {
    'feed endpoint': async () => {
      const { body, status } = await instance.rest.get(route, { query })
      return status === 200 ? idsOf(body.docs) : fail('feed endpoint', status, body)
    },
    'feed endpoint, 304': async () => {
      const answer = await instance.rest.get(route, { headers: { 'if-none-match': etag }, query })
      // The tag names the minute the answer is built for: a new minute answers 200 once, with the next tag.
      if (answer.status === 200) etag = answer.headers.get('etag') ?? ''
      else if (answer.status !== 304) fail('feed endpoint, 304', answer.status, answer.body)
      return answer.status
    },
  }
}
export const feedEndpointCaseNames = ['feed endpoint', 'feed endpoint, 304'] as const

export const feedSurfaceNames = ['Local API', 'REST', 'GraphQL'] as const
export type FeedSurface = (typeof feedSurfaceNames)[number]
/** The Local API on an instance with `disabled: true`: what Payload costs without the plugin's hooks and access rules. */
export const withoutPlugin = 'Local API, plugin disabled'
export type FeedCase =
  | 'floor'
  | 'floor, page only'
  | typeof withoutPlugin
  | FeedSurface
  | (typeof feedEndpointCaseNames)[number]

export type FeedResult = {
  /** Published articles matching the feed's filter (the pagination total). */
  matching: number
  /** How the database answers the floor's page query. */
  plan: string
  /** The statements one request of each surface sent, captured through the query log. */
  queries: Record<'floor' | FeedSurface | (typeof feedEndpointCaseNames)[number], string[]>
  size: number
  timings: Record<FeedCase, Timing>
}

/** Every surface must pick the floor's articles in the floor's order, or the comparison means nothing. */
const checkSameArticles = async (expected: ID[], surfaces: Record<string, () => Promise<ID[]>>) => {
  for (const [name, surface] of Object.entries(surfaces)) {
    const ids = await surface()
    if (JSON.stringify(ids.map(String)) !== JSON.stringify(expected.map(String))) {
      throw new Error(
        `the ${name} feed and the raw-driver floor disagree:\n  floor: ${expected.join(', ')}\n  ${name}: ${ids.join(', ')}`,
      )
    }
  }
}

/** Times the feed on every surface against the raw-driver floor, at the database's current size. */
export const runFeedScenario = async ({
  disabled,
  instance,
  kind,
  measureOptions,
  queryLog,
  sectionSlug,
  size,
  target,
}: {
  /** The same database through an instance with the plugin disabled. */
  disabled: BenchInstance
  instance: BenchInstance
  kind: DatabaseKind
  measureOptions: { repetitions: number; warmup: number }
  queryLog: QueryLog
  sectionSlug: string
  size: number
  target: FeedTarget
}): Promise<FeedResult> => {
  const floor = feedFloor(kind, instance.payload, target, queryLog)
  const surfaces = feedSurfaces(instance, target)
  const pluginless = localFeed(disabled.payload, target)
  const endpoint = feedEndpointCases(instance, sectionSlug)
  await checkSameArticles(await floor.page(), {
    ...surfaces,
    [withoutPlugin]: pluginless,
    'feed endpoint': endpoint['feed endpoint'],
  })
  await endpoint['feed endpoint, 304']()
  if ((await endpoint['feed endpoint, 304']()) !== 304)
    throw new Error('the feed endpoint does not answer its own ETag with 304')

  const timings = await measureInterleaved(
    {
      floor: floor.pageAndCount,
      'floor, page only': floor.page,
      ...surfaces,
      [withoutPlugin]: pluginless,
      ...endpoint,
    },
    { ...measureOptions, queryCount: queryLog.count },
  )
  const queries = { floor: floor.statements } as FeedResult['queries']
  for (const name of feedSurfaceNames) {
    queries[name] = await queryLog.capture(surfaces[name])
  }
  for (const name of feedEndpointCaseNames) {
    queries[name] = await queryLog.capture(endpoint[name])
  }
  const { totalDocs } = await instance.payload.count({
    collection: 'articles',
    overrideAccess: false,
    where: feedWhere(target),
  })
  return { matching: totalDocs, plan: await floor.plan(), queries, size, timings }
}

/**
 * Pins the oldest published article of the feed, so that it must come first at every size: the
 * floor's check then proves that every surface honours "pinned first" and not only "newest first".
 */
export const pinOldestFeedArticle = async (payload: Payload, target: FeedTarget) => {
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    limit: 1,
    sort: 'publishedAt',
    where: feedWhere(target),
  })
  if (docs[0]) {
    await payload.update({
      id: docs[0].id,
      collection: 'articles',
      data: { pinned: true } as never,
      depth: 0,
    })
  }
}
