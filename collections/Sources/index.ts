import type { CollectionConfig, Field, FieldAccess, SelectFieldSingleValidation } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles, signedInOr } from '../../src/users/roles.ts'
import { slugField } from '../../src/fields/slugField.ts'
import { urlField } from '../../src/fields/urlField.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'
import {
  canonicalStrategies,
  rightsExpiryActions,
  sourceCategories,
  transformations,
} from '../../src/types.ts'
import { redistributionTerms } from '../../src/rules/partnerRules.ts'
import { queueLicenceEndKills } from '../../src/partners/queuePartnerNotices.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'
import { feedFormats } from '../../src/ingest/readItems.ts'
import { expiresPolicies, publishPolicies, updatePolicies } from '../../src/rules/ingestRules.ts'
import { recordOf } from '../../src/utilities/values.ts'
import { textAndDataMiningTerms } from '../../src/rules/textAndDataMining.ts'

// How the ingest works (who it writes as, the feed) is the newsroom's business, not the public's.
const staffOnly: FieldAccess = ({ req }) => Boolean(req.user)

/** How items of this source come in: as whom, with which policies, and from which feed. */
const ingestFields = (options: ResolvedNewsroomOptions): Field[] => {
  const sections = options.collections.sections.slug
  return [
    {
      name: 'user',
      type: 'relationship',
      admin: { description: translated('ingestUserDescription') },
      // Only an ingest account: a feed must not write with an editor's or an admin's rights.
      filterOptions: { roles: { in: ['ingest'] } },
      label: translated('ingestUser'),
      relationTo: options.collections.users.slug,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'publishPolicy',
          type: 'select',
          defaultValue: 'review',
          label: translated('ingestPublishPolicy'),
          options: selectOptions('publishPolicy', publishPolicies),
        },
        {
          name: 'updatePolicy',
          type: 'select',
          defaultValue: 'review',
          label: translated('ingestUpdatePolicy'),
          options: selectOptions('updatePolicy', updatePolicies),
        },
        {
          name: 'expiresPolicy',
          type: 'select',
          defaultValue: 'ignore',
          label: translated('ingestExpiresPolicy'),
          options: selectOptions('expiresPolicy', expiresPolicies),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'defaultSection',
          type: 'relationship',
          label: translated('ingestDefaultSection'),
          relationTo: sections,
        },
        {
          name: 'defaultLanguage',
          type: 'select',
          label: translated('ingestDefaultLanguage'),
          options: options.languages.map((code) => ({ label: code.toUpperCase(), value: code })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'automatedByline',
          type: 'checkbox',
          defaultValue: false,
          label: translated('automatedByline'),
        },
        { name: 'bylineSystem', type: 'text', label: translated('producedBy') },
        {
          name: 'requestSummary',
          type: 'checkbox',
          defaultValue: false,
          label: translated('ingestRequestSummary'),
        },
      ],
    },
    {
      name: 'feed',
      type: 'group',
      fields: [
        urlField({ name: 'url', label: 'ingestFeedUrl' }),
        {
          type: 'row',
          fields: [
            {
              name: 'format',
              type: 'select',
              label: translated('ingestFeedFormat'),
              options: selectOptions('feedFormat', feedFormats),
              validate: ((value, { siblingData, req }) =>
                value || !recordOf(siblingData).url
                  ? true
                  : req.t('validation:required')) satisfies SelectFieldSingleValidation,
            },
            {
              name: 'pollMinutes',
              type: 'number',
              defaultValue: 15,
              label: translated('ingestPollMinutes'),
              max: 1_440,
              min: 1,
            },
          ],
        },
        {
          name: 'categories',
          type: 'array',
          admin: { description: translated('ingestCategoriesDescription') },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'category',
                  type: 'text',
                  label: translated('ingestCategory'),
                  maxLength: 200,
                  required: true,
                },
                {
                  name: 'section',
                  type: 'relationship',
                  label: translated('sectionSingular'),
                  relationTo: sections,
                  required: true,
                },
              ],
            },
          ],
          label: translated('ingestCategories'),
          labels: {
            plural: translated('ingestCategories'),
            singular: translated('ingestCategory'),
          },
        },
      ],
      label: translated('ingestFeed'),
    },
  ]
}

/** What the source's licence lets us do with its items (checked on every publication) and for how long. */
const licenceFields = (options: ResolvedNewsroomOptions): Field[] => [
  {
    type: 'row',
    fields: [
      {
        name: 'transformations',
        type: 'select',
        hasMany: true,
        label: translated('licenceTransformations'),
        options: selectOptions('transformation', transformations),
      },
      {
        name: 'translationLanguages',
        type: 'select',
        hasMany: true,
        label: translated('licenceTranslationLanguages'),
        options: options.languages.map((code) => ({ label: code.toUpperCase(), value: code })),
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'aiSummaries',
        type: 'select',
        defaultValue: 'allowed',
        label: translated('licenceAiSummaries'),
        options: selectOptions('aiSummaries', ['allowed', 'forbidden']),
      },
      {
        name: 'durationDays',
        type: 'number',
        label: translated('licenceDurationDays'),
        max: 36_500,
        min: 1,
      },
      {
        name: 'onExpiry',
        type: 'select',
        defaultValue: 'unpublish',
        label: translated('licenceOnExpiry'),
        options: selectOptions('onExpiry', rightsExpiryActions),
      },
    ],
  },
  {
    // Unsaid means forbidden: we pass on only what the licence says we may (see partnerRules).
    name: 'redistribution',
    type: 'select',
    defaultValue: 'forbidden',
    label: translated('licenceRedistribution'),
    options: selectOptions('redistribution', redistributionTerms),
  },
]

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
      slugField({ from: 'name' }),
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
      {
        name: 'copyrightNotice',
        type: 'text',
        label: translated('copyrightNotice'),
        localized: true,
      },
      {
        name: 'canonicalPolicy',
        type: 'select',
        defaultValue: 'noindex',
        label: translated('canonicalPolicy'),
        options: selectOptions('canonical', canonicalStrategies),
      },
      {
        // Public: what the article pages tell miners and AI crawlers (see `textAndDataMining`).
        name: 'textAndDataMining',
        type: 'select',
        admin: { description: translated('textAndDataMiningDescription') },
        defaultValue: 'reserved',
        label: translated('textAndDataMining'),
        options: selectOptions('textAndDataMining', textAndDataMiningTerms),
      },
      {
        name: 'defaultDisclaimers',
        type: 'relationship',
        hasMany: true,
        label: translated('defaultDisclaimers'),
        relationTo: options.collections.disclaimers.slug,
      },
      {
        name: 'licence',
        type: 'group',
        access: { read: staffOnly },
        admin: { description: translated('licenceTermsDescription') },
        fields: licenceFields(options),
        label: translated('licenceTerms'),
      },
      {
        name: 'ingest',
        type: 'group',
        access: { read: staffOnly },
        fields: ingestFields(options),
        label: translated('ingestSettings'),
      },
      {
        name: 'ingestRuns',
        type: 'join',
        access: { read: staffOnly },
        // Runs are the plugin's record: read here, never created by hand.
        admin: {
          allowCreate: false,
          defaultColumns: ['startedAt', 'trigger', 'status', 'firstError'],
        },
        collection: options.collections.ingestRuns.slug,
        defaultLimit: 5,
        defaultSort: '-startedAt',
        label: translated('ingestRunPlural'),
        on: 'source',
      },
    ],
    hooks: { afterChange: [queueLicenceEndKills(options)] },
    labels: { plural: translated('sourcePlural'), singular: translated('sourceSingular') },
  })
