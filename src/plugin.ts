import type {
  CollectionConfig,
  CollectionSlug,
  Config,
  DashboardConfig,
  Field,
  Plugin,
} from 'payload'

import { deepMergeSimple } from 'payload/shared'

import type { NewsroomPluginOptions, ResolvedNewsroomOptions } from './types.ts'

import { createArticlesCollection } from '../collections/Articles/index.ts'
import { createDisclaimersCollection } from '../collections/Disclaimers/index.ts'
import { createSectionsCollection } from '../collections/Sections/index.ts'
import { createSourcesCollection } from '../collections/Sources/index.ts'
import { createWorkflowEventsCollection } from '../collections/WorkflowEvents/index.ts'
import { createIngestRunsCollection } from '../collections/IngestRuns/index.ts'
import { createMediaCollection } from '../collections/Media/index.ts'
import {
  createWebhookDeliveriesCollection,
  createWebhooksCollection,
} from '../collections/Webhooks/index.ts'
import { createWriteLocksCollection } from '../collections/WriteLocks/index.ts'
import { createProvenanceCollection } from '../collections/Provenance/index.ts'
import { createTasksCollection } from '../collections/Tasks/index.ts'
import { createNotificationsCollection } from '../collections/Notifications/index.ts'
import {
  sendNotificationDigestsTask,
  sendNotificationEmailsTask,
} from './notifications/sendNotificationEmails.ts'
import { pruneNotificationsTask } from './notifications/pruneNotifications.ts'
import { warnOfEndingRightsTask } from './notifications/warnOfEndingRights.ts'
import { provenanceSigner } from './provenance/provenanceKeys.ts'
import { contentCredentialsSigner } from './media/contentCredentialsSigner.ts'
import {
  createPartnerDeliveriesCollection,
  createPartnerReceiptsCollection,
  createPartnersCollection,
} from '../collections/Partners/index.ts'
import { deliverWebhookTask } from './delivery/deliverWebhookTask.ts'
import { deliverPartnerNoticeTask } from './partners/deliverPartnerNoticeTask.ts'
import { fanOutPartnerNoticesTask } from './partners/queuePartnerNotices.ts'
import { pollDueFeedsTask, pollFeedTask } from './ingest/pollFeedTask.ts'
import { expireRightsTask } from './workflow/expireRightsTask.ts'
import { generateSummaryTask } from './summaries/generateSummaryTask.ts'
import {
  validateEveryWrite,
  validateFields,
  withoutPluginValidation,
} from './limits/validateEveryWrite.ts'
import { answerMalformedRequests } from './limits/answerMalformedRequests.ts'
import { checkDocumentInput, limitQueries } from './limits/limitRequestInput.ts'
import { readModelQueries } from './delivery/readQueries.ts'
import { authorPageEndpoint } from './delivery/readEndpoints.ts'
import { workflowMutation } from './workflow/workflowMutation.ts'
import {
  refuseUnconfiguredVerification,
  refuseUnconfiguredVerificationMutations,
} from './users/refuseUnconfiguredVerification.ts'
import {
  serialiseSessionMutations,
  serialiseSessionWrites,
} from './transactions/serialiseSessionWrites.ts'
import { expectedUpdatedAtField, requireFreshVersion } from './transactions/requireFreshVersion.ts'
import {
  apiKeyFieldsOffFirstUserPage,
  createUsersCollection,
  loginSafetyHooks,
  makeFirstUserAdmin,
  newsroomUserFields,
} from '../collections/Users/index.ts'
import { grantInitialAdmins } from './users/grantInitialAdmins.ts'
import { fieldLimit, fragmentLimit } from './limits/graphqlLimits.ts'
import {
  answerLockedLoginLikeWrongPasswordInGraphQL,
  withAdminOnlyUnlock,
} from './limits/accountSafety.ts'
import { resolveOptions } from './defaults.ts'
import { assertPluginOptions } from './validateOptions.ts'
import { scheduledPublishTask } from './workflow/scheduledPublishTask.ts'
import { lockContentWrites } from './transactions/lockContentWrites.ts'
import { ensureWriteLock } from './transactions/writeLocks.ts'
import { translated, translations } from './translations/index.ts'
import { claimJobsExclusively } from './transactions/claimJobsExclusively.ts'

/** A host that already has its users collection keeps it; the plugin adds its fields to it. */
/**
 * The host's auth with API keys on (the `ingest` role authenticates with one), unless the host turned
 * them off itself; `true` when the collection had none.
 */
const withAPIKeys = (auth: CollectionConfig['auth']): CollectionConfig['auth'] => {
  if (!auth) {
    return auth
  }
  if (auth === true) {
    return { useAPIKey: true }
  }
  return auth.useAPIKey === undefined ? { ...auth, useAPIKey: true } : auth
}

const mergeUsersCollection = (
  existing: CollectionConfig,
  options: ResolvedNewsroomOptions,
): CollectionConfig => {
  const auth = withAPIKeys(existing.auth)
  const usesAPIKeys = typeof auth === 'object' && auth.useAPIKey === true
  const existingNames = new Set(existing.fields.map((field) => ('name' in field ? field.name : '')))
  const added = [
    ...newsroomUserFields(),
    ...(usesAPIKeys ? apiKeyFieldsOffFirstUserPage() : []),
  ].filter((field) => !('name' in field) || !existingNames.has(field.name))
  // Our roles, so our rule for the first account: it administers the newsroom.
  const addsRoles = !existingNames.has('roles')
  // A host's own users collection keeps its hooks; the plugin's are added unless it is disabled.
  const safety = options.disabled ? {} : loginSafetyHooks(options)
  return {
    ...existing,
    // The host's own unlock rule wins; without one, only admins undo a lockout.
    access: withAdminOnlyUnlock(existing.access),
    auth,
    // The author pages, beside the host's own endpoints (none if it turned them off).
    endpoints:
      existing.endpoints === false || options.disabled
        ? existing.endpoints
        : [...(existing.endpoints ?? []), authorPageEndpoint(options)],
    fields: [
      ...existing.fields,
      ...(options.disabled
        ? withoutPluginValidation(added)
        : validateFields(added, options.inputLimits)),
    ],
    hooks: {
      ...existing.hooks,
      beforeChange: [
        ...(existing.hooks?.beforeChange ?? []),
        ...(addsRoles ? [makeFirstUserAdmin(existing.slug)] : []),
      ],
      afterError: [...(existing.hooks?.afterError ?? []), ...(safety.afterError ?? [])],
      beforeOperation: [
        ...(safety.beforeOperation ?? []),
        ...(options.disabled ? [] : [lockContentWrites(options)]),
        ...(existing.hooks?.beforeOperation ?? []),
      ],
    },
  }
}

/**
 * Our strings for every language the host's admin speaks: ours where we have them (English, French),
 * else the host's fallback language's, else English. Payload has no per-key fallback, so a language
 * left out would show raw keys (`newsroom:tabContent`) and untranslated error messages.
 */
const translationsFor = (config: Config): Record<string, object> => {
  const ours: Record<string, object> = translations
  const fallback = ours[config.i18n?.fallbackLanguage ?? 'en'] ?? translations.en
  const hostLanguages = Object.keys(config.i18n?.supportedLanguages ?? { en: true })
  return Object.fromEntries(
    [...new Set([...Object.keys(ours), ...hostLanguages])].map((language) => [
      language,
      ours[language] ?? fallback,
    ]),
  )
}

/**
 * `disabled`, decided here only: a collection keeps its schema (fields, slug, admin components: no
 * migration, the same import map and types) and loses every behaviour the plugin gave it, its hooks,
 * endpoints, previews and its fields' rules and hooks.
 */
const withoutBehaviour = (collection: CollectionConfig, fields: Field[]): CollectionConfig => ({
  ...collection,
  admin: { ...collection.admin, livePreview: undefined, preview: undefined },
  endpoints: [],
  fields: withoutPluginValidation(fields),
  hooks: {},
})

/** Even when disabled, the first account of a fresh install is made its administrator (or nobody is). */
const keepFirstUserAdmin = (
  users: CollectionConfig,
  options: ResolvedNewsroomOptions,
): CollectionConfig =>
  options.disabled ? { ...users, hooks: { beforeChange: [makeFirstUserAdmin(users.slug)] } } : users

/**
 * Input checks on one of the plugin's collections: REST and GraphQL queries bounded, written documents
 * (and their rich text) checked before Payload reads them, every field validated on every write.
 */
const checkInput = (
  collection: CollectionConfig,
  options: ResolvedNewsroomOptions,
  {
    bodyField,
    lockWrites = false,
    systemWritten = false,
  }: { bodyField?: string; lockWrites?: boolean; systemWritten?: boolean } = {},
): CollectionConfig => {
  // The body's internal links may point at articles only (the editor's LinkFeature says the same),
  // and its images at the media library only (its UploadFeature).
  const linkCollections = [options.collections.articles.slug]
  const uploadCollections = [options.collections.media.slug]
  // Content the desk edits says which version a write was made from (see requireFreshVersion); kept
  // when disabled, as every field is, so the schema does not change.
  const fields = lockWrites ? [...collection.fields, expectedUpdatedAtField] : collection.fields
  if (options.disabled) {
    return withoutBehaviour(collection, fields)
  }
  const limits = options.inputLimits
  return validateEveryWrite(
    {
      ...collection,
      fields,
      hooks: {
        ...collection.hooks,
        beforeChange: [
          ...(lockWrites ? [requireFreshVersion(options)] : []),
          ...(collection.hooks?.beforeChange ?? []),
        ],
        beforeOperation: [
          limitQueries(limits, options.rateLimit),
          checkDocumentInput({ bodyField, limits, linkCollections, uploadCollections }),
          // A write locks what it changes, across app instances: after the input checks (bad input
          // waits for no one), before the operation reads the document.
          ...(lockWrites ? [lockContentWrites(options)] : []),
          ...(collection.hooks?.beforeOperation ?? []),
        ],
      },
    },
    limits,
    // Only server code writes the audit trail, from documents it has just written.
    { checkRelations: !systemWritten },
  )
}

/**
 * The newsroom plugin: articles (own and syndicated), sections, disclaimers, third-party sources and
 * users with roles, translated into English and French.
 */
/** The desk's dashboard widget (`payload-newsroom/rsc#NewsroomDesk`). */
export const newsroomDeskWidgetSlug = 'newsroom-desk'

/**
 * The dashboard with the newsroom desk: the widget added to the host's, and, unless the host chose its
 * own default layout, the desk first and Payload's collection cards under it.
 */
const withNewsroomDesk = (
  dashboard: DashboardConfig | undefined,
  options: ResolvedNewsroomOptions,
): DashboardConfig => ({
  ...dashboard,
  // Widget slugs are typed from the host's generated types, which may not know ours yet.
  defaultLayout:
    dashboard?.defaultLayout ??
    (options.disabled
      ? undefined
      : [
          { widgetSlug: newsroomDeskWidgetSlug, width: 'full' },
          { widgetSlug: 'collections', width: 'full' },
        ]),
  widgets: [
    ...(dashboard?.widgets ?? []),
    {
      slug: newsroomDeskWidgetSlug,
      Component: 'payload-newsroom/rsc#NewsroomDesk',
      label: translated('deskWidget'),
      minWidth: 'medium',
    },
  ],
})

export const newsroomPlugin =
  (pluginOptions: NewsroomPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    assertPluginOptions(pluginOptions, incomingConfig)
    const options = resolveOptions(pluginOptions, incomingConfig)
    const usersSlug = options.collections.users.slug

    const hostCollections = incomingConfig.collections ?? []
    const hostHasUsers = hostCollections.some((collection) => collection.slug === usersSlug)

    const collections: CollectionConfig[] = [
      ...hostCollections.map((collection) =>
        collection.slug === usersSlug ? mergeUsersCollection(collection, options) : collection,
      ),
      // Author names show on public pages: a user write renews the content revision too.
      ...(hostHasUsers
        ? []
        : [
            keepFirstUserAdmin(
              checkInput(createUsersCollection(options), options, { lockWrites: true }),
              options,
            ),
          ]),
      checkInput(createArticlesCollection(options), options, {
        bodyField: 'body',
        lockWrites: true,
      }),
      checkInput(createSectionsCollection(options), options, { lockWrites: true }),
      checkInput(createDisclaimersCollection(options), options, { lockWrites: true }),
      checkInput(createSourcesCollection(options), options, { lockWrites: true }),
      checkInput(createWorkflowEventsCollection(options), options, { systemWritten: true }),
      checkInput(createWebhooksCollection(options), options),
      checkInput(createWebhookDeliveriesCollection(options), options, { systemWritten: true }),
      checkInput(createIngestRunsCollection(options), options, { systemWritten: true }),
      checkInput(createPartnersCollection(options), options),
      checkInput(createPartnerReceiptsCollection(options), options, { systemWritten: true }),
      checkInput(createPartnerDeliveriesCollection(options), options, { systemWritten: true }),
      checkInput(createProvenanceCollection(options), options, { systemWritten: true }),
      checkInput(createTasksCollection(options), options),
      checkInput(createNotificationsCollection(options), options, { systemWritten: true }),
      // What the publish rules read of an image (alt, credit, rights) changes one writer at a time too.
      checkInput(createMediaCollection(options), options, { lockWrites: true }),
      createWriteLocksCollection(options),
    ]

    return {
      ...incomingConfig,
      admin: {
        ...incomingConfig.admin,
        // The bell, beside the host's own header actions (registered even when disabled: it then shows nothing).
        components: {
          ...incomingConfig.admin?.components,
          actions: [
            ...(incomingConfig.admin?.components?.actions ?? []),
            {
              clientProps: {
                articles: options.collections.articles.slug,
                notifications: options.collections.notifications.slug,
              },
              path: 'payload-newsroom/client#NotificationBell',
            },
          ],
        },
        // The widget is registered even when disabled (it is in the generated types); it then shows nothing.
        dashboard: withNewsroomDesk(incomingConfig.admin?.dashboard, options),
        user: incomingConfig.admin?.user ?? usersSlug,
      },
      collections: options.disabled
        ? collections
        : collections.map((collection) =>
            serialiseSessionWrites(refuseUnconfiguredVerification(collection)),
          ),
      // The resolved options, for scripts and endpoints that run outside the hooks (compliance check).
      custom: { ...incomingConfig.custom, newsroom: options },
      graphQL: options.disabled
        ? incomingConfig.graphQL
        : {
            ...incomingConfig.graphQL,
            mutations: (GraphQL, payload) => ({
              ...refuseUnconfiguredVerificationMutations(GraphQL, payload),
              ...serialiseSessionMutations(payload),
              ...(incomingConfig.graphQL?.mutations?.(GraphQL, payload) ?? {}),
              articleWorkflow: workflowMutation(GraphQL, payload, options),
            }),
            queries: (GraphQL, payload) => ({
              ...(incomingConfig.graphQL?.queries?.(GraphQL, payload) ?? {}),
              ...readModelQueries(GraphQL, options),
            }),
            // Fragment and field bounds for any host (each counts once per request, so a host listing
            // them too is harmless): Payload's complexity rule would otherwise walk a fragment cycle
            // or chain until the stack overflows.
            validationRules: (args) => [
              fragmentLimit(),
              fieldLimit(Math.max(2_000, 2 * (incomingConfig.graphQL?.maxComplexity ?? 1_000))),
              ...(incomingConfig.graphQL?.validationRules?.(args) ?? []),
            ],
          },
      hooks: options.disabled
        ? incomingConfig.hooks
        : {
            ...incomingConfig.hooks,
            afterError: [
              ...(incomingConfig.hooks?.afterError ?? []),
              answerMalformedRequests,
              answerLockedLoginLikeWrongPasswordInGraphQL,
            ],
          },
      onInit: async (payload) => {
        await incomingConfig.onInit?.(payload)
        if (!options.disabled) {
          await ensureWriteLock(payload, options)
          await claimJobsExclusively(payload, options)
          if (options.provenance.enabled) {
            // Loads the signing key now: production without one refuses to start. The images'
            // certificate is optional: its absence is said once, here.
            await provenanceSigner(payload, options)
            await contentCredentialsSigner(payload, options)
          }
        }
        await grantInitialAdmins(payload, options)
      },
      // Registered even when disabled (the tasks are part of the jobs collection's schema), unscheduled.
      jobs: {
        ...incomingConfig.jobs,
        tasks: [
          ...(incomingConfig.jobs?.tasks ?? []),
          ...[
            scheduledPublishTask(options),
            deliverWebhookTask(options),
            fanOutPartnerNoticesTask(options),
            deliverPartnerNoticeTask(options),
            pollFeedTask(options),
            pollDueFeedsTask(options),
            generateSummaryTask(options),
            expireRightsTask(options),
            sendNotificationEmailsTask(options),
            sendNotificationDigestsTask(options),
            pruneNotificationsTask(options),
            warnOfEndingRightsTask(options),
          ].map((task) => (options.disabled ? { ...task, schedule: [] } : task)),
        ],
      },
      i18n: {
        ...incomingConfig.i18n,
        translations: deepMergeSimple(
          translationsFor(incomingConfig),
          incomingConfig.i18n?.translations ?? {},
        ),
      },
    }
  }
