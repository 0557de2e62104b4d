import type { CollectionSlug, Config, PayloadRequest } from 'payload'

import type {
  CollectionOverride,
  InputLimits,
  NewsroomCollectionKey,
  NewsroomPluginOptions,
  ResolvedCollectionOptions,
  ResolvedNewsroomOptions,
  ResolvedRateLimits,
  SummaryOptions,
} from './types.ts'

import { limitPublicReads } from './limits/accountSafety.ts'
import { extractiveSummary } from './summaries/extractiveSummary.ts'
import { clientAddress } from './limits/rateLimit.ts'
import { defaultAiCrawlers } from './rules/textAndDataMining.ts'

/** The plugin's defaults, all in one place. */

/** The Disclaimer page of the reference frontend: `/fr/avertissement`, `/en/disclaimer`. */
export const defaultDisclaimerPagePath = (language: string) =>
  language === 'fr' ? '/fr/avertissement' : `/${language}/disclaimer`

/** The plugin's collections, in the order of their default slugs. */
export const newsroomCollectionKeys = [
  'articles',
  'disclaimers',
  'ingestRuns',
  'media',
  'notifications',
  'partnerDeliveries',
  'partnerReceipts',
  'partners',
  'provenance',
  'sections',
  'sources',
  'tasks',
  'users',
  'webhookDeliveries',
  'webhooks',
  'workflowEvents',
  'writeLocks',
] as const satisfies readonly NewsroomCollectionKey[]

/** A collection left out of `newsroomCollectionKeys`: none, or its default slug below fails to compile. */
type UnlistedCollectionKey = Exclude<NewsroomCollectionKey, (typeof newsroomCollectionKeys)[number]>

export const defaultCollectionSlugs: Record<NewsroomCollectionKey, string> &
  Record<UnlistedCollectionKey, never> = {
  articles: 'articles',
  disclaimers: 'disclaimers',
  ingestRuns: 'newsroom-ingest-runs',
  media: 'media',
  notifications: 'newsroom-notifications',
  partnerDeliveries: 'newsroom-partner-deliveries',
  partnerReceipts: 'newsroom-partner-receipts',
  partners: 'partners',
  provenance: 'newsroom-provenance',
  sections: 'sections',
  sources: 'sources',
  tasks: 'newsroom-tasks',
  users: 'users',
  webhookDeliveries: 'newsroom-webhook-deliveries',
  webhooks: 'newsroom-webhooks',
  workflowEvents: 'workflow-events',
  writeLocks: 'newsroom-write-locks',
}
export const defaultLanguages = ['fr', 'en']
export const defaultDisclaimerKeys = {
  'ai-generated': 'ai-generated',
  'not-financial-advice': 'not-financial-advice',
  'third-party': 'third-party-content',
} as const
export const defaultMaxVersionsPerArticle = 50
/** Webhook deliveries: 6 attempts over about 16 minutes (30 s, 1, 2, 4 and 8 min between them). */
export const defaultWebhookOptions = {
  backoffMs: 30_000,
  queue: 'default',
  retries: 5,
  timeoutMs: 10_000,
} as const
/** Ingest: bodies a long wire story fits in many times over, feeds of a few hundred items. */
export const defaultIngestOptions = {
  maxBodyBytes: 500_000,
  maxFeedBytes: 5 * 1024 * 1024,
  maxImagesPerItem: 5,
  maxItemsPerRequest: 500,
  pollSchedule: '* * * * *',
  queue: 'default',
  timeoutMs: 15_000,
} as const
/** Uploads: a press photo at full resolution fits; a decompression bomb does not. */
export const defaultMediaOptions = {
  maxFileBytes: 10 * 1024 * 1024,
  maxPixels: 50_000_000,
} as const
/** Licences: checked every minute (an indexed query when nothing expires), warned a week ahead. */
export const defaultLicenceOptions = {
  expirySchedule: '* * * * *',
  expiryWarningDays: 7,
  queue: 'default',
} as const
/** Notifications: emailed from the default queue, retried three times; the digest at 07:00; kept 90 days. */
export const defaultNotificationOptions = {
  digestSchedule: '0 7 * * *',
  keepDays: 90,
  queue: 'default',
  retries: 3,
} as const
/** Summaries: a few sentences, generated in the background and retried three times. */
export const defaultSummaryOptions = { maxLength: 300, queue: 'default', retries: 3 } as const
export const extractiveSummaryModel = 'newsroom-extractive-1'

const resolveSummaries = (
  given: NewsroomPluginOptions['summaries'] = {},
): Required<SummaryOptions> => {
  const maxLength = given.maxLength ?? defaultSummaryOptions.maxLength
  return {
    ...defaultSummaryOptions,
    ...given,
    maxLength,
    summarize:
      given.summarize ??
      // eslint-disable-next-line @typescript-eslint/require-await -- a provider answers with a promise; this one has nothing to wait for
      (async ({ language, text }) => ({
        model: extractiveSummaryModel,
        text: extractiveSummary({ language, maxLength, text }),
      })),
  }
}
/** Public reads: a CDN may serve one a minute old, and a stale one for five more while it refetches. */
export const defaultCache = { sMaxAge: 60, staleWhileRevalidate: 300 } as const
/** Bounds on input and queries (documented in the README's "Input limits"). */
export const defaultInputLimits: InputLimits = {
  body: { maxDepth: 12, maxNodes: 5_000, maxTextLength: 300_000 },
  jsonLength: 100_000,
  noteLength: 2_000,
  // 250: the page Payload's own admin asks for when it loads relationship cells.
  query: { maxDepth: 5, maxLimit: 250, maxPage: 10_000 },
  rows: 100,
  textareaLength: 10_000,
  textLength: 500,
  where: { maxDepth: 6, maxListLength: 200, maxValueLength: 1_000 },
}

const resolveInputLimits = (given: NewsroomPluginOptions['inputLimits'] = {}): InputLimits => ({
  ...defaultInputLimits,
  ...given,
  body: { ...defaultInputLimits.body, ...given.body },
  query: { ...defaultInputLimits.query, ...given.query },
  where: { ...defaultInputLimits.where, ...given.where },
})

export const defaultRateLimits = {
  login: { max: 30, windowMs: 60_000 },
  publicReads: { max: 600, windowMs: 60_000 },
  trustedProxies: 1,
} as const

const resolveRateLimits = (given: NewsroomPluginOptions['rateLimit']): ResolvedRateLimits => {
  const options =
    given === false ? { login: false as const, publicReads: false as const } : (given ?? {})
  const trustedProxies = options.trustedProxies ?? defaultRateLimits.trustedProxies
  const partial = {
    clientKey: options.clientKey ?? ((req: PayloadRequest) => clientAddress(req, trustedProxies)),
    login: options.login ?? defaultRateLimits.login,
    publicReads: options.publicReads ?? defaultRateLimits.publicReads,
  }
  return { ...partial, checkPublicRead: limitPublicReads(partial) }
}

const resolveCollection = (
  override: CollectionOverride | undefined,
  defaultSlug: string,
): ResolvedCollectionOptions => ({
  overrides: override?.overrides ?? ((collection) => collection),
  // The one cast of a slug: the host names it, and Payload types slugs from the host's generated types.
  slug: override?.slug ?? defaultSlug,
})

/** Every collection's slug and overrides, in the order of `newsroomCollectionKeys`. */
const resolveCollections = (
  given: NewsroomPluginOptions['collections'],
): Record<NewsroomCollectionKey, ResolvedCollectionOptions> => {
  const resolve = (key: NewsroomCollectionKey) =>
    resolveCollection(given?.[key], defaultCollectionSlugs[key])
  return {
    articles: resolve('articles'),
    disclaimers: resolve('disclaimers'),
    ingestRuns: resolve('ingestRuns'),
    media: resolve('media'),
    notifications: resolve('notifications'),
    partnerDeliveries: resolve('partnerDeliveries'),
    partnerReceipts: resolve('partnerReceipts'),
    partners: resolve('partners'),
    provenance: resolve('provenance'),
    sections: resolve('sections'),
    sources: resolve('sources'),
    tasks: resolve('tasks'),
    users: resolve('users'),
    webhookDeliveries: resolve('webhookDeliveries'),
    webhooks: resolve('webhooks'),
    workflowEvents: resolve('workflowEvents'),
    writeLocks: resolve('writeLocks'),
  }
}

const configLanguages = (config: Config | undefined): string[] | undefined =>
  config?.localization
    ? config.localization.locales.map((locale) =>
        typeof locale === 'string' ? locale : locale.code,
      )
    : undefined

export const resolveOptions = (
  options: NewsroomPluginOptions = {},
  config?: Config,
): ResolvedNewsroomOptions => ({
  autoAttachDisclaimers: options.autoAttachDisclaimers ?? true,
  collections: resolveCollections(options.collections),
  defaultDisclaimerKeys: options.defaultDisclaimerKeys ?? defaultDisclaimerKeys,
  disabled: options.disabled ?? false,
  frontend: {
    articlePath:
      options.frontend?.articlePath ?? ((language, slug) => `/${language}/articles/${slug}`),
    authorPagePath:
      options.frontend?.authorPagePath ?? ((language, slug) => `/${language}/authors/${slug}`),
    cache: { ...defaultCache, ...options.frontend?.cache },
    correctionsPagePath:
      options.frontend?.correctionsPagePath ?? ((language) => `/${language}/corrections`),
    disclaimerPagePath: options.frontend?.disclaimerPagePath ?? defaultDisclaimerPagePath,
    previewPath: options.frontend?.previewPath ?? '/preview',
    publisher: options.frontend?.publisher ?? { name: 'Newsroom' },
    siteUrl: (options.frontend?.siteUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    textAndDataMining: {
      crawlers: options.frontend?.publisher?.textAndDataMining?.crawlers ?? defaultAiCrawlers,
      policyUrl: options.frontend?.publisher?.textAndDataMining?.policyUrl ?? null,
      reserved: options.frontend?.publisher?.textAndDataMining?.reserved ?? true,
    },
    timeZone: options.frontend?.timeZone ?? 'UTC',
  },
  initialAdmins: (options.initialAdmins ?? []).map((email) => email.trim().toLowerCase()),
  inputLimits: resolveInputLimits(options.inputLimits),
  languages: options.languages ?? configLanguages(config) ?? defaultLanguages,
  maxVersionsPerArticle: options.maxVersionsPerArticle ?? defaultMaxVersionsPerArticle,
  rateLimit: resolveRateLimits(options.rateLimit),
  webhooks: { ...defaultWebhookOptions, ...options.webhooks },
  ingest: { ...defaultIngestOptions, ...options.ingest },
  summaries: resolveSummaries(options.summaries),
  licences: { ...defaultLicenceOptions, ...options.licences },
  media: { ...defaultMediaOptions, ...options.media },
  notifications: {
    ...defaultNotificationOptions,
    ...(options.notifications === false ? {} : options.notifications),
    enabled: options.notifications !== false,
  },
  outbound: { allowAddresses: options.outbound?.allowAddresses ?? [] },
  provenance: {
    contentCredentials:
      options.provenance === false ? false : options.provenance?.contentCredentials,
    enabled: options.provenance !== false,
    keys: options.provenance === false ? undefined : options.provenance?.keys,
  },
})
