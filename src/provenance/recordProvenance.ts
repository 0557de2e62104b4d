import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { onPublishEvent } from '../workflow/onPublishEvent.ts'
import { ingestVia, systemActor } from '../workflow/systemActor.ts'
import { actingUserID } from '../users/roles.ts'
import type { PublishEvent } from '../rules/publishEvents.ts'
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

/**
 * After an article write that changes what the public sees, and after deleting a public article:
 * its manifest (see `publishEventOf`).
 */
export const recordProvenance = (options: ResolvedNewsroomOptions) =>
  onPublishEvent((req, event, article) => appendManifest(req, options, article, event))
