import type { CollectionConfig, OptionObject } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles, allowRolesOnField } from '../../src/users/roles.ts'
import { urlField } from '../../src/fields/urlField.ts'
import { deliveryLogFields } from '../../src/fields/deliveryLogFields.ts'
import { newSigningSecret } from '../../src/delivery/signature.ts'
import { type PublishEvent, publishEvents } from '../../src/rules/publishEvents.ts'
import {
  type NewsroomTranslationKey,
  translated,
  translatedRecord,
} from '../../src/translations/index.ts'

const nobody = () => false

const publishEventLabels: Record<PublishEvent, NewsroomTranslationKey> = {
  'article.corrected': 'publishEvent_corrected',
  'article.deleted': 'publishEvent_deleted',
  'article.published': 'publishEvent_published',
  'article.retracted': 'publishEvent_retracted',
  'article.unpublished': 'publishEvent_unpublished',
  'article.updated': 'publishEvent_updated',
}

export const publishEventOptions = (): OptionObject[] =>
  publishEvents.map((event) => ({
    label: translated(publishEventLabels[event]),
    value: event,
  }))

/**
 * Where publish events go: a frontend's revalidation route, a search indexer, a partner. Admins
 * configure them (URL, events, secret); editors see them, without the secret, beside the delivery log.
 */
export const createWebhooksCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.webhooks.overrides({
    slug: options.collections.webhooks.slug,
    access: {
      create: allowRoles('admin'),
      delete: allowRoles('admin'),
      read: allowRoles('admin', 'editor'),
      update: allowRoles('admin'),
    },
    admin: {
      defaultColumns: ['name', 'url', 'events', 'active'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'name',
    },
    fields: [
      {
        name: 'name',
        type: 'text',
        label: translated('webhookName'),
        maxLength: 120,
        required: true,
      },
      urlField({ name: 'url', label: 'webhookUrl', required: true }),
      {
        name: 'events',
        type: 'select',
        hasMany: true,
        label: translated('webhookEvents'),
        options: publishEventOptions(),
        required: true,
      },
      {
        name: 'secret',
        type: 'text',
        access: { read: allowRolesOnField('admin') },
        admin: { description: translatedRecord('webhookSecretDescription') },
        defaultValue: newSigningSecret,
        label: translated('webhookSecret'),
        maxLength: 200,
        minLength: 32,
        required: true,
      },
      {
        name: 'active',
        type: 'checkbox',
        defaultValue: true,
        index: true,
        label: translated('webhookActive'),
      },
    ],
    labels: { plural: translated('webhookPlural'), singular: translated('webhookSingular') },
  })

/**
 * The delivery log: one row per event and webhook, updated on each attempt (status, attempts, the
 * receiver's last answer or error). Written by the plugin only; admins and editors read it.
 */
export const createWebhookDeliveriesCollection = (
  options: ResolvedNewsroomOptions,
): CollectionConfig =>
  options.collections.webhookDeliveries.overrides({
    slug: options.collections.webhookDeliveries.slug,
    access: {
      create: nobody,
      delete: allowRoles('admin'),
      read: allowRoles('admin', 'editor'),
      update: nobody,
    },
    admin: {
      defaultColumns: [
        'event',
        'articleTitle',
        'webhook',
        'status',
        'attempts',
        'lastStatusCode',
        'updatedAt',
      ],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'event',
    },
    fields: [
      {
        name: 'webhook',
        type: 'relationship',
        index: true,
        label: translated('webhookSingular'),
        relationTo: options.collections.webhooks.slug,
      },
      {
        name: 'event',
        type: 'select',
        label: translated('webhookEvent'),
        options: publishEventOptions(),
        required: true,
      },
      { name: 'articleRef', type: 'text', index: true, label: translated('workflowArticleRef') },
      {
        name: 'articleTitle',
        type: 'text',
        label: translated('workflowArticleTitle'),
        maxLength: 300,
      },
      ...deliveryLogFields(),
    ],
    labels: {
      plural: translated('webhookDeliveryPlural'),
      singular: translated('webhookDeliverySingular'),
    },
  })
