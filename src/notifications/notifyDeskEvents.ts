import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { kindOfWorkflowEvent } from '../rules/notificationRules.ts'
import { relationID } from '../utilities/documentValue.ts'
import { ingestVia } from '../workflow/systemActor.ts'
import { authorsOf, deskOf, handlersOf, notify, readArticlePeople } from './notify.ts'

/**
 * Tells the desk of each audit event that calls for it, in the transition's transaction: a submission
 * its handlers (the assignee, else the section's desk), changes requested or an approval the authors,
 * a copy an ingest withdrew (the agency killed it) its handlers.
 */
export const notifyWorkflowEvent =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    const articleID = relationID(doc.article)
    const kind = kindOfWorkflowEvent(String(doc.action), ingestVia(req) !== null)
    if (operation !== 'create' || articleID === undefined || !kind) {
      return doc
    }
    const article = await readArticlePeople(req, options, articleID)
    if (!article) {
      return doc
    }
    const toAuthors = kind === 'approved' || kind === 'changes_requested'
    await notify(req, options, {
      article,
      kind,
      note: typeof doc.note === 'string' ? doc.note : null,
      recipients: toAuthors ? authorsOf(article) : await handlersOf(req, options, article),
    })
    return doc
  }

/**
 * Tells whoever an article is newly assigned to: the editor named, or the section's desk when it is
 * handed to the desk. Unchanged assignments (every other save of the article) tell nobody.
 */
export const notifyAssignment =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ data, doc, previousDoc, req }) => {
    // From the written data: the returned `doc` holds only the fields the caller selected.
    const after = (name: string): unknown => (name in data ? data[name] : doc[name])
    const assignee = relationID(after('assignedTo'))
    const newAssignee =
      assignee !== undefined && String(assignee) !== String(relationID(previousDoc?.assignedTo))
    const newlyToDesk = after('assignedToDesk') === true && previousDoc?.assignedToDesk !== true
    if (!newAssignee && !newlyToDesk) {
      return doc
    }
    await notify(req, options, {
      article: { id: doc.id, title: after('title') },
      kind: 'assigned',
      recipients: [
        ...(newAssignee ? [assignee] : []),
        ...(newlyToDesk ? await deskOf(req, options, relationID(after('section'))) : []),
      ],
    })
    return doc
  }
