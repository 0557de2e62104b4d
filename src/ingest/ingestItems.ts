import type { PayloadRequest, Where } from 'payload'

import { createHash } from 'node:crypto'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import {
  type IngestCounts,
  type IngestRunStatus,
  maxRunErrors,
  maxRunReasons,
} from './ingestRunRecord.ts'
import {
  type HeldCopy,
  type IngestPlan,
  type IngestPolicy,
  itemRightsExpiry,
  planIngestItem,
} from '../rules/ingestRules.ts'
import type { WorkflowState } from '../rules/workflow.ts'
import { translate, translateComposed } from '../translations/index.ts'
import { relationID } from '../utilities/documentValue.ts'
import { formatSlug } from '../utilities/formatSlug.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import { runWorkflowAction, transitionOnCreate } from '../workflow/runWorkflowAction.ts'
import { articleLock, takeLocks, uniquenessLock } from '../transactions/writeLocks.ts'
import { isRefusal, refusalEntries, refusalSummary } from '../workflow/workflowErrors.ts'
import {
  originalUrlKey,
  type PossibleDuplicateReason,
  storyFingerprint,
  storyWindowMs,
} from '../rules/storyKeys.ts'
import { lexicalText } from '../summaries/lexicalText.ts'
import { itemBodyToLexical } from './htmlToLexical.ts'
import { articleLimits } from '../rules/articleLimits.ts'
import {
  ingestFingerprint,
  type IngestItem,
  type IngestItemError,
  type IngestWarning,
  ingestWarningKinds,
  type NormalisedItem,
} from './ingestItem.ts'
import { cutAtWord } from './itemText.ts'
import { newsroomContext } from '../utilities/requestContext.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import type { FeedFormat } from './readItems.ts'

type ID = number | string

/** A source as the ingest reads it. */
export type IngestSource = {
  id: number | string
  ingest?: {
    automatedByline?: boolean | null
    bylineSystem?: null | string
    defaultLanguage?: null | string
    defaultSection?: unknown
    feed?: {
      categories?: { category: string; section: unknown }[] | null
      format?: FeedFormat | null
      pollMinutes?: null | number
      url?: null | string
    } | null
    expiresPolicy?: null | string
    publishPolicy?: null | string
    requestSummary?: boolean | null
    updatePolicy?: null | string
    user?: unknown
  } | null
  name: string
  status?: null | string
}

export type ItemOutcome = Exclude<keyof IngestCounts, 'received'>

export type ItemResult = {
  article?: number | string
  errors?: { path: string; reason: string }[]
  itemId: null | string
  outcome: ItemOutcome
  state?: WorkflowState
  /** What was changed to keep the item (a date left out, a standfirst cut, markup reshaped). */
  warnings?: IngestWarning[]
}

export type IngestRunSummary = {
  counts: IngestCounts
  id: number | string
  status: IngestRunStatus
}

export type FeedFetchRecord = {
  bytes?: number
  etag?: null | string
  httpStatus?: number
  lastModified?: null | string
  url: string
}

const policyOf = (source: IngestSource): IngestPolicy => ({
  publish:
    source.ingest?.publishPolicy === 'publish-if-compliant' ? 'publish-if-compliant' : 'review',
  update: source.ingest?.updatePolicy === 'republish' ? 'republish' : 'review',
})

const heldSelect = {
  attribution: { ingestFingerprint: true, sourceItemId: true, sourceVersion: true },
  workflowState: true,
} as const

/** An article as `heldSelect` reads it. */
type HeldDoc = {
  attribution: {
    ingestFingerprint?: null | string
    sourceItemId: string
    sourceVersion?: null | string
  }
  workflowState?: null | WorkflowState
}

type HeldArticle = HeldCopy & { id: number | string; sourceItemId: string }

/** Our copies of these items (their latest versions), as the acting user may see them. */
const findHeldCopies = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  source: IngestSource,
  itemIds: string[],
): Promise<Map<string, HeldArticle>> => {
  const held = new Map<string, HeldArticle>()
  // In slices the query limits allow (one `in` list of at most `maxListLength` values).
  for (let start = 0; start < itemIds.length; start += options.inputLimits.where.maxListLength) {
    const slice = itemIds.slice(start, start + options.inputLimits.where.maxListLength)
    const { docs } = await findDocuments<HeldDoc>(req.payload, {
      collection: options.collections.articles.slug,
      depth: 0,
      draft: true,
      overrideAccess: false,
      pagination: false,
      req,
      select: heldSelect,
      where: {
        and: [
          { 'attribution.source': { equals: source.id } },
          { 'attribution.sourceItemId': { in: slice } },
        ],
      },
    })
    for (const doc of docs) {
      held.set(doc.attribution.sourceItemId, {
        fingerprint: doc.attribution.ingestFingerprint,
        id: doc.id,
        sourceItemId: doc.attribution.sourceItemId,
        version: doc.attribution.sourceVersion,
        workflowState: doc.workflowState ?? 'draft',
      })
    }
  }
  return held
}

const sectionFor = (item: IngestItem, source: IngestSource): number | string | undefined => {
  const mapped = source.ingest?.feed?.categories ?? []
  const wanted = new Set(item.categories.map((category) => category.toLowerCase()))
  const match = mapped.find((entry) => wanted.has(entry.category.trim().toLowerCase()))
  return relationID(match?.section) ?? relationID(source.ingest?.defaultSection)
}

class ItemRefused extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason)
  }
}

/** A stable slug: the title's, plus a short digest of the item, so two wires' "Bitcoin falls" never collide. */
const ingestSlug = (source: IngestSource, item: IngestItem) => {
  const digest = createHash('sha256')
    .update(`${source.id}\u0000${item.sourceItemId}`)
    .digest('hex')
    .slice(0, 8)
  return `${formatSlug(item.title).slice(0, 80).replace(/-+$/, '') || 'item'}-${digest}`
}

/** A feed's text cut to what the media field keeps (a caption may be longer than we store). */
const clipped = (value: string | undefined, max: number) => value?.slice(0, max)

/**
 * The item's images as media documents, by their remote URL: recorded once per source (a later version,
 * or another item showing the same picture, finds it again and changes nothing), with the credit and
 * rights the source gives, texts in the article's language. The item's licence and rights expiry stand
 * for an image's own when it gives none; a missing credit or alt text stays missing, for the publish
 * rules to name. Written as the acting user, in the item's transaction.
 */
const recordItemImages = async (
  context: ItemContext,
  item: IngestItem,
  language: string,
): Promise<ID[]> => {
  const { options, req, source } = context
  const images = (item.images ?? []).slice(0, options.ingest.maxImagesPerItem)
  if (images.length === 0) {
    return []
  }
  const media = options.collections.media.slug
  const { docs } = await findDocuments<{ externalUrl: string }>(req.payload, {
    collection: media,
    depth: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { externalUrl: true },
    where: {
      and: [
        { source: { equals: source.id } },
        { externalUrl: { in: images.map((image) => image.url) } },
      ],
    },
  })
  const recorded = new Map(docs.map((doc) => [doc.externalUrl, doc.id]))
  const ids: ID[] = []
  for (const image of images) {
    let id = recorded.get(image.url)
    if (id === undefined) {
      const doc = await req.payload.create({
        collection: media,
        data: {
          alt: clipped(image.alt, 300),
          caption: clipped(image.caption, 1_000),
          copyrightNotice: clipped(image.copyrightNotice ?? item.copyrightNotice, 300),
          credit: clipped(image.credit, 200),
          externalUrl: image.url,
          height: image.height,
          licence: clipped(image.licence ?? item.licence, 300),
          mimeType: image.mimeType,
          origin: 'third-party',
          rightsExpireAt: image.rightsExpireAt ?? item.rightsExpireAt,
          source: source.id,
          usageTerms: clipped(image.usageTerms ?? item.usageTerms, 2_000),
          width: image.width,
        },
        depth: 0,
        locale: language,
        overrideAccess: false,
        req,
        select: { id: true },
      })
      id = doc.id
      recorded.set(image.url, id)
    }
    ids.push(id)
  }
  return ids
}

/** The item's body, its images after the first (the featured one) closing it as upload nodes. */
const bodyWithImages = (
  options: ResolvedNewsroomOptions,
  body: Record<string, any> | undefined,
  imageIDs: ID[],
) => {
  if (imageIDs.length === 0) {
    return body
  }
  const root = body?.root ?? {
    children: [],
    direction: null,
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  }
  const uploads = imageIDs.map((id) => ({
    fields: null,
    format: '',
    relationTo: options.collections.media.slug,
    type: 'upload',
    value: id,
    version: 3,
  }))
  return { ...body, root: { ...root, children: [...root.children, ...uploads] } }
}

/** What an item's texts become before any write, with what was changed to keep them. */
type PreparedItem = {
  body?: Record<string, any>
  /** What finds the same story from another source. */
  keys: { originalUrlKey?: string; storyFingerprint?: string }
  language: string
  standfirst?: string
  warnings: IngestWarning[]
}

/**
 * The item's language, body (reshaped and converted to Lexical) and standfirst (fitted), outside any
 * transaction: conversion is the costly part of an item, and nothing in it needs the write lock.
 */
const prepareItem = (
  context: ItemContext,
  item: IngestItem,
  readerWarnings: IngestWarning[],
): PreparedItem => {
  const { options, req, source } = context
  if (item.body && Buffer.byteLength(item.body.text) > options.ingest.maxBodyBytes) {
    throw new ItemRefused('body', `is larger than ${options.ingest.maxBodyBytes} bytes`)
  }
  const warnings = [...readerWarnings]
  const warn = (warning: IngestWarning) => void warnings.push(warning)
  const articles = options.collections.articles.slug
  const body = item.body
    ? itemBodyToLexical(req.payload, articles, item.body, {
        baseUrl: item.url,
        maxListDepth: maxListDepth(options),
        warn,
      })
    : undefined
  return {
    body,
    keys: {
      originalUrlKey: originalUrlKey(item.url),
      storyFingerprint: storyFingerprint(item.title, lexicalText(body)),
    },
    language: languageFor(options, source, item, context.feedLanguage),
    standfirst: fittedStandfirst(item.standfirst, warn),
    warnings,
  }
}

/** The article fields an item sets (on create; an update leaves the slug and section as editors left them). */
const articleData = (
  options: ResolvedNewsroomOptions,
  source: IngestSource,
  item: IngestItem,
  fingerprint: string,
  prepared: PreparedItem,
  imageIDs: ID[],
) => {
  const automated = Boolean(source.ingest?.automatedByline)
  const rightsExpireAt = itemRightsExpiry(
    item,
    source.ingest?.expiresPolicy === 'rights-expiry' ? 'rights-expiry' : 'ignore',
  )
  return {
    attribution: {
      copyrightHolder: item.copyrightHolder,
      copyrightNotice: item.copyrightNotice,
      ingestFingerprint: fingerprint,
      licence: item.licence,
      originalAuthors: item.authors.slice(0, options.inputLimits.rows),
      originalLanguage: item.language,
      originalPublishedAt: item.publishedAt,
      originalTitle: item.title,
      originalUpdatedAt: item.updatedAt,
      originalUrl: item.url,
      originalUrlKey: prepared.keys.originalUrlKey,
      storyFingerprint: prepared.keys.storyFingerprint,
      retrievedAt: new Date().toISOString(),
      ...(rightsExpireAt ? { rightsExpireAt } : {}),
      source: source.id,
      sourceItemId: item.sourceItemId,
      sourceVersion: item.version,
      transformation: 'verbatim',
      usageTerms: item.usageTerms,
    },
    body: bodyWithImages(options, prepared.body, imageIDs.slice(1)),
    ...(imageIDs.length ? { featuredImage: imageIDs[0] } : {}),
    ...(item.embargoedUntil ? { embargoUntil: item.embargoedUntil } : {}),
    byline: {
      automated: {
        enabled: automated,
        system: automated ? source.ingest?.bylineSystem || source.name : undefined,
      },
    },
    // A robot byline is disclosed as automated production (the publish rules require it).
    ...(automated ? { aiDisclosure: { level: 'generated' } } : {}),
    language: prepared.language,
    origin: 'syndicated',
    standfirst: prepared.standfirst,
    ...(item.requestSummary || source.ingest?.requestSummary
      ? { summary: { status: 'pending' } }
      : {}),
    title: item.title,
  }
}

/** Nested lists the body can hold: each level is a list and an item, and text and a link sit inside the deepest. */
const maxListDepth = (options: ResolvedNewsroomOptions) =>
  Math.max(1, Math.floor((options.inputLimits.body.maxDepth - 4) / 2))

/** A standfirst longer than the field is cut at a word, not refused: the body still has all of it. */
const fittedStandfirst = (
  standfirst: string | undefined,
  warn: (warning: IngestWarning) => void,
) => {
  if (!standfirst || standfirst.length <= articleLimits.standfirst) {
    return standfirst
  }
  warn({ detail: `${standfirst.length} characters`, kind: 'standfirst-cut', path: 'standfirst' })
  return cutAtWord(standfirst, articleLimits.standfirst)
}

const languageFor = (
  options: ResolvedNewsroomOptions,
  source: IngestSource,
  item: IngestItem,
  feedLanguage?: string,
) => {
  const language = item.language ?? feedLanguage ?? source.ingest?.defaultLanguage ?? undefined
  if (!language) {
    throw new ItemRefused('language', `is missing and the source has no default language`)
  }
  if (!options.languages.includes(language)) {
    throw new ItemRefused('language', `"${language}" is not one of ${options.languages.join(', ')}`)
  }
  return language
}

type ItemContext = {
  feedLanguage?: string
  options: ResolvedNewsroomOptions
  req: PayloadRequest
  source: IngestSource
}

const workflow = (
  context: ItemContext,
  id: number | string,
  action: Parameters<typeof runWorkflowAction>[2]['action'],
  note?: string,
) => runWorkflowAction(context.req, context.options, { action, id, note })

/** Publishes through the workflow; when the guarantee (or anything else) refuses, submits for review with the reasons. */
const publishOrSubmit = async (
  context: ItemContext,
  id: number | string,
  state: WorkflowState,
): Promise<ItemResult['errors']> => {
  try {
    await inTransaction(context.req, () => workflow(context, id, 'publish'))
    return undefined
  } catch (error) {
    if (!isRefusal(error)) {
      throw error
    }
    const errors = refusalEntries(error)
    const reasons = refusalSummary(errors)
    if (state === 'draft') {
      const note = translate(context.req.t, 'ingestPublishRefused', { reasons }).slice(
        0,
        context.options.inputLimits.noteLength,
      )
      await inTransaction(context.req, () => workflow(context, id, 'submit', note))
    }
    return errors.map((entry) => ({ path: entry.path, reason: `not published: ${entry.reason}` }))
  }
}

/**
 * An embargoed copy of a source that publishes on ingest: approved and scheduled for the embargo's
 * end, so the queue publishes it then through the guarantee. A refusal leaves it in review.
 */
const scheduleAtEmbargo = async (
  context: ItemContext,
  id: number | string,
  until: string,
): Promise<string> => {
  try {
    await inTransaction(context.req, async () => {
      await workflow(context, id, 'approve')
      await runWorkflowAction(context.req, context.options, {
        action: 'schedule',
        id,
        publishAt: until,
      })
    })
    return 'scheduled then'
  } catch (error) {
    if (!isRefusal(error)) {
      throw error
    }
    return `left in review (${refusalSummary(refusalEntries(error))})`
  }
}

type WritingPlan = Extract<IngestPlan, { kind: 'create' | 'update' | 'withdraw' }>
type SettledPlan = Exclude<IngestPlan, WritingPlan>

/** Whether the plan writes nothing (nothing to do, or refused). */
const writesNothing = (plan: IngestPlan): plan is SettledPlan =>
  plan.kind === 'unchanged' || plan.kind === 'refuse'

/** What a plan comes to without writing: nothing to do, or refused. */
const settleWithoutWriting = (
  item: IngestItem,
  plan: SettledPlan,
  held: HeldArticle | undefined,
): ItemResult => {
  const itemId = item.sourceItemId
  if (plan.kind === 'unchanged') {
    return { article: held?.id, itemId, outcome: 'unchanged', state: held?.workflowState }
  }
  return {
    article: held?.id,
    errors: [{ path: 'id', reason: 'our copy was withdrawn: an editor reopens it' }],
    itemId,
    outcome: 'refused',
  }
}

type EarlierCopy = { id: ID; reason: PossibleDuplicateReason; title: string }

/**
 * The earliest copy of the same story: the same original (as `originalUrlKey` reads it), or the same
 * title and opening within 48 hours. The plugin's own check across every source, not a read for the
 * ingest account (which sees only its own copies): only the match's ID and title are used, and the
 * flag it leads to is readable by editors alone.
 */
const duplicateNote = ({ options, req }: ItemContext, duplicate: EarlierCopy) =>
  translate(req.t, 'ingestPossibleDuplicate', {
    reason: translateComposed(
      req.t,
      `possibleDuplicateReason_${duplicate.reason.replaceAll('-', '_')}`,
    ),
    title: `“${duplicate.title.slice(0, 200)}”`,
  }).slice(0, options.inputLimits.noteLength)

/** Copies already held, found by the keys that tell the same story (the earliest of each key). */
type EarlierCopies = { byFingerprint: Map<string, EarlierCopy>; byUrl: Map<string, EarlierCopy> }

/** The earliest copies matching any of these items' keys: one query per slice of keys, whatever the batch's size. */
const findEarlierCopies = async (
  { options, req }: ItemContext,
  keys: PreparedItem['keys'][],
): Promise<EarlierCopies> => {
  const found: EarlierCopies = { byFingerprint: new Map(), byUrl: new Map() }
  const urls = [...new Set(keys.flatMap((key) => (key.originalUrlKey ? [key.originalUrlKey] : [])))]
  const fingerprints = [
    ...new Set(keys.flatMap((key) => (key.storyFingerprint ? [key.storyFingerprint] : []))),
  ]
  const slice = options.inputLimits.where.maxListLength
  const since = new Date(Date.now() - storyWindowMs).toISOString()
  for (let start = 0; start < Math.max(urls.length, fingerprints.length); start += slice) {
    const or: Where[] = []
    const someUrls = urls.slice(start, start + slice)
    const someFingerprints = fingerprints.slice(start, start + slice)
    if (someUrls.length) {
      or.push({ 'attribution.originalUrlKey': { in: someUrls } })
    }
    if (someFingerprints.length) {
      or.push({
        and: [
          { 'attribution.storyFingerprint': { in: someFingerprints } },
          { createdAt: { greater_than: since } },
        ],
      })
    }
    const { docs } = await findDocuments<{
      attribution?: { originalUrlKey?: string; storyFingerprint?: string }
      createdAt?: string
      title?: string
    }>(req.payload, {
      collection: options.collections.articles.slug,
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
      req,
      select: {
        attribution: { originalUrlKey: true, storyFingerprint: true },
        createdAt: true,
        title: true,
      },
      sort: 'createdAt',
      where: { or },
    })
    for (const doc of docs) {
      const title = doc.title ?? String(doc.id)
      const url = doc.attribution?.originalUrlKey
      const fingerprint = doc.attribution?.storyFingerprint
      if (url && someUrls.includes(url) && !found.byUrl.has(url)) {
        found.byUrl.set(url, { id: doc.id, reason: 'same-original-url', title })
      }
      if (fingerprint && (doc.createdAt ?? '') > since && !found.byFingerprint.has(fingerprint)) {
        found.byFingerprint.set(fingerprint, { id: doc.id, reason: 'same-story', title })
      }
    }
  }
  return found
}

/** The earliest copy of the item's story, by its original first, then by title and opening. */
const earlierCopyOf = (
  earlier: EarlierCopies,
  keys: PreparedItem['keys'],
): EarlierCopy | undefined =>
  (keys.originalUrlKey ? earlier.byUrl.get(keys.originalUrlKey) : undefined) ??
  (keys.storyFingerprint ? earlier.byFingerprint.get(keys.storyFingerprint) : undefined)

/** A copy written in this transaction is the earlier copy of any later item of the batch telling the same story. */
const rememberCopy = (
  earlier: EarlierCopies,
  keys: PreparedItem['keys'],
  id: ID,
  title: string,
) => {
  if (keys.originalUrlKey && !earlier.byUrl.has(keys.originalUrlKey)) {
    earlier.byUrl.set(keys.originalUrlKey, { id, reason: 'same-original-url', title })
  }
  if (keys.storyFingerprint && !earlier.byFingerprint.has(keys.storyFingerprint)) {
    earlier.byFingerprint.set(keys.storyFingerprint, { id, reason: 'same-story', title })
  }
}

/** An item on its way to being written: its first plan (from the copy held before the lock) and its prepared texts. */
type PendingItem = {
  fingerprint: string
  heldBefore: HeldArticle | undefined
  item: IngestItem
  prepared?: PreparedItem
  readerWarnings: IngestWarning[]
}

const planFor = (source: IngestSource, pending: PendingItem, held: HeldArticle | undefined) =>
  planIngestItem({
    fingerprint: pending.fingerprint,
    held,
    item: pending.item,
    now: new Date(),
    policy: policyOf(source),
  })

const preparedOf = (context: ItemContext, pending: PendingItem) =>
  (pending.prepared ??= prepareItem(context, pending.item, pending.readerWarnings))

/**
 * A new copy, written once: in the state its plan leads to (`submit`: in review, with its audit event
 * and the note), when the user may take that action; else as a draft, then the action, which refuses
 * with the reason.
 */
const createCopy = async (
  context: ItemContext,
  pending: PendingItem,
  data: Record<string, unknown>,
  submit: boolean,
  note?: string,
): Promise<ID> => {
  const { options, req, source } = context
  const articles = options.collections.articles.slug
  const planned = submit ? await transitionOnCreate(req, source, 'submit', note) : undefined
  if (planned) {
    newsroomContext(req).newsroomWorkflow = planned
  }
  try {
    const doc = await req.payload.create({
      collection: articles,
      data: { ...data, slug: ingestSlug(source, pending.item) },
      depth: 0,
      draft: true,
      overrideAccess: false,
      req,
      select: { id: true },
    })
    if (submit && !planned) {
      await workflow(context, doc.id, 'submit', note)
    }
    return doc.id
  } finally {
    if (planned) {
      delete newsroomContext(req).newsroomWorkflow
    }
  }
}

/** The plan's writes that must happen together (the copy, its submission, its withdrawal), in the caller's transaction. */
const writeItem = async (
  context: ItemContext,
  pending: PendingItem,
  plan: WritingPlan,
  held: HeldArticle | undefined,
  earlier: EarlierCopies,
) => {
  const { options, req, source } = context
  const { fingerprint, item } = pending
  const articles = options.collections.articles.slug
  if (plan.kind === 'withdraw') {
    const note = (
      item.killNote ?? translate(req.t, 'ingestKillNote', { source: source.name })
    ).slice(0, options.inputLimits.noteLength)
    let last: undefined | { id: ID; workflowState?: WorkflowState }
    for (const action of plan.actions) {
      last = await workflow(context, held!.id, action, note)
    }
    return { id: held!.id, state: last?.workflowState }
  }
  const prepared = preparedOf(context, pending)
  const data = articleData(
    options,
    source,
    item,
    fingerprint,
    prepared,
    await recordItemImages(context, item, prepared.language),
  )
  const inNewsroom = (held?.workflowState ?? 'draft') === 'draft'
  const submits = plan.then === 'submit' || (plan.then === 'schedule' && inNewsroom)
  if (plan.kind === 'create') {
    const section = sectionFor(item, source)
    if (section === undefined) {
      throw new ItemRefused(
        'section',
        'no section: map one of its categories or give the source a default section',
      )
    }
    // Found under the write lock: two copies of one story arriving at once still find each other.
    const duplicate = earlierCopyOf(earlier, prepared.keys)
    const flag = duplicate
      ? { possibleDuplicate: { of: duplicate.id, reason: duplicate.reason } }
      : {}
    // A possible duplicate is never published on arrival: an editor decides which copy stays.
    const note = duplicate && duplicateNote(context, duplicate)
    const id = await createCopy(
      context,
      pending,
      { ...data, ...flag, section },
      submits || Boolean(note),
      note,
    )
    rememberCopy(earlier, prepared.keys, id, item.title)
    return { duplicate: note, id, state: undefined }
  }
  // A new version goes to our copy's latest draft; a published version stays until published again.
  await req.payload.update({
    id: held!.id,
    collection: articles,
    data,
    depth: 0,
    draft: true,
    overrideAccess: false,
    req,
    select: { id: true },
  })
  if (submits) {
    await workflow(context, held!.id, 'submit')
  }
  return { duplicate: undefined, id: held!.id, state: undefined }
}

type WriteOutcome =
  | {
      held: HeldArticle | undefined
      plan: WritingPlan
      written: Awaited<ReturnType<typeof writeItem>>
    }
  | { result: ItemResult }

/**
 * What writing these items locks, all at once in the locks' order: our copies of them (as last read),
 * then their slugs and source item IDs, the values their creation checks are unique.
 */
const itemLocks = ({ options, source }: ItemContext, items: PendingItem[]) => {
  const articles = options.collections.articles.slug
  return [
    ...items.flatMap((pending) =>
      pending.heldBefore ? [articleLock(options, pending.heldBefore.id)] : [],
    ),
    ...items.flatMap((pending) => [
      uniquenessLock(1, articles, 'attribution.sourceItemId', pending.item.sourceItemId, [
        source.id,
      ]),
      ...(pending.prepared
        ? [
            uniquenessLock(0, articles, 'slug', ingestSlug(source, pending.item), [
              pending.prepared.language,
            ]),
          ]
        : []),
    ]),
  ]
}

/**
 * Items' writes under the content write lock, in the caller's transaction: each plan is made again from
 * the copy as committed then (concurrent runs of the same item create it once), the copies held and
 * the earlier copies of their stories read once for all of them.
 */
const writeUnderLock = async (
  context: ItemContext,
  items: PendingItem[],
): Promise<WriteOutcome[]> => {
  const { options, req, source } = context
  await takeLocks(req, options, itemLocks(context, items))
  const heldNow = await findHeldCopies(
    req,
    options,
    source,
    items.map((pending) => pending.item.sourceItemId),
  )
  const creating = items.filter((pending) => !heldNow.has(pending.item.sourceItemId))
  const earlier = await findEarlierCopies(
    context,
    creating.flatMap((pending) => (pending.prepared ? [pending.prepared.keys] : [])),
  )
  const outcomes: WriteOutcome[] = []
  for (const pending of items) {
    const held = heldNow.get(pending.item.sourceItemId)
    const current = planFor(source, pending, held)
    if (writesNothing(current)) {
      outcomes.push({ result: settleWithoutWriting(pending.item, current, held) })
    } else {
      outcomes.push({
        held,
        plan: current,
        written: await writeItem(context, pending, current, held, earlier),
      })
    }
  }
  return outcomes
}

/**
 * What follows an item's commit: publishing (or scheduling at the embargo's end) in its own transaction,
 * so a refusal leaves the copy in review, not undone; then the item's result.
 */
const settleItem = async (
  context: ItemContext,
  pending: PendingItem,
  outcome: WriteOutcome,
): Promise<ItemResult> => {
  if ('result' in outcome) {
    return outcome.result
  }
  const { held, plan: done, written } = outcome
  const itemId = pending.item.sourceItemId
  if (done.kind === 'withdraw') {
    return { article: written.id, itemId, outcome: 'withdrawn', state: written.state }
  }
  const warnings = pending.prepared?.warnings.length ? pending.prepared.warnings : undefined
  const duplicate = written.duplicate
    ? [{ path: 'possibleDuplicate', reason: written.duplicate }]
    : []
  if (done.embargoedUntil) {
    const scheduled =
      done.then === 'schedule' && !written.duplicate
        ? await scheduleAtEmbargo(context, written.id, done.embargoedUntil)
        : 'waiting in review'
    const embargo = {
      path: 'embargoed',
      reason: `embargoed until ${done.embargoedUntil}: ${scheduled}`,
    }
    return {
      article: written.id,
      errors: [embargo, ...duplicate],
      itemId,
      outcome: 'held',
      warnings,
    }
  }
  if (written.duplicate) {
    return { article: written.id, errors: duplicate, itemId, outcome: 'created', warnings }
  }
  const errors =
    done.then === 'publish'
      ? await publishOrSubmit(context, written.id, held?.workflowState ?? 'draft')
      : undefined
  return {
    article: written.id,
    errors,
    itemId,
    outcome: done.kind === 'create' ? 'created' : 'updated',
    warnings,
  }
}

/** One item in its own transaction: all of it written, or none. */
const ingestOne = async (context: ItemContext, pending: PendingItem): Promise<ItemResult> => {
  const [outcome] = await inTransaction(context.req, () => writeUnderLock(context, [pending]))
  return settleItem(context, pending, outcome)
}

/**
 * Items written per transaction: enough to share one lock and one commit among them, few enough that
 * other writers (editors publishing) wait for a fraction of a second, not for a whole batch.
 */
const itemsPerTransaction = 25

/**
 * A batch's items in one transaction: one lock, one commit, one read of what is held for all of them.
 * Undefined when any item could not be written (a refusal, an error): the batch is rolled back whole,
 * and the caller writes each item on its own, so one bad item never stops the rest nor leaves half of
 * itself written. Only when the request holds no transaction already: a batch cannot be undone inside
 * another's.
 */
const writeTogether = async (
  context: ItemContext,
  items: PendingItem[],
): Promise<undefined | WriteOutcome[]> => {
  const { req } = context
  if (items.length < 2 || !(await initTransaction(req))) {
    return undefined
  }
  try {
    const outcomes = await writeUnderLock(context, items)
    await commitTransaction(req)
    return outcomes
  } catch (error) {
    await killTransaction(req)
    req.payload.logger.debug({
      err: error,
      msg: 'payload-newsroom: an ingest batch is written item by item',
    })
    return undefined
  }
}

// In the order of `ingestCounts`, as the run records them.
const emptyCounts = (): IngestCounts => ({
  received: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  withdrawn: 0,
  held: 0,
  refused: 0,
  failed: 0,
})

const runStatus = (counts: IngestCounts): IngestRunStatus => {
  const settled = counts.created + counts.updated + counts.unchanged + counts.withdrawn
  if (counts.received > 0 && settled === 0 && counts.held === 0) {
    return 'failed'
  }
  return counts.refused + counts.failed + counts.held > 0 ? 'partial' : 'succeeded'
}

/** The run record's writes are the plugin's own (no user may write runs), outside the items' transactions. */
const systemReq = (req: PayloadRequest) => createLocalReq({}, req.payload)

export const startIngestRun = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  { source, trigger }: { source?: IngestSource; trigger: 'api' | 'poll' | 'seed' },
) =>
  await req.payload.create({
    collection: options.collections.ingestRuns.slug,
    data: {
      by: req.user?.collection === options.collections.users.slug ? req.user.id : undefined,
      source: source?.id,
      startedAt: new Date().toISOString(),
      status: 'running',
      trigger,
    },
    depth: 0,
    req: await systemReq(req),
  })

/** What a run found, beyond its counts: every item error and warning, and the refused items' reasons. */
export type RunFindings = {
  errors: IngestItemError[]
  reasons?: Map<string, number>
  warnings?: ({ itemId: null | string } & IngestWarning)[]
}

/** A reason as a key to count by: values in quotes (a language, a URL) left out, so one cause is one row. */
export const reasonKey = ({ path, reason }: { path: string; reason: string }) =>
  `${path}: ${reason.replace(/"[^"]*"/g, '"…"')}`.slice(0, 300)

/** One more item refused or failed for `error`'s reason. */
const countReason = (reasons: Map<string, number>, error: { path: string; reason: string }) =>
  reasons.set(reasonKey(error), (reasons.get(reasonKey(error)) ?? 0) + 1)

const warningCounts = (warnings: IngestWarning[]) =>
  Object.fromEntries(
    ingestWarningKinds.map((kind) => [
      kind.replaceAll('-', '_'),
      warnings.filter((warning) => warning.kind === kind).length,
    ]),
  )

export const finishIngestRun = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  run: { id: number | string },
  {
    counts,
    errors,
    feed,
    reasons = new Map(),
    status,
    warnings = [],
  }: { counts: IngestCounts; feed?: FeedFetchRecord; status: IngestRunStatus } & RunFindings,
): Promise<IngestRunSummary> => {
  const entries = errors.slice(0, maxRunErrors).map((entry) => ({
    itemId: entry.itemId?.slice(0, 500),
    path: entry.path.slice(0, 100),
    reason: entry.reason.slice(0, 1_000),
  }))
  await req.payload.update({
    id: run.id,
    collection: options.collections.ingestRuns.slug,
    data: {
      counts,
      // Validators only when every item was settled: after a failure the next poll reads the feed again.
      feed: feed && counts.failed > 0 ? { ...feed, etag: null, lastModified: null } : feed,
      finishedAt: new Date().toISOString(),
      firstError: entries[0]
        ? `${entries[0].itemId ?? '—'} ${entries[0].path}: ${entries[0].reason}`.slice(0, 500)
        : null,
      itemErrors: entries,
      itemErrorsNotShown: errors.length - entries.length,
      itemWarnings: warnings.slice(0, maxRunErrors).map((entry) => ({
        detail: entry.detail?.slice(0, 200),
        itemId: entry.itemId?.slice(0, 500),
        kind: entry.kind,
        path: entry.path.slice(0, 100),
      })),
      itemWarningsNotShown: Math.max(0, warnings.length - maxRunErrors),
      reasons: [...reasons]
        .sort(([, a], [, b]) => b - a)
        .slice(0, maxRunReasons)
        .map(([reason, count]) => ({ count, reason })),
      status,
      warningCounts: warningCounts(warnings),
    },
    depth: 0,
    req: await systemReq(req),
  })
  return { counts, id: run.id, status }
}

/** A run that ended before any item was written (no such source, a feed not fetched or read, a 304): started and finished at once. */
export const recordSettledRun = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  {
    counts = {},
    errors = [],
    feed,
    source,
    status,
    trigger,
  }: {
    counts?: Partial<IngestCounts>
    errors?: IngestItemError[]
    feed?: FeedFetchRecord
    source?: IngestSource
    status: IngestRunStatus
    trigger: 'api' | 'poll'
  },
): Promise<IngestRunSummary> => {
  const run = await startIngestRun(req, options, { source, trigger })
  return finishIngestRun(req, options, run, {
    counts: { ...emptyCounts(), ...counts },
    errors,
    feed,
    reasons: errors.reduce(countReason, new Map<string, number>()),
    status,
  })
}

/**
 * Ingests a batch of read items from one source as the request's user (an ingest client, an admin, or
 * the source's ingest account for a poll): each item on its own, so one bad item never stops the rest
 * and never leaves half of itself written. The run is recorded with its counts and first errors.
 */
export const ingestItems = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  {
    feed,
    feedLanguage,
    items,
    source,
    trigger,
  }: {
    feed?: FeedFetchRecord
    feedLanguage?: string
    items: NormalisedItem[]
    source: IngestSource
    trigger: 'api' | 'poll' | 'seed'
  },
): Promise<{ items: ItemResult[]; run: IngestRunSummary }> => {
  const run = await startIngestRun(req, options, { source, trigger })
  const counts = emptyCounts()
  const errors: IngestItemError[] = []
  const warnings: RunFindings['warnings'] & {} = []
  const reasons = new Map<string, number>()
  const results: ItemResult[] = []
  const record = (result: ItemResult) => {
    results.push(result)
    counts[result.outcome] += 1
    for (const entry of result.errors ?? []) {
      errors.push({ itemId: result.itemId, ...entry })
    }
    for (const entry of result.warnings ?? []) {
      warnings.push({ itemId: result.itemId, ...entry })
    }
    const cause =
      (result.outcome === 'refused' || result.outcome === 'failed') && result.errors?.[0]
    if (cause) {
      countReason(reasons, cause)
    }
  }
  counts.received = items.length

  const seen = new Set<string>()
  const readable: IngestItem[] = []
  const readerWarnings = new Map<string, IngestWarning[]>()
  for (const entry of items) {
    if (entry.error) {
      record({
        errors: [{ path: entry.error.path, reason: entry.error.reason }],
        itemId: entry.error.itemId,
        outcome: 'refused',
      })
    } else if (source.status === 'suspended') {
      record({
        errors: [{ path: 'source', reason: 'the source is suspended' }],
        itemId: entry.item.sourceItemId,
        outcome: 'refused',
      })
    } else if (seen.has(entry.item.sourceItemId)) {
      record({
        errors: [{ path: 'id', reason: 'appears twice in this batch' }],
        itemId: entry.item.sourceItemId,
        outcome: 'refused',
      })
    } else {
      seen.add(entry.item.sourceItemId)
      readable.push(entry.item)
      readerWarnings.set(entry.item.sourceItemId, entry.warnings ?? [])
    }
  }

  const context = newsroomContext(req)
  const previous = context.newsroomIngest
  context.newsroomIngest = { run: String(run.id), source: source.name }
  try {
    const held = readable.length
      ? await findHeldCopies(
          req,
          options,
          source,
          readable.map((item) => item.sourceItemId),
        )
      : new Map()
    const context: ItemContext = { feedLanguage, options, req, source }
    const failed = (itemId: string, error: unknown) => {
      if (error instanceof ItemRefused) {
        record({
          errors: [{ path: error.path, reason: error.message }],
          itemId,
          outcome: 'refused',
        })
      } else if (isRefusal(error)) {
        record({ errors: refusalEntries(error), itemId, outcome: 'refused' })
      } else {
        req.payload.logger.error({
          err: error,
          msg: `payload-newsroom: ingest of ${itemId} failed`,
        })
        record({
          errors: [{ path: 'item', reason: 'could not be written (logged on the server)' }],
          itemId,
          outcome: 'failed',
        })
      }
    }
    const writing: PendingItem[] = []
    for (const item of readable) {
      const pending: PendingItem = {
        fingerprint: ingestFingerprint(item),
        heldBefore: held.get(item.sourceItemId),
        item,
        readerWarnings: readerWarnings.get(item.sourceItemId) ?? [],
      }
      const first = planFor(source, pending, pending.heldBefore)
      if (writesNothing(first)) {
        record(settleWithoutWriting(item, first, pending.heldBefore))
        continue
      }
      try {
        // Converted outside any transaction: the costly part of an item needs no lock.
        if (first.kind !== 'withdraw') {
          preparedOf(context, pending)
        }
        writing.push(pending)
      } catch (error) {
        failed(item.sourceItemId, error)
      }
    }
    for (let start = 0; start < writing.length; start += itemsPerTransaction) {
      const chunk = writing.slice(start, start + itemsPerTransaction)
      const together = await writeTogether(context, chunk)
      for (const [index, pending] of chunk.entries()) {
        try {
          record(
            together
              ? await settleItem(context, pending, together[index])
              : await ingestOne(context, pending),
          )
        } catch (error) {
          failed(pending.item.sourceItemId, error)
        }
      }
    }
  } finally {
    context.newsroomIngest = previous
  }
  return {
    items: results,
    run: await finishIngestRun(req, options, run, {
      counts,
      errors,
      feed,
      reasons,
      status: runStatus(counts),
      warnings,
    }),
  }
}
