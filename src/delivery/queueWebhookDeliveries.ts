import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { onPublishEvent } from '../workflow/onPublishEvent.ts'
import type { PublishEvent } from '../rules/publishEvents.ts'
import { deliverWebhookTaskSlug } from './deliverWebhookTask.ts'

type Doc = Record<string, any>

/** What a receiver is sent: enough to revalidate pages and fetch the article, nothing a reader may not see. */
export type PublishEventBody = {
  article: {
    id: number | string
    language: string
    path: string
    /** The article's former path when this write changed its slug: that page must go too. */
    previousPath: null | string
    slug: string
    title: string
    url: string
  }
  createdAt: string
  /** The delivery's ID, the same on every retry (also in the `Newsroom-Delivery` header). */
  id: string
  type: PublishEvent
}

const eventBody = (
  options: ResolvedNewsroomOptions,
  type: PublishEvent,
  article: Doc,
  previous: Doc | null,
): Omit<PublishEventBody, 'id'> => {
  const { articlePath, siteUrl } = options.frontend
  const path = articlePath(String(article.language), String(article.slug))
  const previousPath = previous?.slug
    ? articlePath(String(previous.language), String(previous.slug))
    : null
  return {
    article: {
      id: article.id,
      language: String(article.language),
      path,
      previousPath: previousPath && previousPath !== path ? previousPath : null,
      slug: String(article.slug),
      title: String(article.title ?? ''),
      url: `${siteUrl}${path}`,
    },
    createdAt: new Date().toISOString(),
    type,
  }
}

/**
 * One delivery per active webhook that wants this event, each a job on the queue, written in the
 * request's transaction: a write that rolls back announces nothing, and a committed one is delivered
 * by the worker however the request ends.
 */
const queueDeliveries = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  event: Omit<PublishEventBody, 'id'>,
) => {
  const { docs: webhooks } = await req.payload.find({
    collection: options.collections.webhooks.slug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { id: true },
    where: { and: [{ active: { equals: true } }, { events: { in: [event.type] } }] },
  })
  for (const webhook of webhooks) {
    const body: PublishEventBody = { ...event, id: randomUUID() }
    const delivery: Doc = await req.payload.create({
      collection: options.collections.webhookDeliveries.slug,
      data: {
        articleRef: String(event.article.id),
        articleTitle: event.article.title.slice(0, 300),
        body,
        event: event.type,
        webhook: webhook.id,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({
      input: { delivery: String(delivery.id) },
      queue: options.webhooks.queue,
      req,
      task: deliverWebhookTaskSlug,
    })
  }
}

/**
 * After an article write, and after deleting a public article (its page must go): the publish event
 * goes to the webhooks that want it.
 */
export const queueWebhookDeliveries = (options: ResolvedNewsroomOptions) =>
  onPublishEvent((req, event, after, before) =>
    queueDeliveries(req, options, eventBody(options, event, after, before)),
  )
