import type { Access, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { actingUserID, hasAnyRole } from '../users/roles.ts'
import { relationID } from '../utilities/documentValue.ts'
import { articleLock, takeLocks } from '../transactions/writeLocks.ts'

type ID = number | string

/** Open tasks the publish rules name: enough to say what is left, never the whole backlog. */
export const openTasksShown = 20

/** An article's tasks not yet done, as the publish rules read them (in the write's transaction). */
export const findOpenTasks = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  articleID: ID | undefined,
): Promise<{ text: string }[]> => {
  if (articleID === undefined) {
    return []
  }
  const { docs } = await req.payload.find({
    collection: options.collections.tasks.slug,
    depth: 0,
    limit: openTasksShown,
    overrideAccess: true,
    req,
    select: { text: true },
    sort: 'createdAt',
    where: { and: [{ article: { equals: articleID } }, { done: { not_equals: true } }] },
  })
  return docs.map((doc) => ({ text: String((doc as { text?: unknown }).text ?? '') }))
}

/**
 * Editors and admins manage tasks; a writer may tick the tasks assigned to them (field access keeps
 * the rest of a task theirs to read only).
 */
export const updateOwnOrEditorTasks: Access = ({ req }) => {
  if (hasAnyRole(req.user, ['admin', 'editor'])) {
    return true
  }
  return req.user && hasAnyRole(req.user, ['writer'])
    ? { assignee: { equals: req.user.id } }
    : false
}

/**
 * A task write waits for, and holds, its article's write lock: a publication and a new task never
 * pass each other (the publication saw the task, or the task came after it). Who ticked a task and
 * when is the system's record, whatever the request says.
 */
export const recordTaskChange =
  (options: ResolvedNewsroomOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const article = relationID(data.article ?? originalDoc?.article)
    if (article !== undefined) {
      await takeLocks(req, options, [articleLock(options, article)])
    }
    const done = data.done ?? originalDoc?.done ?? false
    const wasDone = originalDoc?.done === true
    return {
      ...data,
      doneAt: done ? (wasDone ? (originalDoc?.doneAt ?? null) : new Date().toISOString()) : null,
      doneBy: done
        ? wasDone
          ? (relationID(originalDoc?.doneBy) ?? null)
          : actingUserID(req, options.collections.users.slug)
        : null,
    }
  }
