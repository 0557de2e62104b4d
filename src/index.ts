/**
 * payload-newsroom: the plugin, its options and the types of what it serves. What a host may call
 * lives in named entries:
 *
 * - `payload-newsroom/rules`: pure rules, helpers and data (no Payload instance needed);
 * - `payload-newsroom/server`: server code with a Payload request (workflow actions, ingest, loaders);
 * - `payload-newsroom/http`: the host's route handlers and GraphQL config, webhook signatures;
 * - `payload-newsroom/types`: every type;
 * - `payload-newsroom/client` and `payload-newsroom/rsc`: admin components (the import map's).
 */

export { newsroomPlugin } from './plugin.ts'
export { checkPluginOptions } from './validateOptions.ts'
export type {
  CanonicalStrategy,
  CollectionOverride,
  DisclaimerKind,
  FrontendOptions,
  IngestOptions,
  InputLimits,
  LicenceOptions,
  NewsroomCollectionKey,
  NewsroomPluginOptions,
  NewsroomRole,
  ProvenanceOptions,
  RateLimitOptions,
  RateLimitWindow,
  ResolvedNewsroomOptions,
  SummaryInput,
  SummaryOptions,
  SummaryProvider,
  WebhookOptions,
} from './types.ts'
export type { WorkflowAction, WorkflowState } from './types.ts'
export type { ArticleView } from './delivery/articleView.ts'
export type { FeedItem } from './delivery/feedItem.ts'
export type { FeedPage } from './delivery/loadFeed.ts'
export type { DisclaimerPage } from './delivery/loadDisclaimerPage.ts'
export type { PublishEventBody } from './delivery/queueWebhookDeliveries.ts'
