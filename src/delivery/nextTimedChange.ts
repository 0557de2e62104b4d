import type { Payload, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { findDocuments } from '../utilities/typedLocalApi.ts'
import { newsSitemapWindowMs } from './sitemaps.ts'

type Instant = null | number

/** The earliest of the instants, null when there is none. */
export const earliestInstant = (instants: Instant[]): Instant =>
  instants.reduce<Instant>(
    (earliest, instant) =>
      instant === null ? earliest : earliest === null ? instant : Math.min(earliest, instant),
    null,
  )

/** The first value of `field` after `after` in the documents `where` selects, as epoch ms. */
const firstValueAfter = async (
  payload: Payload,
  { collection, field, where }: { collection: string; field: string; where: Where[] },
  after: string,
): Promise<Instant> => {
  const { docs } = await findDocuments<Record<string, unknown>>(payload, {
    collection,
    depth: 0,
    limit: 1,
    pagination: false,
    select: { [field]: true },
    sort: field,
    where: { and: [...where, { [field]: { greater_than: after } }] },
  })
  const value = Date.parse(String(docs[0]?.[field]))
  return Number.isNaN(value) ? null : value
}

/**
 * The next instant after `now` at which a public answer can change with no write: a pin ends (feeds,
 * views), a published article leaves the News sitemap's 48 hours, a disclaimer takes or loses effect
 * (the Disclaimer page). An embargo lifting or rights ending are writes (the jobs publish and
 * unpublish), so they renew the content revision instead. Read as the server, since only the instant
 * is used, and only in a hash. Null when nothing is due.
 */
export const loadNextTimedChange = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  now: Date,
): Promise<Instant> => {
  const { articles, disclaimers } = options.collections
  const published: Where[] = [{ _status: { equals: 'published' } }]
  const approved: Where[] = [{ status: { equals: 'approved' } }]
  const nowISO = now.toISOString()
  const [pinEnd, sitemapEntry, disclaimerStart, disclaimerEnd] = await Promise.all([
    firstValueAfter(
      payload,
      {
        collection: articles.slug,
        field: 'pinnedUntil',
        where: [...published, { pinned: { equals: true } }],
      },
      nowISO,
    ),
    firstValueAfter(
      payload,
      { collection: articles.slug, field: 'publishedAt', where: published },
      new Date(now.getTime() - newsSitemapWindowMs).toISOString(),
    ),
    firstValueAfter(
      payload,
      { collection: disclaimers.slug, field: 'effectiveFrom', where: approved },
      nowISO,
    ),
    firstValueAfter(
      payload,
      { collection: disclaimers.slug, field: 'effectiveTo', where: approved },
      nowISO,
    ),
  ])
  return earliestInstant([
    pinEnd,
    sitemapEntry === null ? null : sitemapEntry + newsSitemapWindowMs,
    disclaimerStart,
    disclaimerEnd,
  ])
}

type Known = { next: Instant; revision: string }
const known = new WeakMap<ResolvedNewsroomOptions, Known>()

/**
 * `loadNextTimedChange`, read once per content revision: for the same revision, the next change
 * stays the same until it passes (no instant lies between `now` and it), and with none due none
 * comes without a write. So a process reads it again only after a write or at that instant, and
 * every process finds the same value.
 */
export const nextTimedChange = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  revision: string,
  now: Date,
): Promise<Instant> => {
  const last = known.get(options)
  if (last && last.revision === revision && (last.next === null || now.getTime() < last.next)) {
    return last.next
  }
  const next = await loadNextTimedChange(payload, options, now)
  known.set(options, { next, revision })
  return next
}
