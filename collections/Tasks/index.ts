import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles, allowRolesOnField } from '../../src/users/roles.ts'
import { recordTaskChange, updateOwnOrEditorTasks } from '../../src/workflow/articleTasks.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'

const editorsOnly = { update: allowRolesOnField('admin', 'editor') }

/**
 * Tasks attached to an article (docs/workflow.md, "Tasks"): a text, an assignee, done or not. An open
 * task blocks the article's publication on every path, named in the refusal like the guarantee's
 * rules. Editors manage them; writers read them and tick their own.
 */
export const createTasksCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.tasks.overrides({
    slug: options.collections.tasks.slug,
    access: {
      create: allowRoles('admin', 'editor'),
      delete: allowRoles('admin', 'editor'),
      read: allowRoles('admin', 'editor', 'writer'),
      update: updateOwnOrEditorTasks,
    },
    admin: {
      defaultColumns: ['text', 'article', 'assignee', 'done'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'text',
    },
    fields: [
      {
        name: 'text',
        type: 'textarea',
        access: editorsOnly,
        label: translated('taskText'),
        maxLength: 500,
        required: true,
      },
      {
        name: 'article',
        type: 'relationship',
        access: editorsOnly,
        index: true,
        label: translated('articleSingular'),
        relationTo: options.collections.articles.slug,
        required: true,
      },
      {
        name: 'assignee',
        type: 'relationship',
        access: editorsOnly,
        index: true,
        label: translated('taskAssignee'),
        relationTo: options.collections.users.slug,
      },
      {
        name: 'done',
        type: 'checkbox',
        defaultValue: false,
        index: true,
        label: translated('taskDone'),
      },
      // Written by the system when the task is ticked (see recordTaskChange).
      {
        name: 'doneAt',
        type: 'date',
        admin: { readOnly: true },
        label: translated('taskDoneAt'),
      },
      {
        name: 'doneBy',
        type: 'relationship',
        admin: { readOnly: true },
        label: translated('taskDoneBy'),
        relationTo: options.collections.users.slug,
      },
    ],
    hooks: { beforeChange: [recordTaskChange(options)] },
    labels: { plural: translated('taskPlural'), singular: translated('taskSingular') },
  })
