import type { Payload } from 'payload'

import type { DatabaseKind } from '../../host/database/selectDatabase'
import type { QueryLog } from '../queryLog'
import { feedDefaultLimit } from 'payload-newsroom/server'
export type FeedTarget = { language: string; section: number | string }

type ID = number | string

/**
 * The feed written directly against the database driver, below Payload: what the section feed
 * cannot go under. `pageAndCount` sends what Payload needs for the same answer (the page and the
 * total for pagination); `page` the page alone. Both return the ids in feed order, so the caller
 * can check that they pick the same 20 articles as Payload does. `plan` says how the database
 * answers the page query (its index use), for the report.
 */
export type FeedFloor = {
  page: () => Promise<ID[]>
  pageAndCount: () => Promise<ID[]>
  plan: () => Promise<string>
  /** The statements, as text, for the report. */
  statements: string[]
}

/** One page of the feed endpoint, unless asked otherwise. */
export const feedPageSize = feedDefaultLimit

type LibsqlStatement = { args: unknown[]; sql: string }
type LibsqlResult = { rows: Record<string, unknown>[] }
type LibsqlClient = {
  execute: (statement: LibsqlStatement) => Promise<LibsqlResult>
  transaction: (mode: 'read') => Promise<{
    close: () => void
    execute: (statement: LibsqlStatement) => Promise<LibsqlResult>
  }>
}

type Rows = Record<string, unknown>[]

/**
 * The floor on a SQL database, through the driver's `execute(sql, args)`: Payload's own statements for
 * the feed (see the captured queries in the results), minus the second `_status` condition that read
 * access adds: the columns of `feedItemSelect`, the feed index's columns in the filter, and Payload's
 * order (pinned, newest, then its `createdAt` tie-break). `explain(sql, args)` says how the database
 * answers the page query.
 */
const sqlFloor = (
  { language, section }: FeedTarget,
  queryLog: QueryLog,
  placeholders: [string, string, string],
  execute: (sql: string, args: unknown[]) => Promise<Rows>,
  explain: (sql: string, args: unknown[]) => Promise<string>,
): FeedFloor => {
  const args = [language, section, 'published']
  const filter = `from "articles" where "language" = ${placeholders[0]} and "section_id" = ${placeholders[1]} and "_status" = ${placeholders[2]}`
  const countSql = `select count(*) as "total" ${filter}`
  const pageSql =
    'select "id", "title", "standfirst", "origin", "summary_status", "language", "slug", "section_id", "published_at", "pinned" ' +
    `${filter} order by "pinned" desc, "published_at" desc, "created_at" desc limit ${feedPageSize}`
  const run = (sql: string) => {
    queryLog.record(sql)
    return execute(sql, args)
  }
  const page = async () => (await run(pageSql)).map((row) => row.id as ID)
  return {
    page,
    pageAndCount: async () => {
      await run(countSql)
      return page()
    },
    plan: () => explain(pageSql, args),
    statements: [countSql, pageSql],
  }
}

const sqliteFloor = (payload: Payload, target: FeedTarget, queryLog: QueryLog): FeedFloor => {
  const client = (payload.db as unknown as { client: LibsqlClient }).client
  return sqlFloor(
    target,
    queryLog,
    ['?', '?', '?'],
    async (sql, args) => (await client.execute({ args, sql })).rows,
    async (sql, args) => {
      // On its own short-lived connection: run on the shared one, libsql leaves the EXPLAIN statement
      // holding a read lock, and the next write of another instance fails with SQLITE_BUSY.
      const transaction = await client.transaction('read')
      try {
        const { rows } = await transaction.execute({ args, sql: `explain query plan ${sql}` })
        return rows.map((row) => String(row.detail)).join('; ')
      } finally {
        transaction.close()
      }
    },
  )
}

type PgPool = { query: (sql: string, values: unknown[]) => Promise<{ rows: Rows }> }

/** The same on PostgreSQL, through the adapter's own node-postgres pool. */
const postgresFloor = (payload: Payload, target: FeedTarget, queryLog: QueryLog): FeedFloor => {
  const pool = (payload.db as unknown as { pool: PgPool }).pool
  return sqlFloor(
    target,
    queryLog,
    ['$1', '$2', '$3'],
    async (sql, args) => (await pool.query(sql, args)).rows,
    async (sql, args) =>
      (await pool.query(`explain ${sql}`, args)).rows
        .map((row) => String(row['QUERY PLAN']).trim())
        .join('; '),
  )
}

type MongoCollection = {
  countDocuments: (filter: object) => Promise<number>
  find: (
    filter: object,
    options: object,
  ) => {
    explain: (verbosity: string) => Promise<Record<string, any>>
    toArray: () => Promise<Record<string, any>[]>
  }
}
type MongoAdapter = {
  connection: { db: { collection: (name: string) => MongoCollection } }
  mongoose: {
    Types: { ObjectId: { isValid: (value: unknown) => boolean; new (value: string): unknown } }
  }
}

/** The stages of a winning plan, outermost first, e.g. `LIMIT → FETCH → IXSCAN language_1_section_1_…`. */
const describeMongoPlan = (stage: Record<string, any> | undefined): string =>
  stage
    ? [
        `${stage.stage}${stage.indexName ? ` ${stage.indexName}` : ''}`,
        describeMongoPlan(stage.inputStage),
      ]
        .filter(Boolean)
        .join(' → ')
    : ''

/** The same on MongoDB: relationship ids are stored as ObjectIds, hence the conversion of the section's. */
const mongoFloor = (
  payload: Payload,
  { language, section }: FeedTarget,
  queryLog: QueryLog,
): FeedFloor => {
  const adapter = payload.db as unknown as MongoAdapter
  const { ObjectId } = adapter.mongoose.Types
  const articles = adapter.connection.db.collection('articles')
  const filter = {
    _status: 'published',
    language,
    section: ObjectId.isValid(section) ? new ObjectId(String(section)) : section,
  }
  const options = {
    limit: feedPageSize,
    projection: {
      language: 1,
      origin: 1,
      pinned: 1,
      publishedAt: 1,
      section: 1,
      slug: 1,
      standfirst: 1,
      'summary.status': 1,
      title: 1,
    },
    sort: { pinned: -1, publishedAt: -1, createdAt: -1 },
  }
  const page = async () => {
    queryLog.record('articles.find')
    return (await articles.find(filter, options).toArray()).map((doc) => String(doc._id))
  }
  return {
    page,
    pageAndCount: async () => {
      queryLog.record('articles.countDocuments')
      await articles.countDocuments(filter)
      return page()
    },
    plan: async () => {
      const winning = (await articles.find(filter, options).explain('queryPlanner')).queryPlanner
        ?.winningPlan
      // MongoDB 7+ with the slot-based engine nests the classic plan one level down.
      return describeMongoPlan(winning?.queryPlan ?? winning)
    },
    statements: [
      `articles.countDocuments(${JSON.stringify(filter)})`,
      `articles.find(${JSON.stringify(filter)}, ${JSON.stringify(options)})`,
    ],
  }
}

export const feedFloor = (
  kind: DatabaseKind,
  payload: Payload,
  target: FeedTarget,
  queryLog: QueryLog,
): FeedFloor =>
  kind === 'sqlite'
    ? sqliteFloor(payload, target, queryLog)
    : kind === 'postgres'
      ? postgresFloor(payload, target, queryLog)
      : mongoFloor(payload, target, queryLog)
