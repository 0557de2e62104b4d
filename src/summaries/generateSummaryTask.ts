import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig, TypeWithID } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { isRefusal, refusalEntries, refusalSummary } from '../workflow/workflowErrors.ts'
import { toRuleSource } from '../rules/publishRules.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findLatestVersion } from '../utilities/findLatestVersion.ts'
import { recordOf } from '../utilities/values.ts'
import { findByIDOnce } from '../utilities/requestCache.ts'
import { lexicalText } from './lexicalText.ts'
import { authorsOf, handlersOf, notify, readArticlePeople } from '../notifications/notify.ts'
import { newsroomContext, type NewsroomRequestContext } from '../utilities/requestContext.ts'

export const generateSummaryTaskSlug = 'newsroomGenerateSummary'

/** Set on the summary's own writes, so they never queue another generation. */
const summaryWriteKey = 'newsroomSummaryWrite' satisfies keyof NewsroomRequestContext

/**
 * A write's `context` key holding a date: the generation it queues waits until then (a demo that
 * shows the "being generated" placeholder, a newsroom batching its model calls at night).
 */
export const summaryWaitUntilKey = 'newsroomSummaryWaitUntil' satisfies keyof NewsroomRequestContext

/** What a generation reads of an article's latest version (the fields it selects). */
type SummaryArticle = TypeWithID & {
  _status?: null | string
  aiDisclosure?: null | { level?: null | string }
  attribution?: null | { source?: unknown }
  body?: unknown
  language: string
  origin?: null | string
  standfirst?: null | string
  summary?: null | { status?: null | string }
  title: string
}

/** The generation task's input (the article's ID) and output (what became of the summary). */
type SummaryTaskIO = {
  input: { article: string }
  output: { status: 'failed' | 'ready' | 'skipped' }
}

type SummaryFields = {
  error?: null | string
  producedAt?: string
  producedBy?: string
  status: 'failed' | 'ready'
  text?: string
}

/**
 * Writes the summary where readers will get it: on the published article when what readers see is
 * the latest version (through the guarantee, like any write), else on the latest draft, so an
 * editor's pending edits are never published by a job. When the rules refuse the published write,
 * the summary is kept on a draft with the reason, for the editor.
 */
const writeSummary = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: SummaryArticle,
  summary: SummaryFields,
) => {
  const collection = options.collections.articles.slug
  // The disclosure follows the summary: an article that disclosed no AI now discloses an AI summary
  // (which, unreviewed, requires the ai-generated disclaimer: auto-attach and the rules see to it).
  const disclosure =
    summary.status === 'ready' && (article.aiDisclosure?.level ?? 'none') === 'none'
      ? { aiDisclosure: { ...article.aiDisclosure, level: 'summary' } }
      : {}
  const write = (draft: boolean, fields: SummaryFields) =>
    req.payload.update({
      id: article.id,
      collection,
      context: { [summaryWriteKey]: true },
      data: { ...disclosure, summary: { ...article.summary, ...fields } },
      depth: 0,
      draft,
      req,
      select: { id: true },
    })
  const latestIsPublished = article._status === 'published'
  if (!latestIsPublished) {
    return write(true, summary)
  }
  try {
    return await write(false, summary)
  } catch (error) {
    if (!isRefusal(error)) {
      throw error
    }
    return write(true, {
      ...summary,
      error: `kept on a draft: ${refusalSummary(refusalEntries(error))}`.slice(0, 1_000),
    })
  }
}

/** A syndicated piece whose source's licence forbids AI summaries: no model is asked at all. */
const licenceForbidsAISummary = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: SummaryArticle,
) => {
  const sourceID = relationID(article.attribution?.source)
  if (article.origin !== 'syndicated' || sourceID === undefined) {
    return false
  }
  const source = await findByIDOnce(req, options.collections.sources.slug, sourceID)
  return toRuleSource(source ?? {}).licence?.aiSummaries === 'forbidden'
}

/** A summary given up on: written `failed` with its reason, and its authors (else its handlers) told. */
const failSummary = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: SummaryArticle,
  reason: string,
) => {
  await writeSummary(req, options, article, { error: reason, status: 'failed' })
  const people = await readArticlePeople(req, options, article.id)
  if (people) {
    await notify(req, options, {
      article: people,
      fallback: () => handlersOf(req, options, people),
      kind: 'summary_failed',
      note: reason,
      recipients: authorsOf(people),
    })
  }
  return { output: { status: 'failed' as const } }
}

/**
 * Generates a pending AI summary outside the request, with the configured provider (the extractive
 * default needs no network). Idempotent: an article whose summary is no longer pending is left alone.
 * A provider failure is retried by the queue; after the last try the summary is `failed`, with the
 * reason, for the editors (the public never sees a failed summary).
 */
export const generateSummaryTask = (
  options: ResolvedNewsroomOptions,
): TaskConfig<SummaryTaskIO> => ({
  slug: generateSummaryTaskSlug,
  handler: async ({
    input,
    job,
    req,
  }: {
    input: SummaryTaskIO['input']
    job: { totalTried?: number }
    req: PayloadRequest
  }) => {
    const article = await findLatestVersion<SummaryArticle>(
      req,
      options.collections.articles.slug,
      input.article,
      {
        _status: true,
        aiDisclosure: true,
        attribution: true,
        body: true,
        language: true,
        origin: true,
        standfirst: true,
        summary: true,
        title: true,
      },
    )
    if (!article || article.summary?.status !== 'pending') {
      return { output: { status: 'skipped' } }
    }
    if (await licenceForbidsAISummary(req, options, article)) {
      return failSummary(req, options, article, 'the source’s licence forbids AI summaries')
    }
    let result: { model: string; text: string }
    try {
      result = await options.summaries.summarize({
        language: article.language,
        standfirst: article.standfirst ?? '',
        text: lexicalText(article.body) || article.standfirst || '',
        title: article.title,
      })
      if (typeof result?.text !== 'string' || !result.text.trim()) {
        throw new Error('the provider returned no text')
      }
    } catch (error) {
      const { message } = recordOf(error)
      const reason = (typeof message === 'string' ? message.slice(0, 500) : '') || 'unknown error'
      // Thrown, the queue tries again; on the last try the editors are told.
      if ((job.totalTried ?? 0) < options.summaries.retries) {
        throw new Error(`summary failed: ${reason}`)
      }
      return failSummary(req, options, article, reason)
    }
    await writeSummary(req, options, article, {
      error: null,
      producedAt: new Date().toISOString(),
      producedBy: String(result.model ?? 'unknown').slice(0, 200),
      status: 'ready',
      text: result.text.trim().slice(0, options.summaries.maxLength * 2),
    })
    return { output: { status: 'ready' } }
  },
  inputSchema: [{ name: 'article', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: {
    attempts: options.summaries.retries,
    backoff: { delay: 1_000, type: 'exponential' },
  },
})

/** Queues a generation whenever an article's summary becomes pending (an editor, the seed, the ingest), in the write's transaction. */
export const queueSummaryGeneration =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ context, data, doc, previousDoc, req }) => {
    if (context[summaryWriteKey]) {
      return doc
    }
    const status = data.summary?.status ?? doc.summary?.status
    if (status === 'pending' && previousDoc?.summary?.status !== 'pending') {
      const waiting = newsroomContext({ context }).newsroomSummaryWaitUntil
      const waitUntil = waiting instanceof Date ? waiting : undefined
      await req.payload.jobs.queue({
        input: { article: String(doc.id) },
        queue: options.summaries.queue,
        req,
        task: generateSummaryTaskSlug,
        waitUntil,
      })
    }
    return doc
  }
