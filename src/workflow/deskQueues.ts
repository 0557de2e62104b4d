import type { PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole, userRoles } from '../users/roles.ts'
import { availableActions, type WorkflowAction, type WorkflowState } from '../rules/workflow.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'

/** The desk's queues: what waits for whom. */
export const deskQueueKeys = [
  'assignedToMe',
  'changesRequested',
  'inReview',
  'approved',
  'scheduled',
  'problems',
  'arrivals',
  'possibleDuplicates',
  'rightsExpiring',
  'killsUndelivered',
] as const
export type DeskQueueKey = (typeof deskQueueKeys)[number]

export type DeskItem = {
  /** The time the queue is about: the publication time, the rights' end, the arrival. */
  at: null | string
  /** What this user may do to it from the desk (the workflow table's answer for their roles). */
  actions: WorkflowAction[]
  id: number | string
  language: null | string
  /** The article's workflow state; null for an item that is not an article (a partner delivery). */
  state: null | WorkflowState
  title: string
}

/** A queue: its first items, its count, and the list it comes from (`collection`, filtered by `where`). */
export type DeskQueue = {
  collection: string
  count: number
  items: DeskItem[]
  key: DeskQueueKey
  where: Where
}

/** Items shown per queue; the count and the list link give the rest. */
export const deskQueueLength = 5

/** An article as the desk reads it (the fields `loadDeskQueues` selects). */
type DeskDocument = {
  attribution?: null | { rightsExpireAt?: null | string }
  createdAt: string
  language?: null | string
  scheduledPublishAt?: null | string
  title?: null | string
  workflowState?: null | WorkflowState
}

type QueueDefinition = {
  /** The time the queue is about, read from each item. */
  at?: (doc: DeskDocument) => null | string | undefined
  draft: boolean
  sort: string
  where: Where
}

/**
 * The queues for a user: an editor's desk (review, approved, scheduled, published with problems, the
 * last day's syndicated arrivals, rights ending soon), a writer's own work (sent back, in review).
 */
const queuesFor = (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  now: Date,
  deskSections: (number | string)[],
): Partial<Record<DeskQueueKey, QueueDefinition>> => {
  const state = (value: WorkflowState): Where => ({ workflowState: { equals: value } })
  if (hasAnyRole(req.user, ['admin', 'editor'])) {
    const warnUntil = new Date(
      now.getTime() + options.licences.expiryWarningDays * 86_400_000,
    ).toISOString()
    return {
      // Work not yet out: assigned to this editor, or to the desk of a section they edit.
      assignedToMe: {
        draft: true,
        sort: 'updatedAt',
        where: {
          and: [
            { workflowState: { in: ['draft', 'in_review', 'changes_requested', 'approved'] } },
            {
              or: [
                { assignedTo: { equals: req.user!.id } },
                ...(deskSections.length
                  ? [
                      {
                        and: [
                          { assignedToDesk: { equals: true } },
                          { section: { in: deskSections } },
                        ],
                      },
                    ]
                  : []),
              ],
            },
          ],
        },
      },
      changesRequested: { draft: true, sort: '-updatedAt', where: state('changes_requested') },
      inReview: { draft: true, sort: 'updatedAt', where: state('in_review') },
      approved: { draft: true, sort: 'updatedAt', where: state('approved') },
      scheduled: {
        at: (doc) => doc.scheduledPublishAt,
        draft: true,
        sort: 'scheduledPublishAt',
        where: state('scheduled'),
      },
      problems: {
        draft: false,
        sort: '-complianceProblems',
        where: { and: [state('published'), { complianceProblems: { greater_than: 0 } }] },
      },
      arrivals: {
        at: (doc) => doc.createdAt,
        draft: true,
        sort: '-createdAt',
        where: {
          and: [
            { origin: { equals: 'syndicated' } },
            { createdAt: { greater_than: new Date(now.getTime() - 86_400_000).toISOString() } },
          ],
        },
      },
      // The same story from two sources, until an editor keeps both or removes one.
      possibleDuplicates: {
        at: (doc) => doc.createdAt,
        draft: true,
        sort: '-createdAt',
        where: {
          and: [
            { 'possibleDuplicate.of': { exists: true } },
            { 'possibleDuplicate.dismissed': { not_equals: true } },
            { workflowState: { not_in: ['retracted', 'archived'] } },
          ],
        },
      },
      rightsExpiring: {
        at: (doc) => doc.attribution?.rightsExpireAt,
        draft: false,
        sort: 'attribution.rightsExpireAt',
        where: {
          and: [
            state('published'),
            { 'attribution.rightsExpireAt': { greater_than: now.toISOString() } },
            { 'attribution.rightsExpireAt': { less_than_equal: warnUntil } },
          ],
        },
      },
    }
  }
  if (hasAnyRole(req.user, ['writer'])) {
    const mine: Where = { createdBy: { equals: req.user!.id } }
    return {
      changesRequested: {
        draft: true,
        sort: '-updatedAt',
        where: { and: [state('changes_requested'), mine] },
      },
      inReview: { draft: true, sort: 'updatedAt', where: { and: [state('in_review'), mine] } },
    }
  }
  return {}
}

/** The sections whose desk the signed-in editor is on (their `editors`). */
const sectionsEditedBy = async (req: PayloadRequest, options: ResolvedNewsroomOptions) => {
  if (!hasAnyRole(req.user, ['admin', 'editor'])) {
    return []
  }
  const { docs } = await findDocuments(req.payload, {
    collection: options.collections.sections.slug,
    depth: 0,
    limit: 200,
    overrideAccess: true,
    req,
    select: { id: true },
    where: { editors: { in: [req.user!.id] } },
  })
  return docs.map((doc) => doc.id)
}

/** The signed-in user's queues, read as that user (`overrideAccess: false`): counts and the first items. */
export const loadDeskQueues = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  now = new Date(),
): Promise<DeskQueue[]> => {
  if (!req.user || req.user.collection !== options.collections.users.slug) {
    return []
  }
  const roles = userRoles(req.user)
  const queues = queuesFor(req, options, now, await sectionsEditedBy(req, options))
  // In the desk's order, which is the order `queuesFor` lists them in.
  const definitions = deskQueueKeys.flatMap<[DeskQueueKey, QueueDefinition]>((key) => {
    const definition = queues[key]
    return definition ? [[key, definition]] : []
  })
  return Promise.all(
    definitions.map(async ([key, definition]) => {
      const { docs, totalDocs } = await findDocuments<DeskDocument>(req.payload, {
        collection: options.collections.articles.slug,
        depth: 0,
        draft: definition.draft,
        limit: deskQueueLength,
        overrideAccess: false,
        req,
        select: {
          attribution: { rightsExpireAt: true },
          createdAt: true,
          language: true,
          scheduledPublishAt: true,
          title: true,
          workflowState: true,
        },
        sort: definition.sort,
        where: definition.where,
      })
      const items = docs.map((doc): DeskItem => {
        const state = doc.workflowState ?? 'draft'
        return {
          actions: availableActions(state, roles),
          at: definition.at ? (definition.at(doc) ?? null) : null,
          id: doc.id,
          language: doc.language ?? null,
          state,
          title: doc.title ?? '',
        }
      })
      return {
        collection: options.collections.articles.slug,
        count: totalDocs,
        items,
        key,
        where: definition.where,
      }
    }),
  ).then(async (articleQueues) =>
    hasAnyRole(req.user, ['admin', 'editor'])
      ? [...articleQueues, await loadUndeliveredKills(req, options)]
      : articleQueues,
  )
}

/**
 * Kills that have not reached every partner that had the item (issue 35): each partner delivery of
 * a kill until its receipt is in, oldest first. They stay here while a push partner fails or a pull
 * partner has not pulled since.
 */
const loadUndeliveredKills = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
): Promise<DeskQueue> => {
  const collection = options.collections.partnerDeliveries.slug
  const where: Where = {
    and: [{ notice: { equals: 'kill' } }, { status: { not_equals: 'delivered' } }],
  }
  const { docs, totalDocs } = await findDocuments<{
    articleTitle?: null | string
    createdAt: string
  }>(req.payload, {
    collection,
    depth: 0,
    limit: deskQueueLength,
    overrideAccess: false,
    req,
    select: { articleTitle: true, createdAt: true },
    sort: 'createdAt',
    where,
  })
  return {
    collection,
    count: totalDocs,
    items: docs.map((doc) => ({
      actions: [],
      at: doc.createdAt,
      id: doc.id,
      language: null,
      state: null,
      title: doc.articleTitle ?? '',
    })),
    key: 'killsUndelivered',
    where,
  }
}
