import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import {
  deliveryFor,
  type NotificationKind,
  type NotificationPreferences,
  recipientsOf,
} from '../rules/notificationRules.ts'
import { actingUserID, userRoles } from '../users/roles.ts'
import { relationID, relationIDs } from '../utilities/documentValue.ts'
import { findDocumentByID, findDocuments } from '../utilities/typedLocalApi.ts'
import { ingestVia, systemActor } from '../workflow/systemActor.ts'
import { readArticleAsUser } from '../workflow/runWorkflowAction.ts'

type ID = number | string

/** The job that emails notifications as they happen (sendNotificationEmails.ts runs it). */
export const sendNotificationEmailsTaskSlug = 'newsroomSendNotificationEmails'

export type NotificationEvent = {
  article?: { id?: ID; title?: unknown } | null
  /** Marks one event of a rule that looks again every run: it is told once (see `alreadyNotified`). */
  dedupeKey?: string
  /** Who is told when none of `recipients` can be (an ingested copy has no author to tell). */
  fallback?: () => Promise<ID[]>
  kind: NotificationKind
  note?: null | string
  recipients: readonly (ID | null | undefined)[]
}

/** People with an inbox: staff. An ingest account or a user without a newsroom role is never told. */
const staffRoles = ['admin', 'editor', 'writer']

type Recipient = { email?: unknown; notificationSettings?: NotificationPreferences | null }

/** The name the notification gives for who acted: the user, or the ingest run or rule that did. */
const actorNameOf = (req: PayloadRequest): null | string => {
  const user = req.user as null | undefined | { email?: unknown; name?: unknown }
  const name = typeof user?.name === 'string' && user.name.trim() ? user.name : user?.email
  return typeof name === 'string'
    ? name.slice(0, 300)
    : (ingestVia(req) ?? systemActor(req)?.via ?? null)
}

/** IDs per users query: within the plugin's own bound on a `where` list (200), which a request's reads obey. */
const recipientsPerQuery = 100

const readRecipients = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  ids: readonly ID[],
) => {
  const users: (Recipient & { id: ID; roles?: unknown })[] = []
  for (let start = 0; start < ids.length; start += recipientsPerQuery) {
    const batch = ids.slice(start, start + recipientsPerQuery)
    const { docs } = await findDocuments<Recipient & { roles?: unknown }>(req.payload, {
      collection: options.collections.users.slug,
      depth: 0,
      limit: batch.length,
      overrideAccess: true,
      pagination: false,
      req,
      select: { email: true, notificationSettings: true, roles: true },
      where: { id: { in: batch } },
    })
    users.push(...docs)
  }
  return users.filter((user) => userRoles(user).some((role) => staffRoles.includes(role)))
}

/**
 * Tells each recipient of an event (never the one who acted), as each chose: a notification under
 * the bell, an email now or in the digest. Written in the request's transaction, with the job that
 * sends the emails: an action that rolls back tells nobody.
 */
export const notify = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  event: NotificationEvent,
): Promise<number> => {
  if (!options.notifications.enabled) {
    return 0
  }
  const actor = actingUserID(req, options.collections.users.slug)
  let users = await readRecipients(req, options, recipientsOf(event.recipients, actor))
  if (users.length === 0 && event.fallback) {
    users = await readRecipients(req, options, recipientsOf(await event.fallback(), actor))
  }
  const actorName = actorNameOf(req)
  const emailNow: ID[] = []
  let told = 0
  for (const user of users) {
    const hasEmail = typeof user.email === 'string' && user.email.includes('@')
    const delivery = deliveryFor(event.kind, user.notificationSettings, hasEmail)
    if (!delivery.admin && delivery.email === 'none') {
      continue
    }
    const notification = await req.payload.create({
      collection: options.collections.notifications.slug,
      data: {
        actorName,
        article: event.article?.id ?? null,
        articleTitle: typeof event.article?.title === 'string' ? event.article.title : null,
        dedupeKey: event.dedupeKey ?? null,
        email: delivery.email,
        inAdmin: delivery.admin,
        kind: event.kind,
        note: event.note ?? null,
        recipient: user.id,
      },
      depth: 0,
      // Written by the system for each person told; nobody writes a notification for someone else.
      overrideAccess: true,
      req,
      select: { id: true },
    })
    told++
    if (delivery.email === 'pending') {
      emailNow.push(notification.id)
    }
  }
  if (emailNow.length > 0) {
    // One job for the event's emails: a mail server that is slow or down delays no write.
    await req.payload.jobs.queue({
      input: { notifications: emailNow.map(String) },
      queue: options.notifications.queue,
      req,
      task: sendNotificationEmailsTaskSlug,
    })
  }
  return told
}

/**
 * A section's desk: its editors, or every editor when it names none (or there is no section), so an
 * event is never told to nobody.
 */
export const deskOf = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  sectionID: ID | undefined,
): Promise<ID[]> => {
  const section =
    sectionID === undefined
      ? null
      : await findDocumentByID<{ editors?: unknown }>(req.payload, {
          id: sectionID,
          collection: options.collections.sections.slug,
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
          select: { editors: true },
        })
  const editors = relationIDs(section?.editors)
  if (editors.length > 0) {
    return editors
  }
  const { docs } = await req.payload.find({
    collection: options.collections.users.slug,
    depth: 0,
    limit: 200,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: { roles: { in: ['editor'] } },
  })
  return docs.map((user) => user.id)
}

export type ArticlePeople = {
  assignedTo?: unknown
  byline?: null | { authors?: unknown }
  createdBy?: unknown
  id: ID
  section?: unknown
  title?: unknown
}

/** What a notification needs of an article: its title, its people and its section (latest draft). */
export const readArticlePeople = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  id: ID,
): Promise<ArticlePeople | null> =>
  // Told whatever the acting user may read: the people are the system's to find.
  (await readArticleAsUser(
    req,
    options,
    id,
    { assignedTo: true, byline: true, createdBy: true, section: true, title: true },
    true,
  )) as ArticlePeople | null

/** The article's authors and whoever created it. */
export const authorsOf = (article: ArticlePeople): (ID | undefined)[] => [
  ...relationIDs(article.byline?.authors),
  relationID(article.createdBy),
]

/** Who acts next on an article: its assignee, else its section's desk. */
export const handlersOf = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: ArticlePeople,
): Promise<ID[]> => {
  const assignee = relationID(article.assignedTo)
  return assignee === undefined ? deskOf(req, options, relationID(article.section)) : [assignee]
}
