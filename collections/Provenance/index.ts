import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { keepAppendOnly } from '../../src/limits/keepAppendOnly.ts'
import { allowRoles } from '../../src/users/roles.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'

const nobody = () => false
const readOnly = { readOnly: true }

/**
 * Provenance manifests (docs/provenance.md): one signed manifest per publication event of an
 * article, each naming the previous one's digest, so the chain shows what readers were served and
 * when. Written by the plugin only, in the publication's transaction; append-only even for server
 * code; editors read it here, the public through `/api/<articles>/:id/provenance`.
 */
export const createProvenanceCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.provenance.overrides({
    slug: options.collections.provenance.slug,
    access: {
      create: nobody,
      delete: nobody,
      read: allowRoles('admin', 'editor'),
      update: nobody,
    },
    admin: {
      defaultColumns: ['articleRef', 'sequence', 'event', 'issuedAt', 'keyId'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'articleRef',
    },
    fields: [
      {
        // The article's ID as text: the chain outlives the article (its last manifest says it was deleted).
        name: 'articleRef',
        type: 'text',
        admin: readOnly,
        label: translated('provenanceArticleRef'),
        maxLength: 100,
        required: true,
      },
      {
        name: 'sequence',
        type: 'number',
        admin: readOnly,
        label: translated('provenanceSequence'),
        min: 1,
        required: true,
      },
      {
        name: 'event',
        type: 'text',
        admin: readOnly,
        label: translated('provenanceEvent'),
        maxLength: 40,
        required: true,
      },
      {
        name: 'issuedAt',
        type: 'date',
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
        index: true,
        label: translated('provenanceIssuedAt'),
        required: true,
      },
      {
        name: 'keyId',
        type: 'text',
        admin: readOnly,
        label: translated('provenanceKeyId'),
        maxLength: 100,
      },
      {
        name: 'link',
        type: 'text',
        admin: readOnly,
        label: translated('provenanceLink'),
        maxLength: 80,
        required: true,
      },
      { name: 'manifest', type: 'json', admin: readOnly, label: translated('provenanceManifest') },
      {
        name: 'jws',
        type: 'textarea',
        admin: readOnly,
        label: translated('provenanceJws'),
        maxLength: 200_000,
        required: true,
      },
    ],
    hooks: { beforeOperation: [keepAppendOnly] },
    // One manifest per place in a chain: two writers can never fork it.
    indexes: [{ fields: ['articleRef', 'sequence'], unique: true }],
    labels: {
      plural: translated('provenancePlural'),
      singular: translated('provenanceSingular'),
    },
  })
