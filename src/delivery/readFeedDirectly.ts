import type { FlattenedField, Payload, PayloadRequest, SelectType, Where } from 'payload'

import { combineQueries, executeAccess } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'
import type { RevisionMemo } from './revisionMemo.ts'

import { relationID } from '../utilities/documentValue.ts'

type Doc = Record<string, any>
type ID = number | string

/** Stored pins the public feed checks per revision; with more, it takes the exact path. */
const maxStoredPins = 1000

/** The fields a `select` reads, with every field under a group, array or tab it selects whole. */
const selectedFields = (fields: FlattenedField[], select: SelectType): FlattenedField[] =>
  fields.flatMap((field) => {
    const selected = select[field.name]
    if (!selected) {
      return []
    }
    if (!('flattenedFields' in field)) {
      return [field]
    }
    const below =
      typeof selected === 'object'
        ? selected
        : (Object.fromEntries(
            field.flattenedFields.map((child) => [child.name, true]),
          ) as SelectType)
    return [field, ...selectedFields(field.flattenedFields, below)]
  })

const servedAsStored = new WeakMap<Payload, boolean>()

/**
 * Whether Payload's own read of the articles' `select` would answer what the database holds: no
 * collection read hook, and no selected field with a read rule, a read hook or (with localization)
 * a localized value. A host that adds one gets the feed through the Local API, as before.
 */
export const articlesServedAsStored = (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  select: SelectType,
): boolean => {
  let answer = servedAsStored.get(payload)
  if (answer === undefined) {
    const { config } = payload.collections[options.collections.articles.slug]
    const { hooks } = config
    answer =
      !hooks.beforeRead?.length &&
      !hooks.afterRead?.length &&
      selectedFields(config.flattenedFields, select).every(
        (field) =>
          !field.access?.read &&
          !('hooks' in field && field.hooks?.afterRead?.length) &&
          !(payload.config.localization && 'localized' in field && field.localized),
      )
    servedAsStored.set(payload, answer)
  }
  return answer
}

/**
 * The stored pins of published articles (and any without a pinned value), read once per content
 * revision as the server: they only decide whether the stored order is the feed's order now.
 */
const storedPins = (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  memo: RevisionMemo,
): Promise<Doc[] | null> =>
  memo.remember('feed:stored-pins', async () => {
    const { docs } = await payload.db.find<Doc>({
      collection: options.collections.articles.slug,
      limit: maxStoredPins + 1,
      pagination: false,
      select: { language: true, pinned: true, pinnedUntil: true, section: true },
      where: {
        and: [
          { _status: { equals: 'published' } },
          { or: [{ pinned: { equals: true } }, { pinned: { exists: false } }] },
        ],
      },
    })
    return docs.length > maxStoredPins ? null : docs
  })

/**
 * One page of the feed in one read through the adapter (`payload.db.find`: the page and its count),
 * for a public reader, when the stored order `-pinned, -publishedAt` is the feed's order now: no
 * article of the feed holds a pin that has ended, or no pinned value. The collection's read rule is
 * applied as Payload applies it. Null when this read cannot answer (a pin has ended in this feed,
 * the rule refuses, or Payload's read would change what is stored): the caller takes the exact path.
 */
export const readFeedDirectly = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  {
    limit,
    listed,
    memo,
    now,
    page,
    scope,
    select,
  }: {
    limit: number
    listed: Where[]
    memo: RevisionMemo
    now: Date
    page: number
    scope: { language: string; section?: ID }
    select: SelectType
  },
): Promise<{ docs: Doc[]; totalDocs: number } | null> => {
  const { payload } = req
  const { config } = payload.collections[options.collections.articles.slug]
  if (!articlesServedAsStored(payload, options, select)) {
    return null
  }
  const pins = await storedPins(payload, options, memo)
  const misplaced = pins?.some(
    (pin) =>
      pin.language === scope.language &&
      (scope.section === undefined || String(relationID(pin.section)) === String(scope.section)) &&
      (pin.pinned !== true ||
        (pin.pinnedUntil && new Date(pin.pinnedUntil).getTime() <= now.getTime())),
  )
  if (pins === null || misplaced) {
    return null
  }
  const access = await executeAccess({ disableErrors: true, req }, config.access.read)
  if (access === false) {
    return null
  }
  const where = combineQueries(
    { and: [...listed, ...(config.trash ? [{ deletedAt: { exists: false } }] : [])] },
    access,
  )
  const { docs, totalDocs } = await payload.db.find<Doc>({
    collection: config.slug,
    limit,
    locale: req.locale ?? undefined,
    page,
    pagination: true,
    req,
    select,
    sort: ['-pinned', '-publishedAt'],
    where,
  })
  return { docs: docs.map(withInstantsAsText), totalDocs }
}

/** Dates as the Local API gives them (some adapters hand back `Date` objects). */
const withInstantsAsText = (doc: Doc): Doc => ({
  ...doc,
  publishedAt: doc.publishedAt instanceof Date ? doc.publishedAt.toISOString() : doc.publishedAt,
  pinnedUntil: doc.pinnedUntil instanceof Date ? doc.pinnedUntil.toISOString() : doc.pinnedUntil,
})
