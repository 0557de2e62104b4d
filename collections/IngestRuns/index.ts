import type { CollectionConfig, Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { type IngestWarningKind, ingestWarningKinds } from '../../src/ingest/ingestItem.ts'
import {
  ingestCounts,
  ingestRunStatuses,
  ingestTriggers,
  maxRunErrors,
  maxRunReasons,
} from '../../src/ingest/ingestRunRecord.ts'

import { allowRoles, hasAnyRole } from '../../src/users/roles.ts'
import {
  type NewsroomTranslationKey,
  translated,
  translatedRecord,
} from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'

const nobody = () => false

const count = (name: (typeof ingestCounts)[number]): Field => ({
  name,
  type: 'number',
  defaultValue: 0,
  label: translated(`ingestCount_${name}`),
})

const warningCountLabels: Record<IngestWarningKind, NewsroomTranslationKey> = {
  'date-left-out': 'ingestWarningCount_date_left_out',
  'link-dropped': 'ingestWarningCount_link_dropped',
  'link-made-absolute': 'ingestWarningCount_link_made_absolute',
  'list-flattened': 'ingestWarningCount_list_flattened',
  'quote-flattened': 'ingestWarningCount_quote_flattened',
  'standfirst-cut': 'ingestWarningCount_standfirst_cut',
  'table-flattened': 'ingestWarningCount_table_flattened',
}

const warningCount = (kind: IngestWarningKind): Field => ({
  name: kind.replaceAll('-', '_'),
  type: 'number',
  defaultValue: 0,
  label: translated(warningCountLabels[kind]),
})

/**
 * The record of each ingest run (an API call or a feed poll): its source, when, what became of the
 * items, the first errors with the item and the reason, and the feed's validators for the next
 * conditional GET. Written by the plugin only; editors and admins read it, an ingest client its own.
 */
export const createIngestRunsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.ingestRuns.overrides({
    slug: options.collections.ingestRuns.slug,
    access: {
      create: nobody,
      delete: allowRoles('admin'),
      read: ({ req: { user } }) => {
        if (hasAnyRole(user, ['admin', 'editor'])) {
          return true
        }
        return user && hasAnyRole(user, ['ingest']) ? { by: { equals: user.id } } : false
      },
      update: nobody,
    },
    admin: {
      defaultColumns: ['source', 'trigger', 'status', 'startedAt', 'counts', 'firstError'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'startedAt',
    },
    defaultSort: '-startedAt',
    fields: [
      {
        name: 'source',
        type: 'relationship',
        index: true,
        label: translated('sourceSingular'),
        relationTo: options.collections.sources.slug,
      },
      {
        name: 'trigger',
        type: 'select',
        label: translated('ingestTrigger'),
        options: selectOptions('ingestTrigger', ingestTriggers),
      },
      {
        name: 'status',
        type: 'select',
        index: true,
        label: translated('status'),
        options: selectOptions('ingestStatus', ingestRunStatuses),
      },
      {
        name: 'startedAt',
        type: 'date',
        admin: { date: { pickerAppearance: 'dayAndTime' } },
        index: true,
        label: translated('ingestStartedAt'),
      },
      {
        name: 'finishedAt',
        type: 'date',
        admin: { date: { pickerAppearance: 'dayAndTime' } },
        label: translated('ingestFinishedAt'),
      },
      {
        name: 'by',
        type: 'relationship',
        label: translated('workflowBy'),
        relationTo: options.collections.users.slug,
      },
      {
        name: 'counts',
        type: 'group',
        fields: ingestCounts.map(count),
        label: translated('ingestCounts'),
      },
      // The first error, for the list column and the source's "last error".
      { name: 'firstError', type: 'text', label: translated('ingestFirstError'), maxLength: 500 },
      {
        name: 'itemErrors',
        type: 'array',
        fields: [
          { name: 'itemId', type: 'text', label: translated('sourceItemId'), maxLength: 500 },
          { name: 'path', type: 'text', label: translated('ingestErrorPath'), maxLength: 100 },
          {
            name: 'reason',
            type: 'text',
            label: translated('ingestErrorReason'),
            maxLength: 1_000,
          },
        ],
        label: translated('ingestErrors'),
        maxRows: maxRunErrors,
      },
      {
        name: 'itemErrorsNotShown',
        type: 'number',
        defaultValue: 0,
        label: translated('ingestErrorsNotShown'),
      },
      // Every refused or failed item, counted by its reason (values in quotes left out, so one reason is one row).
      {
        name: 'reasons',
        type: 'array',
        fields: [
          { name: 'reason', type: 'text', label: translated('ingestErrorReason'), maxLength: 300 },
          { name: 'count', type: 'number', label: translated('ingestReasonCount') },
        ],
        label: translated('ingestReasons'),
        maxRows: maxRunReasons,
      },
      {
        name: 'warningCounts',
        type: 'group',
        fields: ingestWarningKinds.map(warningCount),
        label: translated('ingestWarningCounts'),
      },
      {
        name: 'itemWarnings',
        type: 'array',
        fields: [
          { name: 'itemId', type: 'text', label: translated('sourceItemId'), maxLength: 500 },
          { name: 'kind', type: 'text', label: translated('ingestWarningKind'), maxLength: 40 },
          { name: 'path', type: 'text', label: translated('ingestErrorPath'), maxLength: 100 },
          {
            name: 'detail',
            type: 'text',
            label: translated('ingestWarningDetail'),
            maxLength: 200,
          },
        ],
        label: translated('ingestWarnings'),
        maxRows: maxRunErrors,
      },
      {
        name: 'itemWarningsNotShown',
        type: 'number',
        defaultValue: 0,
        label: translated('ingestWarningsNotShown'),
      },
      {
        name: 'feed',
        type: 'group',
        fields: [
          { name: 'url', type: 'text', label: translated('ingestFeedUrl'), maxLength: 2_000 },
          { name: 'httpStatus', type: 'number', label: translated('deliveryLastStatusCode') },
          // The validators the next poll sends back (If-None-Match, If-Modified-Since).
          { name: 'etag', type: 'text', maxLength: 500 },
          { name: 'lastModified', type: 'text', maxLength: 100 },
          { name: 'bytes', type: 'number', label: translated('ingestFeedBytes') },
        ],
        label: translated('ingestFeed'),
      },
    ],
    labels: { plural: translated('ingestRunPlural'), singular: translated('ingestRunSingular') },
  })
