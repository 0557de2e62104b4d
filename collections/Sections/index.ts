import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles, anyone } from '../../src/users/roles.ts'
import { slugField } from '../../src/fields/slugField.ts'
import { preventSectionCycles } from './preventSectionCycles.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'
import { disclaimerKinds } from '../../src/types.ts'

/**
 * Editorial sections (World, Markets…), nested. Names are small reference data, localized per field.
 * A section can require disclaimer kinds of its articles (Markets: not-financial-advice).
 */
export const createSectionsCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const slug = options.collections.sections.slug
  return options.collections.sections.overrides({
    slug,
    access: {
      create: allowRoles('admin', 'editor'),
      delete: allowRoles('admin', 'editor'),
      read: anyone,
      update: allowRoles('admin', 'editor'),
    },
    admin: {
      defaultColumns: ['name', 'slug', 'parent', 'order'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'name',
    },
    defaultPopulate: { name: true, slug: true },
    defaultSort: 'order',
    fields: [
      { name: 'name', type: 'text', label: translated('name'), localized: true, required: true },
      slugField({ from: 'name' }),
      { name: 'description', type: 'textarea', label: translated('description'), localized: true },
      {
        name: 'parent',
        type: 'relationship',
        admin: { position: 'sidebar' },
        label: translated('parentSection'),
        relationTo: slug,
      },
      {
        name: 'order',
        type: 'number',
        admin: { position: 'sidebar' },
        defaultValue: 0,
        label: translated('order'),
      },
      {
        name: 'requiredDisclaimerKinds',
        type: 'select',
        admin: { description: translated('requiredDisclaimerKindsDescription') },
        hasMany: true,
        label: translated('requiredDisclaimerKinds'),
        options: selectOptions('disclaimerKind', disclaimerKinds),
      },
      {
        name: 'defaultDisclaimers',
        type: 'relationship',
        hasMany: true,
        label: translated('defaultDisclaimers'),
        relationTo: options.collections.disclaimers.slug,
      },
      {
        // The section's desk: the editors its articles can be assigned to as a group.
        name: 'editors',
        type: 'relationship',
        admin: { description: translated('sectionEditorsDescription') },
        hasMany: true,
        label: translated('sectionEditors'),
        maxRows: 50,
        relationTo: options.collections.users.slug,
      },
    ],
    hooks: { beforeChange: [preventSectionCycles(slug)] },
    labels: { plural: translated('sectionPlural'), singular: translated('sectionSingular') },
  })
}
