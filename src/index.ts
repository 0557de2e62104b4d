/**
 * payload-newsroom's server entry: the plugin, its options and document types, and the pure rules
 * and helpers a host may reuse (scripts, route handlers, its own frontend). Admin and frontend
 * components are in `payload-newsroom/client`.
 */

// The plugin and its options
export { newsroomPlugin } from './plugin.ts'
export { checkPluginOptions } from './validateOptions.ts'
export {
  defaultCollectionSlugs,
  defaultDisclaimerKeys,
  defaultIngestOptions,
  defaultInputLimits,
  defaultLicenceOptions,
  defaultSummaryOptions,
  extractiveSummaryModel,
  defaultLanguages,
  defaultMaxVersionsPerArticle,
  defaultRateLimits,
  resolveOptions,
} from './defaults.ts'
export type {
  CanonicalStrategy,
  CollectionOverride,
  DisclaimerKind,
  FrontendOptions,
  IngestOptions,
  InputLimits,
  LicenceOptions,
  SummaryInput,
  SummaryOptions,
  SummaryProvider,
  NewsroomCollectionKey,
  NewsroomPluginOptions,
  NewsroomRole,
  RateLimitOptions,
  RateLimitWindow,
  ResolvedNewsroomOptions,
  WebhookOptions,
} from './types.ts'
export { canonicalStrategies, disclaimerKinds, newsroomRoles, rightsExpiryActions, sourceCategories, transformations } from './types.ts'

// Pure rules, shared by the server, the admin and scripts
export { articleLimits, commentLengthLimits } from './rules/articleLimits.ts'
export { pluginOptionsOf } from './utilities/pluginOptions.ts'
export {
  evaluatePublishRules,
  isDisclaimerValid,
  isEmbargoed,
  isTranslation,
  licenceProblems,
  requiredDisclaimerKinds,
  requiresAIDisclaimer,
  rightsExpired,
  rightsExpireWithin,
  selectDefaultDisclaimer,
  toRuleArticle,
  toRuleSource,
  usesAISummary,
} from './rules/publishRules.ts'
export type { RuleArticle, RuleDisclaimer, RuleInput, RuleLicence, RuleProblem, RuleResult, RuleSource } from './rules/publishRules.ts'
export { describeProblem, formatInstant } from './rules/describeProblem.ts'
export { imageMimeTypes, imageProblemField, imageProblems, imageUses, problemsAddedByEdit } from './rules/imageRules.ts'
export { shownSnapshotTexts, snapshotFinding, snapshotProblem, toDisclaimerSnapshot, valuesByLocale } from './rules/disclaimerSnapshot.ts'
export type { DisclaimerAllLocales, DisclaimerSnapshot } from './rules/disclaimerSnapshot.ts'
export type { ImageProblem, ImageUse, RuleImage } from './rules/imageRules.ts'
export {
  availableActions,
  decideTransition,
  isWorkflowAction,
  nextStates,
  statusOfState,
  transitions,
  workflowActions,
  workflowInputProblems,
  workflowStates,
} from './rules/workflow.ts'
export type { Transition, TransitionDecision, WorkflowAction, WorkflowInputProblem, WorkflowState } from './rules/workflow.ts'
export { publishEventOf, publishEvents } from './rules/publishEvents.ts'
export { ingestMayTake, isOlderVersion, planIngestItem, publishPolicies, updatePolicies, withdrawActions } from './rules/ingestRules.ts'
export type { HeldCopy, IngestPlan, IngestPolicy, PublishPolicy, UpdatePolicy } from './rules/ingestRules.ts'
export { feedFormats, ingestFormats, readFeedItems, readItem, readNinjsItem, readPlainItem } from './ingest/readItems.ts'
export type { FeedFormat, IngestFormat } from './ingest/readItems.ts'
export type { IngestItem, IngestItemError, NormalisedItem } from './ingest/ingestItem.ts'
export { ingestFingerprint } from './ingest/ingestItem.ts'
export { sanitiseArticleHtml, itemBodyToLexical } from './ingest/htmlToLexical.ts'
export { extractiveSummary, splitSentences } from './summaries/extractiveSummary.ts'
export { lexicalText } from './summaries/lexicalText.ts'
export { generateSummaryTaskSlug, summaryWaitUntilKey } from './summaries/generateSummaryTask.ts'
export { expireRights, expireRightsTaskSlug, rightsExpiredVia } from './workflow/expireRightsTask.ts'
export type { RightsExpiryOutcome } from './workflow/expireRightsTask.ts'
export { aiDisclosureOf, iptcDigitalSourceType } from './delivery/aiDisclosure.ts'
export type { AIDisclosureView, AIUse } from './delivery/aiDisclosure.ts'
export type { ArticleStatus, PublishEvent } from './rules/publishEvents.ts'
export { signWebhookBody, verifyWebhookSignature, webhookHeaders } from './delivery/signature.ts'
export type { PublishEventBody } from './delivery/queueWebhookDeliveries.ts'
export { checkLexicalDocument } from './rules/lexicalDocumentRules.ts'
export type { LexicalDocumentLimits, LexicalProblem } from './rules/lexicalDocumentRules.ts'
export { checkWhere } from './rules/whereRules.ts'
export type { WhereLimits, WhereProblem } from './rules/whereRules.ts'
export { bodyLinkSchemes, hasAllowedScheme, safeUrl, webSchemes } from './utilities/urls.ts'
export { formatSlug, isValidSlug, slugFromTitle } from './utilities/formatSlug.ts'

// Working with articles from server code (scripts, jobs, a frontend in the same app)
export { heading, lexicalDocument, link, paragraph, quote, text } from './utilities/lexicalDocument.ts'
export { inTransaction } from './transactions/inTransaction.ts'
export { runWorkflowAction } from './workflow/runWorkflowAction.ts'
export type { WorkflowActionInput } from './workflow/runWorkflowAction.ts'
export { checkCompliance, findRightsExpiringSoon } from './guarantee/checkCompliance.ts'
export { ingestItems } from './ingest/ingestItems.ts'
export type { IngestRunSummary, IngestSource, ItemResult } from './ingest/ingestItems.ts'
export { pollSourceFeed, queueDueFeedPolls } from './ingest/pollFeedTask.ts'
export { findSource } from './ingest/findSource.ts'
export type { ComplianceFinding, ComplianceProblem, RightsExpiringSoon } from './guarantee/checkCompliance.ts'
export { loadArticleView, viewOfArticle } from './delivery/loadArticleView.ts'
export { articlePreviewUrl, loadArticlePreview } from './delivery/articlePreview.ts'
export { createPreviewToken, readPreviewToken } from './delivery/previewToken.ts'
export { deskQueueKeys, deskQueueLength, loadDeskQueues } from './workflow/deskQueues.ts'
export { formatPublishedAt } from './delivery/formatPublishedAt.ts'
export type { DeskItem, DeskQueue, DeskQueueKey } from './workflow/deskQueues.ts'
export { listedArticlesWhere, loadFeedCards } from './delivery/loadFeed.ts'
export { loadNewsSitemap, loadSitemapPage, countSitemapPages, sitemapIndexXml } from './delivery/sitemaps.ts'
export { loadSyndicationFeed } from './delivery/syndicationFeeds.ts'
export type { SyndicationFormat } from './delivery/syndicationFeeds.ts'
export { loadDisclaimerPage } from './delivery/loadDisclaimerPage.ts'
export type { DisclaimerPage, DisclaimerPageEntry } from './delivery/loadDisclaimerPage.ts'
export { defaultDisclaimerPagePath } from './defaults.ts'
export { feedDefaultLimit, feedItemSelect, feedSort, loadFeed } from './delivery/loadFeed.ts'
export type { FeedPage, FeedQuery } from './delivery/loadFeed.ts'
export type { FeedItem } from './delivery/feedItem.ts'
export type { ArticleView, ViewInputs } from './delivery/articleView.ts'
export { toArticleView } from './delivery/articleView.ts'
export { jsonLdScriptText, toNewsArticleJsonLd } from './delivery/jsonLd.ts'
export { translations } from './translations/index.ts'

// For the host's route handlers, GraphQL config and database adapter
export { limitGraphQLRequest } from './limits/limitGraphQLRequest.ts'
export { limitRequestBody, type RequestBodyLimits } from './limits/limitRequestBody.ts'
export { depthLimit, fieldLimit, fragmentLimit } from './limits/graphqlLimits.ts'
export { serialiseWriteTransactions } from './transactions/serialiseWriteTransactions.ts'
