import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { plannedTransition } from '../workflow/enforceWorkflow.ts'
import { ingestVia, systemActor } from '../workflow/systemActor.ts'
import { actingUserID } from '../users/roles.ts'
import { publishEventOf, type PublishEvent } from '../rules/publishEvents.ts'
import { chainLinkOf, isWithdrawal, manifestOf } from '../rules/provenanceRules.ts'
import { provenanceSigner, signManifest } from './provenanceKeys.ts'

type Doc = Record<string, any>

/** The version a publication just saved (Payload saves it before the afterChange hooks run). */
const latestVersionID = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  id: number | string,
) => {
  const { docs } = await req.payload.db.findVersions({
    collection: options.collections.articles.slug,
    limit: 1,
    pagination: false,
    req,
    select: { updatedAt: true },
    sort: '-updatedAt',
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
  })
  return docs[0]?.id ?? null
}

/**
 * Appends the signed manifest of one publication event to the article's chain, in the write's own
 * transaction: if it cannot be written, the publication rolls back with it.
 */
export const appendManifest = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  event: PublishEvent,
) => {
  const collection = options.collections.provenance.slug
  const articleRef = String(article.id)
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: { jws: true, sequence: true },
    sort: '-sequence',
    where: { articleRef: { equals: articleRef } },
  })
  const last = docs[0] as Doc | undefined
  const issuedAt = new Date().toISOString()
  const manifest = manifestOf({
    article,
    editor: {
      user: actingUserID(req, options.collections.users.slug),
      via: systemActor(req)?.via ?? ingestVia(req),
    },
    event,
    issuedAt,
    previous: last ? chainLinkOf(String(last.jws)) : null,
    sequence: (Number(last?.sequence) || 0) + 1,
    url:
      typeof article.slug === 'string' && typeof article.language === 'string'
        ? `${options.frontend.siteUrl}${options.frontend.articlePath(article.language, article.slug)}`
        : null,
    version: isWithdrawal(event) ? null : await latestVersionID(req, options, article.id),
  })
  const signer = await provenanceSigner(req.payload, options)
  const jws = await signManifest(signer, manifest)
  await req.payload.create({
    collection,
    data: {
      articleRef,
      event,
      issuedAt,
      jws,
      keyId: signer.kid,
      link: chainLinkOf(jws),
      manifest,
      sequence: manifest.sequence,
    },
    depth: 0,
    overrideAccess: true,
    req,
    select: { id: true },
  })
}

/** After an article write that changes what the public sees: its manifest (see `publishEventOf`). */
export const recordProvenance =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ data, doc, operation, previousDoc, req }) => {
    const before: Doc | null = operation === 'create' ? null : previousDoc
    // The returned `doc` holds only what the caller selected: the written data completes it.
    const after: Doc = { ...before, ...data, ...doc }
    const event = publishEventOf({ action: plannedTransition(req)?.action, after, before })
    if (event) {
      await appendManifest(req, options, after, event)
    }
    return doc
  }

/** Deleting a public article ends its chain with a manifest that says so. */
export const recordDeletionProvenance =
  (options: ResolvedNewsroomOptions): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const event = publishEventOf({ after: null, before: doc })
    if (event) {
      await appendManifest(req, options, doc, event)
    }
    return doc
  }
