import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { disclaimerChangeLocks } from './publicationLocks.ts'
import {
  articleLock,
  exclusiveReferenceLocks,
  holdsLocks,
  type LockRequest,
  locksPerEntity,
  revisionLock,
  takeLocks,
} from './writeLocks.ts'

type ID = number | string

/** The documents a write will change: its ID, or those its `where` matches now (a bulk write). */
const targetIDs = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  args: { id?: ID; where?: Where },
): Promise<ID[]> => {
  if (args.id !== undefined) {
    return [args.id]
  }
  if (!args.where) {
    return []
  }
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: args.where,
  })
  return docs.map((doc) => doc.id)
}

/** The locks a change to these documents of `collection` takes (see `writeLocks` for what each guards). */
const changeLocks = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  collection: string,
  ids: ID[],
  data: Record<string, unknown> | undefined,
) => {
  const { collections } = options
  if (collection === collections.articles.slug) {
    return ids.map((id) => articleLock(options, id))
  }
  if (collection === collections.disclaimers.slug) {
    return (
      await Promise.all(
        ids.map((id) => disclaimerChangeLocks(req, options, id, data?.replaceWith, data?.key)),
      )
    ).flat()
  }
  if (
    [collections.sources.slug, collections.sections.slug, collections.media.slug].some(
      (slug) => slug === collection,
    )
  ) {
    return ids.flatMap((id) => exclusiveReferenceLocks(options, collection, id))
  }
  return [revisionLock(collection)]
}

/**
 * A new article's ID is not known yet: it locks a row of its own, which renews the revision without
 * waiting for other creations; none inside a transaction already holding locks (an ingest batch), where
 * taking an article's row after the others would break their order.
 */
const newArticleLocks = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
): Promise<LockRequest[]> => ((await holdsLocks(req)) ? [] : [articleLock(options, randomUUID())])

/**
 * `beforeOperation`: every write to a collection the publish rules read takes its locks first, before
 * Payload reads the document: a change to an article locks the article; a change to a source, section,
 * disclaimer or image locks every stripe of it (publications of it wait, and it for them); a new
 * document of those renews the content's revision. Uniqueness and what a publication reads are locked
 * where they are checked (`ensureUniqueWithin`, the guarantee).
 */
export const lockContentWrites =
  (options: ResolvedNewsroomOptions): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    // The writes (compared one by one: the comparisons narrow `args` to their arguments).
    if (
      operation !== 'create' &&
      operation !== 'delete' &&
      operation !== 'deleteByID' &&
      operation !== 'update' &&
      operation !== 'updateByID'
    ) {
      return args
    }
    const slug = collection.slug
    let locks: LockRequest[]
    if (!locksPerEntity(req.payload)) {
      locks = [revisionLock(slug)]
    } else if (operation === 'create') {
      locks =
        slug === options.collections.articles.slug
          ? await newArticleLocks(req, options)
          : [revisionLock(slug)]
    } else {
      const write: { data?: Record<string, unknown>; id?: ID; where?: Where } = args
      locks = await changeLocks(req, options, slug, await targetIDs(req, slug, write), write.data)
    }
    await takeLocks(req, options, locks)
    return args
  }
