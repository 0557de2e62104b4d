import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole } from '../users/roles.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import { FeedFetchError, fetchFeed } from './fetchFeed.ts'
import { findSource } from './findSource.ts'
import {
  type FeedFetchRecord,
  ingestItems,
  type IngestRunSummary,
  type IngestSource,
  recordSettledRun,
} from './ingestItems.ts'
import { FeedReadError, readFeedItems } from './readItems.ts'

export const pollFeedTaskSlug = 'newsroomPollFeed'
export const pollDueFeedsTaskSlug = 'newsroomPollDueFeeds'

type FeedSettings = NonNullable<NonNullable<IngestSource['ingest']>['feed']>
const feedOf = (source: Pick<IngestSource, 'ingest'>): FeedSettings => source.ingest?.feed ?? {}

/** The last poll that read the feed: its validators make the next GET conditional. */
const lastReadingPoll = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  source: IngestSource,
): Promise<undefined | { feed?: { etag?: null | string; lastModified?: null | string } | null }> =>
  (
    await findDocuments<{ feed?: { etag?: null | string; lastModified?: null | string } | null }>(
      payload,
      {
        collection: options.collections.ingestRuns.slug,
        depth: 0,
        limit: 1,
        select: { feed: true, startedAt: true },
        sort: '-startedAt',
        where: {
          and: [
            { source: { equals: source.id } },
            { trigger: { equals: 'poll' } },
            { status: { in: ['succeeded', 'partial', 'not-modified'] } },
            { 'feed.url': { equals: feedOf(source).url } },
          ],
        },
      },
    )
  ).docs[0]

/** A run that ended before any item: the feed could not be fetched or read, or no account may write. */
const recordFailedPoll = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  source: IngestSource,
  reason: string,
  feed: FeedFetchRecord,
) =>
  recordSettledRun(req, options, {
    errors: [{ itemId: null, path: 'feed', reason }],
    feed,
    source,
    status: 'failed',
    trigger: 'poll',
  })

/**
 * Polls one source's feed as the source's ingest account: a conditional GET, the feed read in its
 * declared format, the items ingested as the API would. Suspended sources and sources without a feed
 * are not polled. Every poll is recorded as a run (a 304 as "feed unchanged").
 */
export const pollSourceFeed = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  sourceReference: number | string,
): Promise<
  { outcome: 'polled'; run: IngestRunSummary } | { outcome: 'skipped'; reason: string }
> => {
  const systemReq = await createLocalReq({}, payload)
  const source = await findSource(systemReq, options, sourceReference, true)
  if (!source) {
    return { outcome: 'skipped', reason: 'no such source' }
  }
  const feed = feedOf(source)
  if (source.status === 'suspended') {
    return { outcome: 'skipped', reason: 'the source is suspended' }
  }
  if (!feed.url || !feed.format) {
    return { outcome: 'skipped', reason: 'the source has no feed' }
  }

  const usersSlug = options.collections.users.slug
  const accountID = relationID(source.ingest?.user)
  const account = accountID
    ? await payload.findByID({
        id: accountID,
        collection: usersSlug,
        depth: 0,
        disableErrors: true,
      })
    : null
  const record: FeedFetchRecord = { url: feed.url }
  if (!account || !hasAnyRole({ ...account, collection: usersSlug }, ['ingest'])) {
    return {
      outcome: 'polled',
      run: await recordFailedPoll(
        systemReq,
        options,
        source,
        'the source has no ingest account (a user with the ingest role)',
        record,
      ),
    }
  }
  const previous = await lastReadingPoll(payload, options, source)
  let fetched: Awaited<ReturnType<typeof fetchFeed>>
  try {
    fetched = await fetchFeed({
      allowAddresses: options.outbound.allowAddresses,
      etag: previous?.feed?.etag,
      lastModified: previous?.feed?.lastModified,
      maxBytes: options.ingest.maxFeedBytes,
      timeoutMs: options.ingest.timeoutMs,
      url: feed.url,
    })
  } catch (error) {
    if (!(error instanceof FeedFetchError)) {
      throw error
    }
    return {
      outcome: 'polled',
      run: await recordFailedPoll(systemReq, options, source, error.message, {
        ...record,
        httpStatus: error.httpStatus,
      }),
    }
  }
  Object.assign(record, {
    etag: fetched.etag,
    httpStatus: fetched.httpStatus,
    lastModified: fetched.lastModified,
  })
  if (fetched.notModified) {
    return {
      outcome: 'polled',
      run: await recordSettledRun(systemReq, options, {
        feed: record,
        source,
        status: 'not-modified',
        trigger: 'poll',
      }),
    }
  }
  record.bytes = fetched.bytes
  let read: ReturnType<typeof readFeedItems>
  try {
    read = readFeedItems(fetched.text, feed.format, { url: fetched.url })
  } catch (error) {
    if (!(error instanceof FeedReadError)) {
      throw error
    }
    // Without validators: the next poll reads the feed again rather than trusting a 304.
    return {
      outcome: 'polled',
      run: await recordFailedPoll(systemReq, options, source, error.message, {
        ...record,
        etag: null,
        lastModified: null,
      }),
    }
  }
  const actingReq = await createLocalReq({ user: { ...account, collection: usersSlug } }, payload)
  const result = await ingestItems(actingReq, options, {
    feed: record,
    feedLanguage: read.language,
    items: read.items,
    source,
    trigger: 'poll',
  })
  return { outcome: 'polled', run: result.run }
}

/** The poll task's input and output (its `inputSchema` and `outputSchema`). */
type PollFeedTaskIO = {
  input: { source: string }
  output: { run?: string; status: string }
}

export const pollFeedTask = (options: ResolvedNewsroomOptions): TaskConfig<PollFeedTaskIO> => ({
  slug: pollFeedTaskSlug,
  handler: async ({ input, req }) => {
    const result = await pollSourceFeed(req.payload, options, input.source)
    return {
      output:
        result.outcome === 'polled'
          ? { run: String(result.run.id), status: result.run.status }
          : { status: 'skipped' },
    }
  },
  inputSchema: [{ name: 'source', type: 'text', required: true }],
  outputSchema: [
    { name: 'run', type: 'text' },
    { name: 'status', type: 'text' },
  ],
  // A run is recorded whatever happens to the feed; a retry would only poll again.
  retries: 0,
})

/** Queues a poll of every active source whose feed is due (its interval passed since its last poll). */
export const queueDueFeedPolls = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  now = new Date(),
): Promise<string[]> => {
  const { docs } = await findDocuments<Pick<IngestSource, 'ingest' | 'status'>>(payload, {
    collection: options.collections.sources.slug,
    depth: 0,
    pagination: false,
    select: { ingest: { feed: { pollMinutes: true, url: true } }, status: true },
    where: { and: [{ status: { equals: 'active' } }, { 'ingest.feed.url': { exists: true } }] },
  })
  const queued: string[] = []
  for (const source of docs) {
    const feed = feedOf(source)
    if (!feed.url) {
      continue
    }
    const { docs: runs } = await findDocuments<{ startedAt?: string }>(payload, {
      collection: options.collections.ingestRuns.slug,
      depth: 0,
      limit: 1,
      select: { startedAt: true },
      sort: '-startedAt',
      where: { and: [{ source: { equals: source.id } }, { trigger: { equals: 'poll' } }] },
    })
    const last = runs.at(0)?.startedAt
    if (last && now.getTime() - Date.parse(last) < (feed.pollMinutes ?? 15) * 60_000) {
      continue
    }
    await payload.jobs.queue({
      input: { source: String(source.id) },
      queue: options.ingest.queue,
      task: pollFeedTaskSlug,
    })
    queued.push(String(source.id))
  }
  return queued
}

export const pollDueFeedsTask = (options: ResolvedNewsroomOptions): TaskConfig => ({
  slug: pollDueFeedsTaskSlug,
  handler: async ({ req }: { req: PayloadRequest }) => ({
    output: { queued: (await queueDueFeedPolls(req.payload, options)).length },
  }),
  outputSchema: [{ name: 'queued', type: 'number' }],
  retries: 0,
  // A disabled plugin keeps its tasks (the jobs schema) but schedules nothing.
  schedule: [{ cron: options.ingest.pollSchedule, queue: options.ingest.queue }],
})
