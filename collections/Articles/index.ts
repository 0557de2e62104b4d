import type {
  CollectionConfig,
  DateFieldValidation,
  Field,
  FieldAccess,
  SelectFieldSingleValidation,
} from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'
import type { ArticlePanelSettings } from '../../src/admin/ArticlePanel.tsx'

import {
  createArticles,
  deleteArticles,
  readArticles,
  readArticleVersions,
  signedIn,
  updateArticles,
} from './access.ts'
import { allowRolesOnField } from '../../src/users/roles.ts'
import { articleLimits, commentLengthLimits } from '../../src/rules/articleLimits.ts'
import {
  complianceEndpoint,
  republishOutdatedEndpoint,
} from '../../src/guarantee/complianceEndpoint.ts'
import { ingestEndpoint } from '../../src/ingest/ingestEndpoint.ts'
import { readEndpoints } from '../../src/delivery/readEndpoints.ts'
import { regenerateSummaryEndpoint } from '../../src/summaries/summaryEndpoint.ts'
import { workflowEndpoints } from '../../src/workflow/workflowEndpoints.ts'
import { articleBodyField } from './articleBody.ts'
import { languageField } from './languageField.ts'
import { requiredWhenSyndicated } from '../../src/guarantee/requiredWhenSyndicated.ts'
import { slugField } from '../../src/fields/slugField.ts'
import { urlField, webUrlValidator } from '../../src/fields/urlField.ts'
import { articlePreviewUrl } from '../../src/delivery/articlePreview.ts'
import { queueWebhookDeliveries } from '../../src/delivery/queueWebhookDeliveries.ts'
import { queuePartnerNotices } from '../../src/partners/queuePartnerNotices.ts'
import { recordProvenance } from '../../src/provenance/recordProvenance.ts'
import { provenanceEndpoints } from '../../src/provenance/provenanceEndpoints.ts'
import {
  enforceWorkflow,
  plannedTransition,
  recordDeletion,
  recordWorkflowEvent,
} from '../../src/workflow/enforceWorkflow.ts'
import { stampCreatedBy } from '../../src/workflow/stampCreatedBy.ts'
import { queueSummaryGeneration } from '../../src/summaries/generateSummaryTask.ts'
import { notifyAssignment } from '../../src/notifications/notifyDeskEvents.ts'
import { ingestOnly } from '../../src/ingest/ingestContext.ts'
import { ensureUniqueWithin } from '../../src/transactions/ensureUniqueWithin.ts'
import { namesField } from './namesField.ts'
import { withholdRetractedBody } from '../../src/workflow/withholdRetractedBody.ts'
import { fillAttributionDefaults } from '../../src/guarantee/fillAttributionDefaults.ts'
import { requireDisclaimerOnPublish } from '../../src/guarantee/requireDisclaimerOnPublish.ts'
import { checkWorkflowStep } from '../../src/guarantee/checkWorkflowStep.ts'
import { stampPublishedAt } from '../../src/workflow/stampPublishedAt.ts'
import { validateTranslationLink } from './validateTranslationLink.ts'
import { translate, translated, translatedRecord } from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'
import { formatInstant } from '../../src/rules/describeProblem.ts'
import { correctionTypes, workflowStates } from '../../src/rules/workflow.ts'
import { possibleDuplicateReasons } from '../../src/rules/storyKeys.ts'
import { canonicalStrategies, transformations } from '../../src/types.ts'
import { guardOriginChange, recordOriginChange } from '../../src/guarantee/guardOriginChange.ts'
import { recordOf } from '../../src/utilities/values.ts'
import { recordPreviousSlugs } from '../../src/delivery/recordPreviousSlugs.ts'
import { maxPreviousSlugs } from '../../src/rules/previousSlugs.ts'

/** A document's ID as Payload gives it (a number or a string, by adapter); anything else is none. */
const idOf = (id: unknown): number | string | undefined =>
  typeof id === 'number' || typeof id === 'string' ? id : undefined

const systemOnly = { create: () => false, update: () => false }
const workflowOnly: FieldAccess = ({ req }) => Boolean(plannedTransition(req))
const sidebar = { position: 'sidebar' as const }
/** Editors and admins assign articles; writers see the assignment. */
const editorsAssign = allowRolesOnField('admin', 'editor')

/** An embargo may not move past the time the article is already scheduled for: it would be published early, or refused then. */
const embargoAfterSchedule: DateFieldValidation = (value, { req, siblingData }) => {
  const { scheduledPublishAt, workflowState } = recordOf(siblingData)
  // An ISO string as stored; a Date reads the same through String (Date.parse does that itself).
  if (
    value &&
    workflowState === 'scheduled' &&
    scheduledPublishAt &&
    Date.parse(String(scheduledPublishAt)) < new Date(value).getTime()
  ) {
    return translate(req.t, 'embargoAfterSchedule', {
      at: formatInstant(String(scheduledPublishAt)),
    })
  }
  return true
}

const attributionFields = (options: ResolvedNewsroomOptions): Field[] => {
  const originalUrl = urlField({ name: 'originalUrl', label: 'originalUrl' })
  return [
    {
      name: 'source',
      type: 'relationship',
      index: true,
      label: translated('source'),
      relationTo: options.collections.sources.slug,
      validate: requiredWhenSyndicated(),
    },
    { ...originalUrl, validate: requiredWhenSyndicated(webUrlValidator()) },
    {
      name: 'sourceItemId',
      type: 'text',
      // A copy is not the source's item: keeping the ID would make it a duplicate of the original.
      hooks: { beforeDuplicate: [() => null] },
      index: true,
      label: translated('sourceItemId'),
    },
    {
      type: 'row',
      fields: [
        // The source's version of the item and a digest of what it sent: a re-delivery writes nothing.
        {
          name: 'sourceVersion',
          type: 'text',
          access: { create: ingestOnly, update: ingestOnly },
          admin: { readOnly: true },
          hooks: { beforeDuplicate: [() => null] },
          label: translated('sourceVersion'),
          maxLength: 100,
        },
        {
          name: 'ingestFingerprint',
          type: 'text',
          access: { create: ingestOnly, read: signedIn, update: ingestOnly },
          admin: { hidden: true },
          hooks: { beforeDuplicate: [() => null] },
          maxLength: 64,
        },
      ],
    },
    // Keys that find the same story from another source (rules/storyKeys.ts): written by the ingest.
    ...(['originalUrlKey', 'storyFingerprint'] as const).map((name): Field => ({
      name,
      type: 'text',
      access: { create: ingestOnly, read: signedIn, update: ingestOnly },
      admin: { hidden: true },
      hooks: { beforeDuplicate: [() => null] },
      index: true,
      maxLength: 500,
    })),
    { name: 'originalTitle', type: 'text', label: translated('originalTitle') },
    { name: 'originalLanguage', type: 'text', label: translated('originalLanguage') },
    namesField({
      name: 'originalAuthors',
      label: 'originalAuthors',
      maxLength: options.inputLimits.textLength,
      maxNames: options.inputLimits.rows,
    }),
    {
      type: 'row',
      fields: [
        { name: 'originalPublishedAt', type: 'date', label: translated('originalPublishedAt') },
        { name: 'originalUpdatedAt', type: 'date', label: translated('originalUpdatedAt') },
        { name: 'retrievedAt', type: 'date', label: translated('retrievedAt') },
      ],
    },
    {
      name: 'rightsExpireAt',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: translated('rightsExpireAtDescription'),
      },
      // The expiry task looks for published articles past this time.
      index: true,
      label: translated('rightsExpireAt'),
    },
    {
      name: 'transformation',
      type: 'select',
      label: translated('transformation'),
      options: selectOptions('transformation', transformations),
    },
    {
      name: 'creditText',
      type: 'text',
      admin: { description: translated('inheritedFromSource') },
      label: translated('creditLine'),
      validate: requiredWhenSyndicated(),
    },
    { name: 'licence', type: 'text', label: translated('licence') },
    { name: 'usageTerms', type: 'textarea', label: translated('usageTerms') },
    { name: 'copyrightHolder', type: 'text', label: translated('copyrightHolder') },
    { name: 'copyrightNotice', type: 'text', label: translated('copyrightNotice') },
    {
      name: 'canonical',
      type: 'select',
      label: translated('canonicalPolicy'),
      options: selectOptions('canonical', canonicalStrategies),
    },
    { name: 'viewOriginalLabel', type: 'text', label: translated('viewOriginalLabel') },
  ]
}

/**
 * Articles: one language each, translations linked as separate articles, drafts with autosave and
 * scheduled publishing. Syndicated ones carry their attribution and disclaimers.
 */
export const createArticlesCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const slug = options.collections.articles.slug
  const usersSlug = options.collections.users.slug

  return options.collections.articles.overrides({
    slug,
    access: {
      create: createArticles,
      delete: deleteArticles,
      // The public reads published articles only; versions (drafts, history) are never public.
      read: readArticles,
      readVersions: readArticleVersions,
      update: updateArticles,
    },
    admin: {
      // One workflow action on the selected articles, above the list (in the import map even when
      // disabled, so it does not change; the bar then shows nothing).
      components: {
        beforeListTable: [
          {
            clientProps: {
              settings: {
                articles: slug,
                disabled: options.disabled,
                noteLength: options.inputLimits.noteLength,
              },
            },
            path: 'payload-newsroom/client#BulkWorkflowActions',
          },
        ],
      },
      defaultColumns: [
        'title',
        'language',
        'section',
        'origin',
        'workflowState',
        'complianceProblems',
        'publishedAt',
      ],
      group: translatedRecord('groupNewsroom'),
      listSearchableFields: ['title', 'slug'],
      // The reference page of the latest draft, behind a signed token that expires (src/preview).
      livePreview: {
        url: async ({ data, req }) =>
          (await articlePreviewUrl(req, options, data?.id))?.url ?? null,
      },
      preview: async (doc, { req }) =>
        (await articlePreviewUrl(req, options, idOf(doc.id)))?.url ?? null,
      useAsTitle: 'title',
    },
    // Saved list filters ("In review", "Syndicated", "Published with problems"): the seed shares them.
    enableQueryPresets: true,
    // Read whatever the projection: withholding a retracted article's body depends on it.
    forceSelect: { workflowState: true },
    defaultPopulate: {
      language: true,
      publishedAt: true,
      slug: true,
      standfirst: true,
      title: true,
    },
    endpoints: [
      complianceEndpoint(options),
      republishOutdatedEndpoint(options),
      ingestEndpoint(options),
      regenerateSummaryEndpoint(options),
      ...workflowEndpoints(options),
      ...readEndpoints(options),
      ...(options.provenance.enabled ? provenanceEndpoints(options) : []),
    ],
    fields: [
      {
        name: 'title',
        type: 'text',
        label: translated('title'),
        maxLength: articleLimits.title,
        required: true,
      },
      {
        name: 'standfirst',
        type: 'textarea',
        label: translated('standfirst'),
        maxLength: articleLimits.standfirst,
      },
      {
        name: 'featuredImage',
        type: 'upload',
        admin: { description: translated('featuredImageDescription') },
        label: translated('featuredImage'),
        relationTo: options.collections.media.slug,
      },
      {
        type: 'tabs',
        tabs: [
          {
            fields: [
              {
                ...articleBodyField(slug, options.collections.media.slug),
                hooks: { afterRead: [withholdRetractedBody] },
              },
            ],
            label: translated('tabContent'),
          },
          {
            fields: [
              // Fields with a default are not `required`, so API clients (GraphQL inputs) may leave them out.
              {
                name: 'origin',
                type: 'select',
                defaultValue: 'original',
                index: true,
                label: translated('origin'),
                options: selectOptions('origin', ['original', 'syndicated']),
              },
              {
                // Not stored: the reason goes to the audit trail (see guardOriginChange). Shown where
                // there is an original URL, i.e. on articles that are or were syndicated.
                name: 'originChangeReason',
                type: 'textarea',
                admin: {
                  condition: (data, __, { operation }) =>
                    operation === 'update' && Boolean(data?.attribution?.originalUrl),
                },
                label: translated('originChangeReason'),
                maxLength: 1000,
                virtual: true,
              },
              {
                name: 'attribution',
                type: 'group',
                admin: { condition: (data) => data?.origin === 'syndicated' },
                fields: attributionFields(options),
                label: translated('attribution'),
              },
            ],
            label: translated('tabSource'),
          },
          {
            fields: [
              {
                name: 'byline',
                type: 'group',
                fields: [
                  {
                    name: 'authors',
                    type: 'relationship',
                    hasMany: true,
                    label: translated('authors'),
                    relationTo: usersSlug,
                  },
                  {
                    name: 'automated',
                    type: 'group',
                    fields: [
                      {
                        name: 'enabled',
                        type: 'checkbox',
                        defaultValue: false,
                        label: translated('automatedByline'),
                      },
                      {
                        name: 'label',
                        type: 'text',
                        defaultValue: 'robot',
                        label: translated('bylineLabel'),
                      },
                      { name: 'system', type: 'text', label: translated('producedBy') },
                    ],
                    label: translated('automatedByline'),
                  },
                ],
                label: translated('byline'),
              },
              {
                name: 'summary',
                type: 'group',
                fields: [
                  {
                    name: 'status',
                    type: 'select',
                    defaultValue: 'none',
                    label: translated('status'),
                    options: selectOptions('summaryStatus', ['none', 'pending', 'ready', 'failed']),
                  },
                  { name: 'text', type: 'textarea', label: translated('summaryText') },
                  { name: 'producedBy', type: 'text', label: translated('producedBy') },
                  { name: 'producedAt', type: 'date', label: translated('producedAt') },
                  // Why the last generation failed or was kept on a draft: for editors, never the public.
                  {
                    name: 'error',
                    type: 'text',
                    access: { read: signedIn },
                    admin: { readOnly: true },
                    label: translated('summaryError'),
                    maxLength: 1_000,
                  },
                ],
                label: translated('aiSummary'),
              },
              {
                name: 'aiDisclosure',
                type: 'group',
                fields: [
                  {
                    name: 'level',
                    type: 'select',
                    defaultValue: 'none',
                    label: translated('aiDisclosureLevel'),
                    options: selectOptions('aiDisclosure', [
                      'none',
                      'summary',
                      'translation',
                      'assisted',
                      'generated',
                    ]),
                    // Completeness, not format: a draft may still lack it.
                    validate: ((value, { data, req }) =>
                      value === 'none' &&
                      recordOf(data)._status === 'published' &&
                      recordOf(recordOf(recordOf(data).byline).automated).enabled
                        ? translate(req.t, 'automatedBylineNeedsDisclosure')
                        : true) satisfies SelectFieldSingleValidation,
                  },
                  {
                    name: 'reviewedBy',
                    type: 'relationship',
                    label: translated('reviewedBy'),
                    relationTo: usersSlug,
                  },
                  { name: 'reviewedAt', type: 'date', label: translated('reviewedAt') },
                  {
                    name: 'responsibleEditor',
                    type: 'relationship',
                    label: translated('responsibleEditor'),
                    relationTo: usersSlug,
                  },
                ],
                label: translated('aiDisclosure'),
              },
              {
                name: 'disclaimers',
                type: 'relationship',
                hasMany: true,
                label: translated('disclaimerPlural'),
                relationTo: options.collections.disclaimers.slug,
              },
              {
                name: 'appliedDisclaimers',
                type: 'array',
                // Public: it is what readers are shown (the view renders it); who applied it is not.
                access: systemOnly,
                custom: { newsroomSystemWritten: true },
                admin: { description: translated('appliedDisclaimersDescription'), readOnly: true },
                // A copy has not been published: it has shown readers nothing yet.
                hooks: { beforeDuplicate: [() => []] },
                fields: [
                  {
                    name: 'disclaimer',
                    type: 'relationship',
                    relationTo: options.collections.disclaimers.slug,
                  },
                  { name: 'key', type: 'text' },
                  { name: 'kind', type: 'text' },
                  { name: 'version', type: 'number' },
                  { name: 'contentHash', type: 'text' },
                  { name: 'texts', type: 'json' },
                  { name: 'fullPageUrl', type: 'text' },
                  { name: 'appliedAt', type: 'date' },
                  {
                    name: 'appliedBy',
                    type: 'relationship',
                    access: { read: signedIn },
                    relationTo: usersSlug,
                  },
                ],
                label: translated('appliedDisclaimers'),
              },
              {
                name: 'appliedImages',
                type: 'array',
                // The credits readers were shown with each image at the last publication: written by the guarantee.
                access: systemOnly,
                custom: { newsroomSystemWritten: true },
                admin: { description: translated('appliedImagesDescription'), readOnly: true },
                hooks: { beforeDuplicate: [() => []] },
                fields: [
                  {
                    name: 'image',
                    type: 'relationship',
                    relationTo: options.collections.media.slug,
                  },
                  { name: 'usedAs', type: 'text' },
                  { name: 'credit', type: 'text' },
                  { name: 'licence', type: 'text' },
                  { name: 'copyrightNotice', type: 'text' },
                ],
                label: translated('appliedImages'),
              },
            ],
            label: translated('tabDisclosure'),
          },
          {
            fields: [
              {
                name: 'comments',
                type: 'group',
                fields: [
                  {
                    name: 'enabled',
                    type: 'checkbox',
                    defaultValue: true,
                    label: translated('commentsEnabled'),
                  },
                  {
                    name: 'maxLength',
                    type: 'number',
                    defaultValue: commentLengthLimits.default,
                    label: translated('commentsMaxLength'),
                    max: commentLengthLimits.max,
                    min: commentLengthLimits.min,
                  },
                  {
                    name: 'moderation',
                    type: 'checkbox',
                    defaultValue: true,
                    label: translated('commentsModeration'),
                  },
                ],
                label: translated('comments'),
              },
              {
                name: 'corrections',
                type: 'array',
                fields: [
                  {
                    name: 'type',
                    type: 'select',
                    label: translated('correctionType'),
                    options: selectOptions('correctionType', [...correctionTypes]),
                    required: true,
                  },
                  {
                    name: 'text',
                    type: 'textarea',
                    label: translated('correctionText'),
                    required: true,
                  },
                  { name: 'at', type: 'date', label: translated('correctionAt') },
                  {
                    name: 'by',
                    type: 'relationship',
                    label: translated('correctionBy'),
                    relationTo: usersSlug,
                  },
                ],
                label: translated('corrections'),
              },
            ],
            label: translated('tabSettings'),
          },
        ],
      },
      {
        name: 'newsroomPanel',
        type: 'ui',
        admin: {
          components: { Field: 'payload-newsroom/client#ArticlePanel' },
          custom: {
            autoAttach: options.autoAttachDisclaimers,
            defaultDisclaimerKeys: options.defaultDisclaimerKeys,
            expiryWarningDays: options.licences.expiryWarningDays,
            noteLength: options.inputLimits.noteLength,
            slugs: {
              articles: slug,
              disclaimers: options.collections.disclaimers.slug,
              media: options.collections.media.slug,
              sections: options.collections.sections.slug,
              sources: options.collections.sources.slug,
            },
          } satisfies ArticlePanelSettings,
          // The checklist and actions are behaviour: a disabled plugin shows neither.
          condition: () => !options.disabled,
          position: 'sidebar',
        },
      },
      {
        name: 'workflowState',
        type: 'select',
        // Changed only by workflow actions (and publishing), never by hand.
        access: { create: workflowOnly, update: workflowOnly },
        admin: { position: 'sidebar', readOnly: true },
        defaultValue: 'draft',
        index: true,
        label: translated('workflowState'),
        options: selectOptions('state', workflowStates),
      },
      {
        name: 'scheduledPublishAt',
        type: 'date',
        // Set by the `schedule` action, cleared by every other one: a scheduled-publish job acts only
        // when the article is still scheduled for its exact time (never after an unschedule or reschedule).
        access: { create: workflowOnly, update: workflowOnly },
        admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar', readOnly: true },
        hooks: { beforeDuplicate: [() => null] },
        label: translated('scheduledPublishAt'),
      },
      {
        name: 'complianceProblems',
        type: 'number',
        // Written by the compliance check (problems found in a published article) and reset by every
        // publication; it makes "published with problems" a list filter and a column.
        access: { ...systemOnly, read: signedIn },
        admin: {
          description: translated('complianceProblemsDescription'),
          position: 'sidebar',
          readOnly: true,
        },
        defaultValue: 0,
        hooks: { beforeDuplicate: [() => 0] },
        index: true,
        label: translated('complianceProblems'),
      },
      {
        // The same story from another source, found by the ingest: flagged for an editor, never merged.
        name: 'possibleDuplicate',
        type: 'group',
        access: { read: allowRolesOnField('admin', 'editor') },
        admin: { condition: (data) => Boolean(data?.possibleDuplicate?.of), position: 'sidebar' },
        fields: [
          {
            name: 'of',
            type: 'relationship',
            access: { create: ingestOnly, update: ingestOnly },
            admin: { readOnly: true },
            hooks: { beforeDuplicate: [() => null] },
            index: true,
            label: translated('possibleDuplicateOf'),
            relationTo: options.collections.articles.slug,
          },
          {
            name: 'reason',
            type: 'select',
            access: { create: ingestOnly, update: ingestOnly },
            admin: { readOnly: true },
            hooks: { beforeDuplicate: [() => null] },
            label: translated('possibleDuplicateReason'),
            options: selectOptions('possibleDuplicateReason', possibleDuplicateReasons),
          },
          {
            name: 'dismissed',
            type: 'checkbox',
            access: { update: allowRolesOnField('admin', 'editor') },
            admin: { description: translated('possibleDuplicateDismissedDescription') },
            hooks: { beforeDuplicate: [() => null] },
            label: translated('possibleDuplicateDismissed'),
          },
        ],
        label: translated('possibleDuplicate'),
      },
      {
        name: 'createdBy',
        type: 'relationship',
        access: { ...systemOnly, read: signedIn },
        // Stamped from the acting user by \`stampCreatedBy\`, never taken from input: no existence check.
        custom: { newsroomSystemWritten: true },
        admin: { position: 'sidebar', readOnly: true },
        hooks: { beforeDuplicate: [() => null] },
        index: true,
        label: translated('createdBy'),
        relationTo: usersSlug,
      },
      {
        // Who saved last (none for the system's own writes): a stale save is told whose work is newer.
        name: 'updatedBy',
        type: 'relationship',
        access: { ...systemOnly, read: signedIn },
        // Stamped from the acting user by \`stampCreatedBy\`, never taken from input: no existence check.
        custom: { newsroomSystemWritten: true },
        admin: { position: 'sidebar', readOnly: true },
        hooks: { beforeDuplicate: [() => null] },
        label: translated('updatedBy'),
        relationTo: usersSlug,
      },
      languageField(options),
      slugField({ from: 'title', unique: false }),
      {
        // Written by recordPreviousSlugs alone: the paths readers followed before a rename.
        name: 'previousSlugs',
        type: 'text',
        admin: { ...sidebar, description: translated('previousSlugsDescription'), readOnly: true },
        hasMany: true,
        hooks: { beforeDuplicate: [() => []] },
        index: true,
        label: translated('previousSlugs'),
        maxRows: maxPreviousSlugs,
      },
      {
        name: 'section',
        type: 'relationship',
        // Named in every list row, not only once the row scrolls into view.
        admin: {
          ...sidebar,
          components: { Cell: 'payload-newsroom/client#RelationshipTitleCell' },
        },
        index: true,
        label: translated('sectionSingular'),
        relationTo: options.collections.sections.slug,
        required: true,
      },
      {
        name: 'tags',
        type: 'text',
        admin: sidebar,
        hasMany: true,
        label: translated('tags'),
        maxLength: articleLimits.tag,
        maxRows: articleLimits.tags,
      },
      {
        name: 'publishedAt',
        type: 'date',
        access: {
          create: allowRolesOnField('admin', 'editor'),
          update: allowRolesOnField('admin', 'editor'),
        },
        admin: sidebar,
        hooks: { beforeDuplicate: [() => null] },
        index: true,
        label: translated('publishedAt'),
      },
      {
        name: 'embargoUntil',
        type: 'date',
        admin: {
          ...sidebar,
          date: { pickerAppearance: 'dayAndTime' },
          description: translated('embargoUntilDescription'),
        },
        label: translated('embargoUntil'),
        validate: embargoAfterSchedule,
      },
      {
        // Who works on it next (issue 37): an editor, or the section's desk (its `editors`).
        name: 'assignedTo',
        type: 'relationship',
        access: { create: editorsAssign, update: editorsAssign },
        admin: sidebar,
        index: true,
        label: translated('assignedTo'),
        relationTo: options.collections.users.slug,
      },
      {
        name: 'assignedToDesk',
        type: 'checkbox',
        access: { create: editorsAssign, update: editorsAssign },
        admin: sidebar,
        defaultValue: false,
        index: true,
        label: translated('assignedToDesk'),
      },
      {
        name: 'pinned',
        type: 'checkbox',
        admin: sidebar,
        defaultValue: false,
        label: translated('pinned'),
      },
      { name: 'pinnedUntil', type: 'date', admin: sidebar, label: translated('pinnedUntil') },
      {
        name: 'translationOf',
        type: 'relationship',
        admin: { ...sidebar, description: translated('translationOfDescription') },
        index: true,
        label: translated('translationOf'),
        relationTo: slug,
      },
      {
        // An open task blocks publication (src/workflow/articleTasks.ts).
        name: 'tasks',
        type: 'join',
        admin: { ...sidebar, defaultColumns: ['text', 'assignee', 'done'] },
        collection: options.collections.tasks.slug,
        label: translated('tasksOfArticle'),
        on: 'article',
      },
      {
        name: 'translations',
        type: 'join',
        admin: sidebar,
        collection: slug,
        label: translated('translations'),
        on: 'translationOf',
      },
    ],
    hooks: {
      afterChange: [
        recordWorkflowEvent(options),
        // No publication without its signed manifest: written in the same transaction.
        ...(options.provenance.enabled ? [recordProvenance(options).afterChange] : []),
        recordOriginChange(options),
        queueWebhookDeliveries(options).afterChange,
        queuePartnerNotices(options).afterChange,
        queueSummaryGeneration(options),
        notifyAssignment(options),
      ],
      afterDelete: [
        recordDeletion(options),
        ...(options.provenance.enabled ? [recordProvenance(options).afterDelete] : []),
        queueWebhookDeliveries(options).afterDelete,
        queuePartnerNotices(options).afterDelete,
      ],
      beforeChange: [
        enforceWorkflow,
        stampCreatedBy(options),
        guardOriginChange(options),
        fillAttributionDefaults(options),
        ensureUniqueWithin({
          collection: slug,
          field: 'slug',
          message: 'slugTaken',
          options,
          rank: 0,
          scope: ['language'],
        }),
        ensureUniqueWithin({
          collection: slug,
          field: 'attribution.sourceItemId',
          message: 'sourceItemTaken',
          options,
          rank: 1,
          scope: ['attribution.source'],
        }),
        ensureUniqueWithin({
          collection: slug,
          field: 'language',
          message: 'translationExists',
          options,
          rank: 2,
          scope: ['translationOf'],
        }),
        validateTranslationLink,
        recordPreviousSlugs(options),
        stampPublishedAt,
        checkWorkflowStep(options),
        requireDisclaimerOnPublish(options),
      ],
    },
    indexes: [
      { fields: ['language', 'slug'], unique: true },
      // The section feed: filter, then pinned first, newest first, and Payload's createdAt tie-break,
      // so the database walks the index in order and stops after one page instead of sorting.
      { fields: ['language', 'section', '_status', 'pinned', 'publishedAt', 'createdAt'] },
      // The public lists (feeds, RSS, Atom), of a section or a whole language: every filter column is
      // in the index, so counting and paging never read the articles' rows (which hold their bodies).
      {
        fields: [
          'language',
          'section',
          '_status',
          'workflowState',
          'pinned',
          'publishedAt',
          'createdAt',
        ],
      },
      { fields: ['language', '_status', 'workflowState', 'pinned', 'publishedAt', 'createdAt'] },
      { fields: ['attribution.source', 'attribution.sourceItemId'] },
      // An article's translations, as the public reads them (read access adds `_status`).
      { fields: ['translationOf', '_status'] },
    ],
    labels: { plural: translated('articlePlural'), singular: translated('articleSingular') },
    versions: {
      drafts: { autosave: { interval: 2000 }, schedulePublish: true },
      maxPerDoc: options.maxVersionsPerArticle,
    },
  })
}
