import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { imageUses } from '../rules/imageRules.ts'
import { relationID, relationIDs } from '../utilities/documentValue.ts'
import { findByIDOnce, forgetFound } from '../utilities/requestCache.ts'
import {
  everyPublicationLock,
  exclusiveReferenceLocks,
  type LockRequest,
  locksPerEntity,
  sharedReferenceLock,
  takeLocks,
} from './writeLocks.ts'

type ID = number | string

/** A disclaimer the rules find by its key (`defaultDisclaimerKeys`): locked by the key, which needs no read. */
const disclaimerKeyLock = (options: ResolvedNewsroomOptions, key: string, stripesBy: ID) =>
  sharedReferenceLock(options, `${options.collections.disclaimers.slug}:key`, key, stripesBy)

/** The article's language, as the publish rules read its source in. */
const languageOf = (options: ResolvedNewsroomOptions, article: Record<string, any>) =>
  String(article.language ?? options.languages[0])

/** What a publication reads first: the article's source and section (their stripes for this article). */
const sourceAndSectionLocks = (
  options: ResolvedNewsroomOptions,
  article: Record<string, any>,
  stripesBy: ID,
): LockRequest[] => {
  const source = relationID(article.attribution?.source)
  const section = relationID(article.section)
  return [
    ...(source !== undefined
      ? [sharedReferenceLock(options, options.collections.sources.slug, source, stripesBy)]
      : []),
    ...(section !== undefined
      ? [sharedReferenceLock(options, options.collections.sections.slug, section, stripesBy)]
      : []),
  ]
}

/**
 * Everything a publication of `article` reads, as locks: its source and section, then every disclaimer
 * it may show (its own, the source's and section's defaults, the defaults by key) and its images.
 * Reads the source and section as they are now (cached for the request).
 */
const publicationLocks = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Record<string, any>,
  stripesBy: ID,
) => {
  const { collections } = options
  const sourceID = relationID(article.attribution?.source)
  const sectionID = relationID(article.section)
  const [source, section] = await Promise.all([
    sourceID !== undefined
      ? findByIDOnce(req, collections.sources.slug, sourceID, languageOf(options, article))
      : null,
    sectionID !== undefined ? findByIDOnce(req, collections.sections.slug, sectionID) : null,
  ])
  const disclaimers = new Set([
    ...relationIDs(article.disclaimers),
    ...relationIDs(source?.defaultDisclaimers),
    ...relationIDs(section?.defaultDisclaimers),
  ])
  const keys = Object.values(options.defaultDisclaimerKeys).filter((key): key is string =>
    Boolean(key),
  )
  return [
    ...sourceAndSectionLocks(options, article, stripesBy),
    ...[...disclaimers].map((disclaimer) =>
      sharedReferenceLock(options, collections.disclaimers.slug, disclaimer, stripesBy),
    ),
    ...keys.map((key) => disclaimerKeyLock(options, key, stripesBy)),
    ...imageUses(article).map((image) =>
      sharedReferenceLock(options, collections.media.slug, image.id, stripesBy),
    ),
  ]
}

/** Forgets what the request read of the locked entities: the rules read them again, as committed. */
const forgetLocked = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Record<string, any>,
) => {
  const { collections } = options
  const source = relationID(article.attribution?.source)
  const section = relationID(article.section)
  if (source !== undefined) {
    forgetFound(req, collections.sources.slug, source)
  }
  if (section !== undefined) {
    forgetFound(req, collections.sections.slug, section)
  }
}

/**
 * Before the publish rules read: a stripe of each entity they read, so a change to any of them (a
 * retirement, a suspension, a new credit) waits for this publication, or this one for it and then
 * reads what it committed. The source and section first (they name default disclaimers), read again
 * once locked, then the disclaimers and images.
 */
export const lockPublicationInputs = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Record<string, any>,
  id: ID | undefined,
) => {
  // A new article has no ID to choose its stripes by: one random choice serves both steps, or the
  // second would take other stripes of the same source after the first's, out of order.
  const stripesBy = id ?? randomUUID()
  if (!locksPerEntity(req.payload)) {
    return takeLocks(req, options, sourceAndSectionLocks(options, article, stripesBy))
  }
  await takeLocks(req, options, sourceAndSectionLocks(options, article, stripesBy))
  forgetLocked(req, options, article)
  await takeLocks(req, options, await publicationLocks(req, options, article, stripesBy))
}

/**
 * The locks a change to a disclaimer takes: all its stripes and its key's. When it re-points the
 * published articles showing it to `replaceWith`, every lock a publication takes: which articles show it
 * is only known once locked (a publisher may commit one meanwhile), and re-publishing them must not
 * take an article's lock after a disclaimer's.
 */
export const disclaimerChangeLocks = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  id: ID,
  replaceWith: unknown,
  key: unknown,
): Promise<LockRequest[]> => {
  const { disclaimers } = options.collections
  if (relationID(replaceWith) !== undefined) {
    return everyPublicationLock(options)
  }
  const stored = await req.payload.db.findOne<{ id: ID; key?: string }>({
    collection: disclaimers.slug,
    req,
    where: { id: { equals: id } },
  })
  const keys = [
    ...new Set(
      [stored?.key, typeof key === 'string' ? key : undefined].filter((value): value is string =>
        Boolean(value),
      ),
    ),
  ]
  return [
    ...exclusiveReferenceLocks(options, disclaimers.slug, id),
    ...keys.flatMap((value) => exclusiveReferenceLocks(options, `${disclaimers.slug}:key`, value)),
  ]
}
