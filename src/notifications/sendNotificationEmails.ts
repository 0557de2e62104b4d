import type { Payload, PayloadRequest, TaskConfig, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { recordOf } from '../utilities/values.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import {
  digestEmail,
  type EmailRecipient,
  emailLanguages,
  type NotificationEmail,
  notificationEmail,
  type StoredNotification,
} from './notificationEmails.ts'
import { sendNotificationEmailsTaskSlug } from './notify.ts'

export const sendNotificationDigestsTaskSlug = 'newsroomSendNotificationDigests'

/** Notifications emailed per run: one event's fan-out, or a digest run's share of the backlog. */
const batchSize = 500

type ID = number | string

const readNotifications = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  where: Where,
) =>
  (
    await findDocuments<StoredNotification>(payload, {
      collection: options.collections.notifications.slug,
      depth: 0,
      limit: batchSize,
      overrideAccess: true,
      pagination: false,
      sort: 'createdAt',
      where,
    })
  ).docs

const readRecipients = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  notifications: readonly StoredNotification[],
) => {
  const ids = [
    ...new Set(notifications.map((notification) => relationID(notification.recipient))),
  ].filter((id) => id !== undefined)
  if (ids.length === 0) {
    return new Map<string, EmailRecipient>()
  }
  const { docs } = await findDocuments<EmailRecipient>(payload, {
    collection: options.collections.users.slug,
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
    pagination: false,
    select: { email: true, notificationSettings: true },
    where: { id: { in: ids } },
  })
  return new Map(docs.map((user) => [String(user.id), user]))
}

/**
 * Marks what was sent (or given up on) at once, in its own write: a later failure in the same run
 * must not undo the record of an email already sent, or a retry would send it twice.
 */
const markEmailed = (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  ids: readonly ID[],
  outcome: { email: 'failed' | 'sent'; emailError?: string },
) =>
  payload.update({
    collection: options.collections.notifications.slug,
    data: {
      email: outcome.email,
      emailedAt: new Date().toISOString(),
      emailError: outcome.emailError ?? null,
    },
    depth: 0,
    overrideAccess: true,
    select: { id: true },
    where: { id: { in: [...ids] } },
  })

type Mail = {
  email: (
    i18n: Awaited<ReturnType<ReturnType<typeof emailLanguages>>>,
    to: string,
  ) => NotificationEmail
  ids: ID[]
  recipient: EmailRecipient | undefined
}

/** Sends each mail through Payload's email adapter; what the server refused is retried by the queue, then `failed`. */
const sendAll = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  mails: readonly Mail[],
  lastTry: boolean,
) => {
  const languageFor = emailLanguages(payload, options)
  let sent = 0
  const errors: string[] = []
  for (const { email, ids, recipient } of mails) {
    const address = recipient?.email
    if (!recipient || typeof address !== 'string' || !address.includes('@')) {
      // The account was deleted or has no address: nothing to send, ever.
      await markEmailed(payload, options, ids, { email: 'failed', emailError: 'no email address' })
      continue
    }
    try {
      const message = email(await languageFor(recipient), address)
      await payload.sendEmail(message)
      await markEmailed(payload, options, ids, { email: 'sent' })
      sent++
    } catch (error) {
      const message = recordOf(error).message
      const reason = (typeof message === 'string' ? message : String(error)).slice(0, 500)
      errors.push(reason)
      if (lastTry) {
        await markEmailed(payload, options, ids, { email: 'failed', emailError: reason })
      }
    }
  }
  if (errors.length > 0 && !lastTry) {
    // Thrown, the queue tries the unsent ones again; those sent are marked and skipped.
    throw new Error(`${errors.length} notification emails were not sent: ${errors[0]}`)
  }
  return { failed: errors.length, sent }
}

type EmailTaskIO = { input: { notifications: string[] }; output: { failed: number; sent: number } }

/** Emails one event's notifications, one message per recipient, each as soon as it is queued. */
export const sendNotificationEmailsTask = (
  options: ResolvedNewsroomOptions,
): TaskConfig<EmailTaskIO> => ({
  slug: sendNotificationEmailsTaskSlug,
  handler: async ({
    input,
    job,
    req,
  }: {
    input: EmailTaskIO['input']
    job: { totalTried?: number }
    req: PayloadRequest
  }) => {
    const ids = (Array.isArray(input.notifications) ? input.notifications : []).slice(0, batchSize)
    const notifications = await readNotifications(req.payload, options, {
      and: [{ id: { in: ids } }, { email: { equals: 'pending' } }],
    })
    const recipients = await readRecipients(req.payload, options, notifications)
    const output = await sendAll(
      req.payload,
      options,
      notifications.map((notification) => ({
        email: (i18n, to) => notificationEmail(i18n, req.payload, options, to, notification),
        ids: [notification.id],
        recipient: recipients.get(String(relationID(notification.recipient))),
      })),
      (job.totalTried ?? 0) >= options.notifications.retries,
    )
    return { output }
  },
  inputSchema: [{ name: 'notifications', type: 'json', required: true }],
  outputSchema: [
    { name: 'failed', type: 'number' },
    { name: 'sent', type: 'number' },
  ],
  retries: options.notifications.retries,
})

/**
 * The daily digest: for each person who chose it, one email listing their events since the last
 * digest. Run twice, it sends nothing more: each event is marked sent with its digest.
 */
export const sendNotificationDigests = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  lastTry = true,
) => {
  const notifications = await readNotifications(payload, options, { email: { equals: 'digest' } })
  const recipients = await readRecipients(payload, options, notifications)
  const byRecipient = new Map<string, StoredNotification[]>()
  for (const notification of notifications) {
    const key = String(relationID(notification.recipient))
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), notification])
  }
  return sendAll(
    payload,
    options,
    [...byRecipient].map(([key, events]) => ({
      email: (i18n, to) => digestEmail(i18n, payload, options, to, events),
      ids: events.map((event) => event.id),
      recipient: recipients.get(key),
    })),
    lastTry,
  )
}

export const sendNotificationDigestsTask = (options: ResolvedNewsroomOptions): TaskConfig => ({
  slug: sendNotificationDigestsTaskSlug,
  handler: async ({ job, req }: { job: { totalTried?: number }; req: PayloadRequest }) => ({
    output: await sendNotificationDigests(
      req.payload,
      options,
      (job.totalTried ?? 0) >= options.notifications.retries,
    ),
  }),
  outputSchema: [
    { name: 'failed', type: 'number' },
    { name: 'sent', type: 'number' },
  ],
  retries: options.notifications.retries,
  schedule: [{ cron: options.notifications.digestSchedule, queue: options.notifications.queue }],
})
