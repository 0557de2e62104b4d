import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/types'

import { allowRoles, anyone } from '../src/access/roles'
import { slugField } from '../src/fields/slugField'
import { translated } from '../src/translations/index'

/** Editorial sections of the site (World, Markets…). Names are small reference data, localized per field. */
export const createSectionsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.sections.overrides({
    slug: options.collections.sections.slug,
    access: {
      create: allowRoles('admin', 'editor'),
      delete: allowRoles('admin', 'editor'),
      read: anyone,
      update: allowRoles('admin', 'editor'),
    },
    admin: {
      defaultColumns: ['name', 'slug'],
      useAsTitle: 'name',
    },
    defaultPopulate: { name: true, slug: true },
    fields: [
      {
        name: 'name',
        type: 'text',
        label: translated('name'),
        localized: true,
        required: true,
      },
      slugField({ from: 'name', options }),
      {
        name: 'description',
        type: 'textarea',
        label: translated('description'),
        localized: true,
      },
    ],
    labels: {
      plural: translated('sectionPlural'),
      singular: translated('sectionSingular'),
    },
  })
