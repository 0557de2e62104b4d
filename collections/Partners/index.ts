import type { CollectionConfig, Field, FieldAccess } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { issuingTokenContext } from '../../src/partners/partnerTokens.ts'
import { partnerEndpoints } from '../../src/partners/partnerEndpoints.ts'
import { keepAppendOnly } from '../../src/limits/keepAppendOnly.ts'
import { keepPartnersThatReceived } from '../../src/partners/keepPartnersThatReceived.ts'
import { allowRoles, allowRolesOnField } from '../../src/users/roles.ts'
import {
  partnerChannels,
  partnerFormats,
  partnerNotices,
  partnerOrigins,
} from '../../src/rules/partnerRules.ts'
import { urlField } from '../../src/fields/urlField.ts'
import { deliveryLogFields } from '../../src/fields/deliveryLogFields.ts'
import { newSigningSecret } from '../../src/delivery/signature.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'

const nobody = () => false

/** A token's hash is written by the token endpoint only, never through the API or the admin. */
const issuingToken: FieldAccess = ({ req }) => req.context?.[issuingTokenContext] === true

/**
 * Who receives our items (README: "Syndicating to partners"): the formats they take, what they
 * take (languages, sections, origin) and their pull tokens. Admins manage partners; editors see
 * them, without the token hashes, beside the receipts.
 */
export const createPartnersCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.partners.overrides({
    slug: options.collections.partners.slug,
    access: {
      create: allowRoles('admin'),
      delete: allowRoles('admin'),
      read: allowRoles('admin', 'editor'),
      update: allowRoles('admin'),
    },
    admin: {
      defaultColumns: ['name', 'formats', 'active'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'name',
    },
    endpoints: partnerEndpoints(options),
    hooks: { beforeDelete: [keepPartnersThatReceived(options)] },
    fields: [
      { name: 'name', type: 'text', label: translated('name'), maxLength: 120, required: true },
      {
        name: 'active',
        type: 'checkbox',
        defaultValue: true,
        index: true,
        label: translated('partnerActive'),
      },
      {
        name: 'formats',
        type: 'select',
        defaultValue: ['ninjs-3'],
        hasMany: true,
        label: translated('partnerFormats'),
        options: selectOptions('partnerFormat', partnerFormats),
        required: true,
      },
      {
        name: 'filters',
        type: 'group',
        fields: [
          {
            name: 'languages',
            type: 'select',
            hasMany: true,
            label: translated('partnerLanguages'),
            options: options.languages.map((code) => ({ label: code.toUpperCase(), value: code })),
          },
          {
            name: 'sections',
            type: 'relationship',
            hasMany: true,
            label: translated('partnerSections'),
            relationTo: options.collections.sections.slug,
          },
          {
            name: 'origin',
            type: 'select',
            defaultValue: 'own',
            label: translated('partnerOrigin'),
            options: selectOptions('partnerOrigin', partnerOrigins),
            required: true,
          },
        ],
        label: translated('partnerFilters'),
      },
      urlField({ name: 'pushUrl', label: 'partnerPushUrl' }),
      {
        name: 'pushSecret',
        type: 'text',
        access: { read: allowRolesOnField('admin') },
        admin: { description: translatedRecord('partnerPushSecretDescription') },
        defaultValue: newSigningSecret,
        label: translated('webhookSecret'),
        maxLength: 200,
        minLength: 32,
        required: true,
      },
      {
        // Issued by `POST /api/<partners>/:id/tokens`, which shows the token once; only its hash is kept.
        name: 'tokens',
        type: 'array',
        access: { read: allowRolesOnField('admin') },
        admin: { description: translated('partnerTokensDescription') },
        fields: [
          { name: 'label', type: 'text', label: translated('partnerTokenLabel'), maxLength: 120 },
          {
            name: 'hash',
            type: 'text',
            access: { create: issuingToken, update: issuingToken },
            admin: { readOnly: true },
            index: true,
            label: translated('partnerTokenHash'),
          },
          {
            name: 'expiresAt',
            type: 'date',
            admin: { date: { pickerAppearance: 'dayAndTime' } },
            label: translated('partnerTokenExpiresAt'),
            required: true,
          },
          {
            name: 'revokedAt',
            type: 'date',
            admin: { date: { pickerAppearance: 'dayAndTime' } },
            label: translated('partnerTokenRevokedAt'),
          },
        ],
        label: translated('partnerTokens'),
        maxRows: 10,
      },
    ],
    labels: { plural: translated('partnerPlural'), singular: translated('partnerSingular') },
  })

/** Which partner a record is about; kept nullable, so a record never blocks a database delete. */
const partnerField = (options: ResolvedNewsroomOptions): Field => ({
  name: 'partner',
  type: 'relationship',
  index: true,
  label: translated('partnerSingular'),
  relationTo: options.collections.partners.slug,
})

/** How an item reached, or reaches, the partner. */
const channelField: Field = {
  name: 'channel',
  type: 'select',
  label: translated('partnerChannel'),
  options: selectOptions('partnerChannel', partnerChannels),
  required: true,
}

/**
 * Who has what, since when: one row per answer a partner received (a pull page, an item), listing
 * each item and the version sent. Written by the plugin only, never changed or deleted, even by
 * admins; editors read it.
 */
export const createPartnerReceiptsCollection = (
  options: ResolvedNewsroomOptions,
): CollectionConfig =>
  options.collections.partnerReceipts.overrides({
    slug: options.collections.partnerReceipts.slug,
    access: {
      create: nobody,
      delete: nobody,
      read: allowRoles('admin', 'editor'),
      update: nobody,
    },
    admin: {
      defaultColumns: ['partner', 'channel', 'format', 'createdAt'],
      group: translatedRecord('groupNewsroom'),
    },
    fields: [
      partnerField(options),
      channelField,
      {
        name: 'format',
        type: 'select',
        label: translated('partnerFormats'),
        options: selectOptions('partnerFormat', partnerFormats),
        required: true,
      },
      {
        // IDs as text: the record outlives the article (a later kill must still find who had it).
        name: 'items',
        type: 'array',
        fields: [
          { name: 'articleRef', type: 'text', index: true, required: true },
          {
            name: 'notice',
            type: 'select',
            defaultValue: 'item',
            options: selectOptions('partnerNotice', partnerNotices),
            required: true,
          },
          { name: 'version', type: 'text', required: true },
          { name: 'title', type: 'text', maxLength: 300 },
        ],
        label: translated('partnerReceiptItems'),
      },
    ],
    hooks: { beforeOperation: [keepAppendOnly] },
    labels: {
      plural: translated('partnerReceiptPlural'),
      singular: translated('partnerReceiptSingular'),
    },
  })

/**
 * What partners are told after a write: one row per partner and notice (the item, or its kill),
 * delivered by a job to a push partner, or collected by a pull partner's next pull (kills only: a
 * pull partner gets items by pulling them). Written by the plugin only; admins and editors read it.
 */
export const createPartnerDeliveriesCollection = (
  options: ResolvedNewsroomOptions,
): CollectionConfig =>
  options.collections.partnerDeliveries.overrides({
    slug: options.collections.partnerDeliveries.slug,
    access: {
      create: nobody,
      delete: allowRoles('admin'),
      read: allowRoles('admin', 'editor'),
      update: nobody,
    },
    admin: {
      defaultColumns: ['articleTitle', 'partner', 'notice', 'channel', 'status', 'attempts'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'articleTitle',
    },
    fields: [
      partnerField(options),
      { name: 'articleRef', type: 'text', index: true, label: translated('workflowArticleRef') },
      {
        name: 'articleTitle',
        type: 'text',
        label: translated('workflowArticleTitle'),
        maxLength: 300,
      },
      {
        name: 'notice',
        type: 'select',
        index: true,
        label: translated('partnerNotice'),
        options: selectOptions('partnerNotice', partnerNotices),
        required: true,
      },
      channelField,
      { name: 'reason', type: 'text', label: translated('partnerNoticeReason'), maxLength: 60 },
      ...deliveryLogFields(),
    ],
    labels: {
      plural: translated('partnerDeliveryPlural'),
      singular: translated('partnerDeliverySingular'),
    },
  })
