import type { CollectionConfig, CollectionSlug, PayloadRequest } from 'payload'

/** Roles the plugin knows. `ingest` is for machine clients (API keys) that deliver syndicated drafts. */
export const newsroomRoles = ['admin', 'editor', 'writer', 'ingest'] as const
export type NewsroomRole = (typeof newsroomRoles)[number]

/** Kinds of disclaimer newsrooms show; sections and the publish rules require them by kind. */
export const disclaimerKinds = [
  'third-party',
  'not-financial-advice',
  'ai-generated',
  'sponsored',
  'regulatory',
] as const
export type DisclaimerKind = (typeof disclaimerKinds)[number]

export const sourceCategories = [
  'wire',
  'partner',
  'aggregator',
  'press-release',
  'user-generated',
  'staff',
] as const

/** How a syndicated item was turned into our article. */
export const transformations = [
  'verbatim',
  'excerpt',
  'translated',
  'summarised',
  'rewritten',
] as const

/** What happens to a published piece when our rights to it expire (a source's licence decides). */
export const rightsExpiryActions = ['unpublish', 'retract'] as const

/** What search engines are told: our URL, the original's, or not to index the copy (Google News' advice for syndication). */
export const canonicalStrategies = ['self', 'original', 'noindex'] as const
export type CanonicalStrategy = (typeof canonicalStrategies)[number]

/** Bounds on what one request may write or ask for (README: "Input limits"). */
export type InputLimits = {
  /** Nodes, nesting and characters of text in one article body. */
  body: LexicalDocumentLimits
  /** Characters of a `json` field, serialised. */
  jsonLength: number
  /** Rows of an array, values of a hasMany field, unless the field says otherwise. */
  rows: number
  /** Characters of a text field without its own `maxLength`. */
  textLength: number
  /** Characters of a textarea without its own `maxLength`. */
  textareaLength: number
  /** REST and GraphQL reads: page size, page number and population depth. */
  query: { maxDepth: number; maxLimit: number; maxPage: number }
  /** `where` clauses: nesting of and/or, values in one `in` list, characters of one value. */
  where: { maxDepth: number; maxListLength: number; maxValueLength: number }
  /** Characters of a workflow note. */
  noteLength: number
}

export type RateLimitWindow = { max: number; windowMs: number }

export type RateLimitOptions = {
  /** Who a request comes from. Default: the address `trustedProxies` hops from the right of `x-forwarded-for`. */
  clientKey?: (req: PayloadRequest) => string
  /** Login attempts per client (an office behind one address counts as one). Default 30 a minute; `false` turns it off. */
  login?: false | RateLimitWindow
  /** Anonymous REST and GraphQL reads of the plugin's collections and its read endpoints. Default 600 a minute. */
  publicReads?: false | RateLimitWindow
  /** Proxies in front of the app that append to `x-forwarded-for` (Next.js's own server counts as none). Default 1. */
  trustedProxies?: number
}

export type ResolvedRateLimits = {
  /** Counts an anonymous REST or GraphQL read; past the limit, throws a 429. */
  checkPublicRead: (req: PayloadRequest) => void
  clientKey: (req: PayloadRequest) => string
  login: false | RateLimitWindow
  publicReads: false | RateLimitWindow
}

export type CollectionOverride = {
  /** Change the collection's slug, for hosts that already use the default one. */
  slug?: string
  /** Last word on the generated collection, applied after the plugin built it. */
  overrides?: (collection: CollectionConfig) => CollectionConfig
}

export type NewsroomCollectionKey =
  | 'articles'
  | 'disclaimers'
  | 'ingestRuns'
  | 'media'
  | 'notifications'
  | 'partnerDeliveries'
  | 'partnerReceipts'
  | 'partners'
  | 'provenance'
  | 'sections'
  | 'sources'
  | 'tasks'
  | 'users'
  | 'webhookDeliveries'
  | 'webhooks'
  | 'workflowEvents'
  | 'writeLocks'

export type FrontendOptions = {
  /** Path of an article page on the public site. Default `/${language}/articles/${slug}`. */
  articlePath?: (language: string, slug: string) => string
  /** Path of an author's page (their `authorSlug`) in a language. Default `/${language}/authors/${slug}`. */
  authorPagePath?: (language: string, slug: string) => string
  /** Path of the public list of corrections in a language. Default `/${language}/corrections`. */
  correctionsPagePath?: (language: string) => string
  /** Path of the Disclaimer page in a language. Default `/fr/avertissement`, else `/${language}/disclaimer`. */
  disclaimerPagePath?: (language: string) => string
  /** Path of the frontend's preview route, which takes `?token=` (see `loadArticlePreview`). Default `/preview`. */
  previewPath?: string
  /** How long a CDN may hold public reads (seconds). Default `{ sMaxAge: 60, staleWhileRevalidate: 300 }`. */
  cache?: Partial<ResolvedCacheOptions>
  /**
   * The publisher named in JSON-LD and page heads: its logo (Google asks for one on news articles)
   * and the image pages share when an article has none.
   */
  publisher?: PublisherOptions
  /** The public site's origin, for absolute URLs in JSON-LD. Default `http://localhost:3000`. */
  siteUrl?: string
  /** The newsroom's time zone (IANA), in which pages show dates and times. Default `UTC`. */
  timeZone?: string
}

export type ResolvedFrontendOptions = {
  articlePath: (language: string, slug: string) => string
  authorPagePath: (language: string, slug: string) => string
  cache: ResolvedCacheOptions
  correctionsPagePath: (language: string) => string
  disclaimerPagePath: (language: string) => string
  previewPath: string
  publisher: PublisherOptions
  siteUrl: string
  textAndDataMining: ResolvedTextAndDataMining
  timeZone: string
}

export type PublisherOptions = {
  /** Shared by pages of articles without an image of their own (Open Graph, Twitter, JSON-LD). */
  defaultImage?: { alt: string; height: number; url: string; width: number }
  logoUrl?: string
  name: string
  /**
   * Where the newsroom says who it is and how it works (absolute URLs): named in JSON-LD as a
   * `NewsMediaOrganization` and listed on the Disclaimer page.
   */
  policies?: Partial<Record<TrustPolicy, string>>
  /**
   * The lines of the site's trust.txt (JournalList's format): the organisations it belongs to,
   * controls or is controlled by, its memberships, social accounts, contacts, disclosures, and
   * whether its content may train AI models (`datatrainingallowed`).
   */
  trustTxt?: TrustTxtOptions
  /**
   * Whether our own articles may be mined for text and data or AI training (syndicated ones follow
   * their source's licence): said by TDMRep headers, `<meta>` and `/.well-known/tdmrep.json`, and by
   * robots.txt to AI crawlers.
   */
  textAndDataMining?: TextAndDataMiningOptions
  url?: string
}

export type TextAndDataMiningOptions = {
  /** The AI crawlers robots.txt keeps off reserved content (user-agent tokens). Default `defaultAiCrawlers`. */
  crawlers?: string[]
  /** Where the terms on which mining may be licensed are (TDMRep's `tdm-policy`, an http(s) URL). */
  policyUrl?: string
  /** Whether our own articles are reserved. Default true: the rights holder's opt-out. */
  reserved?: boolean
}

export type ResolvedTextAndDataMining = {
  /** AI crawlers robots.txt names. */
  crawlers: readonly string[]
  /** Where the publisher says on which terms mining may be licensed (TDMRep's `tdm-policy`). */
  policyUrl: null | string
  /** Whether our own content is reserved. */
  reserved: boolean
}

/** The policies schema.org's `NewsMediaOrganization` names, in the order pages list them. */
export const trustPolicies = [
  'publishingPrinciples',
  'correctionsPolicy',
  'ethicsPolicy',
  'masthead',
  'diversityPolicy',
  'ownershipFundingInfo',
  'actionableFeedbackPolicy',
] as const
export type TrustPolicy = (typeof trustPolicies)[number]

/** trust.txt's variables that list URLs (or, for `contact`, addresses), each line once per value. */
export const trustTxtLists = [
  'belongto',
  'control',
  'controlledby',
  'member',
  'social',
  'contact',
  'disclosure',
  'vendor',
  'customer',
] as const
export type TrustTxtOptions = Partial<Record<(typeof trustTxtLists)[number], string[]>> & {
  datatrainingallowed?: boolean
}

export type ResolvedCacheOptions = { sMaxAge: number; staleWhileRevalidate: number }

export type WebhookOptions = {
  /** First wait before a failed delivery is tried again (ms); each retry waits twice as long. Default 30,000. */
  backoffMs?: number
  /** The jobs queue deliveries go to (a worker must run it). Default `default`. */
  queue?: string
  /** Retries after a failed attempt before the delivery is `failed`. Default 5. */
  retries?: number
  /** How long one attempt waits for the receiver's answer (ms). Default 10,000. */
  timeoutMs?: number
}

export type IngestOptions = {
  /** Bytes of one item's body (HTML or Markdown). Default 500,000. */
  maxBodyBytes?: number
  /** Bytes of one fetched feed. Default 5 MiB. */
  maxFeedBytes?: number
  /** Images recorded from one item (the first is its featured image, the rest close its body); 0 records none. Default 5. */
  maxImagesPerItem?: number
  /** Items in one API call. Default 500. */
  maxItemsPerRequest?: number
  /** The jobs queue feed polls run on (a worker must run it). Default `default`. */
  queue?: string
  /** Cron of the task that queues a poll of each source whose feed is due. Default every minute. */
  pollSchedule?: string
  /** How long one feed fetch may take (ms). Default 15,000. */
  timeoutMs?: number
}

/** What a summary provider is given: the article's text in its language. */
export type SummaryInput = { language: string; standfirst: string; text: string; title: string }
/** A newsroom's summariser (its LLM service, say): the summary's text and the model that wrote it. */
export type SummaryProvider = (input: SummaryInput) => Promise<{ model: string; text: string }>

export type SummaryOptions = {
  /** Characters of a summary (the default provider's limit; a provider's text is cut at twice this). Default 300. */
  maxLength?: number
  /** The jobs queue generations run on. Default `default`. */
  queue?: string
  /** Retries of a failed generation before the summary is `failed`. Default 3. */
  retries?: number
  /** The provider. Default: an extractive summary (no network, no model), `newsroom-extractive-1`. */
  summarize?: SummaryProvider
}

export type MediaOptions = {
  /** Largest upload, in bytes. Default 10 MiB. */
  maxFileBytes?: number
  /** Largest image, in pixels (width × height): a decompression bomb is refused. Default 50 million. */
  maxPixels?: number
}

export type LicenceOptions = {
  /** Cron schedule of the task that takes down published pieces whose rights expired. Default every minute. */
  expirySchedule?: string
  /** Days ahead the compliance check and the article panel warn of rights expiring. Default 7. */
  expiryWarningDays?: number
  /** The jobs queue the expiry task runs on. Default `default`. */
  queue?: string
}

export type NotificationOptions = {
  /** Cron schedule of the daily digest email (server time). Default `0 7 * * *`, 07:00. */
  digestSchedule?: string
  /** Days a notification is kept, read or not; older ones are deleted (hourly, in batches). Default 90. */
  keepDays?: number
  /** The jobs queue notification emails are sent from. Default `default`. */
  queue?: string
  /** Retries of an email the mail server refused before it is `failed`. Default 3. */
  retries?: number
}

export type NewsroomPluginOptions = {
  /**
   * Before the publish rules are checked, fill each missing required disclaimer kind from the
   * defaults: the source's, then the section's, then `defaultDisclaimerKeys`. Default true.
   */
  autoAttachDisclaimers?: boolean
  collections?: Partial<Record<NewsroomCollectionKey, CollectionOverride>>
  /** The newsroom-wide default disclaimer per kind, by key: the last resort of auto-attach. */
  defaultDisclaimerKeys?: Partial<Record<DisclaimerKind, string>>
  /** What the frontend read model needs to know about the public site. */
  frontend?: FrontendOptions
  /**
   * Keep the schema (collections and fields, so the database and the generated types do not change)
   * but skip the plugin's behaviour: hooks, validation rules and endpoints.
   */
  disabled?: boolean
  /**
   * The languages an article can be written in. Defaults to the config's localization locales
   * (or `['fr', 'en']` without localization).
   */
  languages?: string[]
  /** Versions kept per article (drafts and autosaves included). Default 50. */
  maxVersionsPerArticle?: number
  /**
   * Emails of users made administrators when the app starts, unless they already are one: how a host
   * whose users existed before the plugin (and so hold no newsroom role) gets its first admins.
   * Default none; a fresh install needs none (its first account is made an administrator).
   */
  initialAdmins?: string[]
  /**
   * In-memory rate limits on logins and anonymous reads, per client and per app instance (README:
   * "Request limits and account safety"). `false` turns both off.
   */
  rateLimit?: false | RateLimitOptions
  /** Outgoing webhooks of publish events (README: "Publish events"). */
  webhooks?: WebhookOptions
  /** Syndication ingest: the API, feed polling and their limits (README: "Syndication ingest"). */
  ingest?: IngestOptions
  /** AI summaries generated by the jobs queue (README: "AI summaries"). */
  summaries?: SummaryOptions
  /** Licence expiry of syndicated pieces (README: "Embargoes and licences"). */
  licences?: LicenceOptions
  /** Image uploads (README: "Images"). */
  media?: MediaOptions
  /**
   * Outgoing requests (feed polls, webhook deliveries) reach public addresses only. `allowAddresses`
   * lists addresses or CIDR ranges they may reach besides (`['127.0.0.1']` for a receiver on the same
   * machine, `['10.0.0.0/8']` for a private network). Default none.
   */
  outbound?: { allowAddresses?: string[] }
  /**
   * Signed provenance manifests of every publication (docs/provenance.md). `false` writes none.
   */
  provenance?: false | ProvenanceOptions
  /**
   * Notifications of the desk's events under the admin's bell and by email, through Payload's email
   * adapter (docs/workflow.md, "Notifications"). `false` sends none.
   */
  notifications?: false | NotificationOptions
  /** Bounds on input and queries; each one given replaces its default (see `defaultInputLimits`). */
  inputLimits?: {
    [K in keyof InputLimits]?: InputLimits[K] extends object
      ? Partial<InputLimits[K]>
      : InputLimits[K]
  }
}

export type ProvenanceOptions = {
  /**
   * Ed25519 keys as JWKs (a JWK set `{"keys":[…]}`, an array, or the JSON of either). The first
   * private key signs; every key's public part stays in the key set, so a rotated key still
   * verifies what it signed. Default: the `NEWSROOM_PROVENANCE_KEYS` environment variable. Without
   * a private key, development signs with a key generated per process (and warns); production
   * refuses to start.
   */
  keys?: string | unknown[] | { keys: unknown[] }
  /**
   * C2PA content credentials embedded in our own images (JPEG, PNG) on upload: a certificate chain
   * (PEM, the signer's certificate first) and its Ed25519 private key (PKCS#8 PEM). Default: the
   * `NEWSROOM_C2PA_CERTIFICATE` and `NEWSROOM_C2PA_PRIVATE_KEY` environment variables; without them,
   * development signs with a certificate authority generated per process (and warns), production
   * stores images unsigned. `false` never signs.
   */
  contentCredentials?: false | { certificateChain?: string; privateKey?: string }
}

export type ResolvedCollectionOptions = {
  overrides: (collection: CollectionConfig) => CollectionConfig
  slug: CollectionSlug
}

export type ResolvedNewsroomOptions = {
  autoAttachDisclaimers: boolean
  collections: Record<NewsroomCollectionKey, ResolvedCollectionOptions>
  defaultDisclaimerKeys: Partial<Record<DisclaimerKind, string>>
  disabled: boolean
  frontend: ResolvedFrontendOptions
  ingest: Required<IngestOptions>
  initialAdmins: string[]
  inputLimits: InputLimits
  languages: string[]
  licences: Required<LicenceOptions>
  maxVersionsPerArticle: number
  media: Required<MediaOptions>
  notifications: Required<NotificationOptions> & { enabled: boolean }
  outbound: { allowAddresses: string[] }
  provenance: {
    contentCredentials: ProvenanceOptions['contentCredentials']
    enabled: boolean
    keys: ProvenanceOptions['keys']
  }
  rateLimit: ResolvedRateLimits
  summaries: Required<SummaryOptions>
  webhooks: Required<WebhookOptions>
}

/** Bounds on an article body, so one document cannot exhaust the server or the reader's browser. */
export type LexicalDocumentLimits = {
  /** Nesting below the root (a list inside a quote inside a list…). */
  maxDepth: number
  /** Nodes in the whole document. */
  maxNodes: number
  /** Characters of text in the whole document. */
  maxTextLength: number
}

/** An article's workflow states and the actions between them (rules/workflow.ts says who may take which). */
export const workflowStates = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'retracted',
  'archived',
] as const
export type WorkflowState = (typeof workflowStates)[number]

export const workflowActions = [
  'submit',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'correct',
  'retract',
  'archive',
  'reopen',
  'unpublish',
] as const
export type WorkflowAction = (typeof workflowActions)[number]
