import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles } from '../../src/users/roles.ts'
import { articleLimits } from '../../src/rules/articleLimits.ts'
import { workflowActions, workflowStates } from '../../src/rules/workflow.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'
import { notifyWorkflowEvent } from '../../src/notifications/notifyDeskEvents.ts'

const nobody = () => false

/**
 * The audit trail: one record per workflow transition (who moved which article from which state to
 * which, when, with what note). Append-only: only the plugin's server code writes it, nobody edits
 * or deletes it, editors and admins read it.
 */
export const createWorkflowEventsCollection = (
  options: ResolvedNewsroomOptions,
): CollectionConfig =>
  options.collections.workflowEvents.overrides({
    slug: options.collections.workflowEvents.slug,
    access: {
      create: nobody,
      delete: nobody,
      read: allowRoles('admin', 'editor'),
      update: nobody,
    },
    admin: {
      defaultColumns: ['articleTitle', 'action', 'from', 'to', 'by', 'via', 'createdAt'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'action',
    },
    fields: [
      {
        // Empty once the article is deleted; `articleRef` and `articleTitle` still say which it was.
        name: 'article',
        type: 'relationship',
        index: true,
        label: translated('articleSingular'),
        relationTo: options.collections.articles.slug,
      },
      { name: 'articleRef', type: 'text', index: true, label: translated('workflowArticleRef') },
      {
        name: 'articleTitle',
        type: 'text',
        label: translated('workflowArticleTitle'),
        maxLength: articleLimits.title,
      },
      {
        name: 'action',
        type: 'select',
        label: translated('workflowAction'),
        options: selectOptions('action', [...workflowActions, 'change_origin', 'delete']),
        required: true,
      },
      {
        name: 'from',
        type: 'select',
        label: translated('workflowFrom'),
        options: selectOptions('state', workflowStates),
      },
      {
        name: 'to',
        type: 'select',
        label: translated('workflowTo'),
        options: selectOptions('state', [...workflowStates, 'deleted']),
        required: true,
      },
      { name: 'note', type: 'textarea', label: translated('workflowNote') },
      // Set when the ingest acted (the source and the run), beside the ingest account in `by`.
      { name: 'via', type: 'text', label: translated('workflowVia'), maxLength: 300 },
      {
        name: 'by',
        type: 'relationship',
        label: translated('workflowBy'),
        relationTo: options.collections.users.slug,
      },
    ],
    // The desk is told of each event that calls for it, in the transition's transaction.
    hooks: { afterChange: [notifyWorkflowEvent(options)] },
    labels: {
      plural: translated('workflowEventPlural'),
      singular: translated('workflowEventSingular'),
    },
  })
