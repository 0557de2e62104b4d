import type { Access, CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { notificationEmailStates, notificationKinds } from '../../src/rules/notificationRules.ts'
import { notificationEndpoints } from '../../src/notifications/notificationEndpoints.ts'
import { allowRoles } from '../../src/users/roles.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'

const nobody = () => false
/** Written by the system only: a recipient may mark theirs read, nothing else. */
const systemWritten = { create: nobody, update: nobody }
const readOnly = { readOnly: true }

/**
 * Notifications (docs/workflow.md, "Notifications"): one per person told of an event, shown under
 * the admin's bell and, by their choice, emailed at once or in a daily digest. Each person reads
 * and marks read only their own; the plugin writes them, in the transaction of what they tell of.
 */
export const createNotificationsCollection = (
  options: ResolvedNewsroomOptions,
): CollectionConfig => {
  const usersSlug = options.collections.users.slug
  const ownOnly: Access = ({ req }) =>
    req.user?.collection === usersSlug ? { recipient: { equals: req.user.id } } : false
  return options.collections.notifications.overrides({
    slug: options.collections.notifications.slug,
    access: {
      create: nobody,
      delete: allowRoles('admin'),
      read: ownOnly,
      update: ownOnly,
    },
    admin: {
      defaultColumns: ['kind', 'articleTitle', 'actorName', 'createdAt', 'readAt'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'articleTitle',
    },
    endpoints: notificationEndpoints(options),
    fields: [
      {
        name: 'recipient',
        type: 'relationship',
        access: systemWritten,
        admin: readOnly,
        index: true,
        label: translated('notificationRecipient'),
        relationTo: usersSlug,
        required: true,
      },
      {
        name: 'kind',
        type: 'select',
        access: systemWritten,
        admin: readOnly,
        label: translated('notificationKind'),
        options: selectOptions('notification', notificationKinds),
        required: true,
      },
      {
        name: 'article',
        type: 'relationship',
        access: systemWritten,
        admin: readOnly,
        index: true,
        label: translated('articleSingular'),
        relationTo: options.collections.articles.slug,
      },
      // Snapshots, so the bell and the email say what it was without reading the article.
      {
        name: 'articleTitle',
        type: 'text',
        access: systemWritten,
        admin: readOnly,
        label: translated('workflowArticleTitle'),
      },
      {
        name: 'actorName',
        type: 'text',
        access: systemWritten,
        admin: readOnly,
        label: translated('notificationActor'),
        maxLength: 300,
      },
      {
        name: 'note',
        type: 'textarea',
        access: systemWritten,
        admin: readOnly,
        label: translated('workflowNote'),
      },
      {
        name: 'inAdmin',
        type: 'checkbox',
        access: systemWritten,
        admin: { hidden: true },
        defaultValue: true,
        index: true,
      },
      {
        name: 'readAt',
        type: 'date',
        admin: readOnly,
        index: true,
        label: translated('notificationReadAt'),
      },
      {
        name: 'email',
        type: 'select',
        access: systemWritten,
        admin: readOnly,
        defaultValue: 'none',
        index: true,
        label: translated('notificationEmail'),
        options: selectOptions('notificationEmail', notificationEmailStates),
      },
      { name: 'emailedAt', type: 'date', access: systemWritten, admin: readOnly },
      {
        name: 'emailError',
        type: 'text',
        access: systemWritten,
        admin: readOnly,
        maxLength: 500,
      },
      // One notification per event for scheduled rules that look again every run (rights ending).
      {
        name: 'dedupeKey',
        type: 'text',
        access: systemWritten,
        admin: { hidden: true },
        index: true,
        maxLength: 300,
      },
    ],
    labels: {
      plural: translated('notificationPlural'),
      singular: translated('notificationSingular'),
    },
  })
}
