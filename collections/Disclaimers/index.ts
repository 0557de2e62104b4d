import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles, signedInOr } from '../../src/users/roles.ts'
import { urlField } from '../../src/fields/urlField.ts'
import { ensureUniqueWithin } from '../../src/transactions/ensureUniqueWithin.ts'
import { guardDisclaimerApproval } from '../../src/guarantee/guardDisclaimerApproval.ts'
import {
  protectDisclaimerChanges,
  protectDisclaimerDeletion,
} from '../../src/guarantee/protectDisclaimersInUse.ts'
import { versionDisclaimerText } from '../../src/guarantee/versionDisclaimerText.ts'
import { disclaimerPageEndpoint } from '../../src/delivery/readEndpoints.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'
import { disclaimerKinds } from '../../src/types.ts'

const systemOnly = { create: () => false, update: () => false }

/**
 * Disclaimer wording as legal approves it: a stable key, texts per locale, a version that moves with
 * the wording and a hash of it, so what readers were shown can be proven later.
 */
export const createDisclaimersCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const slug = options.collections.disclaimers.slug
  return options.collections.disclaimers.overrides({
    slug,
    access: {
      create: allowRoles('admin', 'editor'),
      delete: allowRoles('admin'),
      read: signedInOr({ status: { equals: 'approved' } }),
      update: allowRoles('admin', 'editor'),
    },
    admin: {
      defaultColumns: ['title', 'key', 'kind', 'version', 'status'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'title',
    },
    defaultPopulate: {
      fullPageUrl: true,
      key: true,
      kind: true,
      shortText: true,
      title: true,
      version: true,
    },
    endpoints: [disclaimerPageEndpoint(options)],
    fields: [
      {
        name: 'versionNotice',
        type: 'ui',
        admin: {
          components: { Field: 'payload-newsroom/client#DisclaimerVersionNotice' },
          position: 'sidebar',
        },
      },
      {
        name: 'key',
        type: 'text',
        admin: { description: translated('disclaimerKeyDescription') },
        index: true,
        label: translated('disclaimerKey'),
        required: true,
        unique: true,
      },
      {
        name: 'kind',
        type: 'select',
        index: true,
        label: translated('disclaimerKind'),
        options: selectOptions('disclaimerKind', disclaimerKinds),
        required: true,
      },
      { name: 'title', type: 'text', label: translated('title'), localized: true, required: true },
      {
        name: 'shortText',
        type: 'textarea',
        admin: { description: translated('shortTextDescription') },
        label: translated('shortText'),
        localized: true,
        required: true,
      },
      {
        name: 'longText',
        type: 'textarea',
        admin: { description: translated('longTextDescription') },
        label: translated('longText'),
        localized: true,
      },
      // Empty: the disclaimer links to its anchor on our Disclaimer page. An own page must be external
      // (http/https), so that no link can point at a path of this site that does not exist.
      {
        ...urlField({ name: 'fullPageUrl', label: 'fullPageUrl' }),
        admin: { description: translated('fullPageUrlDescription') },
      },
      {
        name: 'prescribedWording',
        type: 'checkbox',
        admin: { description: translated('prescribedWordingDescription') },
        defaultValue: false,
        label: translated('prescribedWording'),
      },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar' },
        defaultValue: 'draft',
        index: true,
        label: translated('status'),
        options: selectOptions('disclaimerStatus', ['draft', 'approved', 'retired']),
      },
      {
        name: 'effectiveFrom',
        type: 'date',
        admin: { position: 'sidebar' },
        label: translated('effectiveFrom'),
      },
      {
        name: 'effectiveTo',
        type: 'date',
        admin: { position: 'sidebar' },
        label: translated('effectiveTo'),
      },
      {
        name: 'version',
        type: 'number',
        access: systemOnly,
        admin: { position: 'sidebar', readOnly: true },
        defaultValue: 1,
        label: translated('version'),
      },
      {
        name: 'contentHash',
        type: 'text',
        access: systemOnly,
        admin: { position: 'sidebar', readOnly: true },
        label: translated('contentHash'),
        localized: true,
      },
      {
        name: 'approvedBy',
        type: 'relationship',
        access: systemOnly,
        admin: { position: 'sidebar', readOnly: true },
        label: translated('approvedBy'),
        relationTo: options.collections.users.slug,
      },
      {
        name: 'approvedAt',
        type: 'date',
        access: systemOnly,
        admin: { position: 'sidebar', readOnly: true },
        label: translated('approvedAt'),
      },
      {
        name: 'replaceWith',
        type: 'relationship',
        admin: { description: translated('replaceWithDescription'), position: 'sidebar' },
        label: translated('replaceWith'),
        relationTo: slug,
        // Not stored: it only tells this save where to re-point the articles that depend on the disclaimer.
        virtual: true,
      },
      {
        name: 'articles',
        type: 'join',
        collection: options.collections.articles.slug,
        label: translated('articlesUsingIt'),
        on: 'disclaimers',
      },
    ],
    hooks: {
      beforeChange: [
        ensureUniqueWithin({
          collection: slug,
          field: 'key',
          message: 'disclaimerKeyTaken',
          options,
          rank: 3,
          scope: [],
        }),
        guardDisclaimerApproval,
        protectDisclaimerChanges(options),
        versionDisclaimerText,
      ],
      beforeDelete: [protectDisclaimerDeletion(options)],
    },
    labels: { plural: translated('disclaimerPlural'), singular: translated('disclaimerSingular') },
  })
}
