import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/types.ts'

import { allowRoles, signedInOr } from '../src/access/roles.ts'
import { slugField } from '../src/fields/slugField.ts'
import { urlField } from '../src/fields/urlField.ts'
import { translated, translatedRecord } from '../src/translations/index.ts'
import { canonicalStrategies, sourceCategories } from '../src/types.ts'
import { selectOptions } from '../src/translations/selectOptions.ts'

/** Third parties we syndicate from: who they are and the defaults their articles inherit. */
export const createSourcesCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.sources.overrides({
    slug: options.collections.sources.slug,
    access: {
      create: allowRoles('admin', 'editor'),
      delete: allowRoles('admin'),
      // The public sees active sources only (they are credited on published articles).
      read: signedInOr({ status: { equals: 'active' } }),
      update: allowRoles('admin', 'editor'),
    },
    admin: {
      defaultColumns: ['name', 'category', 'status'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'name',
    },
    defaultPopulate: { name: true, slug: true, creditLine: true, homepageUrl: true },
    fields: [
      { name: 'name', type: 'text', label: translated('name'), required: true },
      slugField({ from: 'name', options }),
      urlField({ name: 'homepageUrl', label: 'homepageUrl' }),
      {
        name: 'category',
        type: 'select',
        label: translated('sourceCategory'),
        options: selectOptions('sourceCategory', sourceCategories),
        required: true,
      },
      {
        name: 'status',
        type: 'select',
        admin: { position: 'sidebar' },
        defaultValue: 'active',
        index: true,
        label: translated('status'),
        options: selectOptions('sourceStatus', ['active', 'suspended']),
      },
      { name: 'creditLine', type: 'text', label: translated('creditLine'), localized: true },
      { name: 'defaultLicence', type: 'text', label: translated('licence') },
      { name: 'usageTerms', type: 'textarea', label: translated('usageTerms'), localized: true },
      { name: 'copyrightHolder', type: 'text', label: translated('copyrightHolder') },
      { name: 'copyrightNotice', type: 'text', label: translated('copyrightNotice'), localized: true },
      {
        name: 'canonicalPolicy',
        type: 'select',
        defaultValue: 'noindex',
        label: translated('canonicalPolicy'),
        options: selectOptions('canonical', canonicalStrategies),
      },
      {
        name: 'defaultDisclaimers',
        type: 'relationship',
        hasMany: true,
        label: translated('defaultDisclaimers'),
        relationTo: options.collections.disclaimers.slug as CollectionSlug,
      },
    ],
    labels: { plural: translated('sourcePlural'), singular: translated('sourceSingular') },
  })
