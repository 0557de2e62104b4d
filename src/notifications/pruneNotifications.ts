import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

export const pruneNotificationsTaskSlug = 'newsroomPruneNotifications'

/** Notifications deleted per run. */
const batchSize = 500

/**
 * Deletes notifications older than `notifications.keepDays`, read or not (an event that old is no
 * longer news), a batch per run: a desk of 20 told of 100 submissions a day writes 2,000 a day.
 */
export const pruneNotifications = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  now = new Date(),
) => {
  const before = new Date(now.getTime() - options.notifications.keepDays * 86_400_000)
  const collection = options.collections.notifications.slug
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: batchSize,
    overrideAccess: true,
    pagination: false,
    select: {},
    sort: 'createdAt',
    where: { createdAt: { less_than: before.toISOString() } },
  })
  if (docs.length === 0) {
    return { deleted: 0 }
  }
  const { docs: deleted } = await payload.delete({
    collection,
    depth: 0,
    overrideAccess: true,
    select: { id: true },
    where: { id: { in: docs.map((doc) => doc.id) } },
  })
  return { deleted: deleted.length }
}

export const pruneNotificationsTask = (options: ResolvedNewsroomOptions): TaskConfig => ({
  slug: pruneNotificationsTaskSlug,
  handler: async ({ req }: { req: PayloadRequest }) => ({
    output: await pruneNotifications(req.payload, options),
  }),
  outputSchema: [{ name: 'deleted', type: 'number' }],
  retries: 0,
  // Hourly, a batch each time: a backlog of a few days clears within a day.
  schedule: [{ cron: '30 * * * *', queue: options.notifications.queue }],
})
