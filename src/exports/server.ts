/**
 * payload-newsroom/server: what server code calls with a Payload request (scripts, jobs, route
 * handlers, a frontend in the same app): workflow actions, transactions, ingest, the read model's
 * loaders, previews, the desk, compliance, and the database adapter's write queue.
 */

export { generateSummaryTaskSlug, summaryWaitUntilKey } from '../summaries/generateSummaryTask.ts'
export {
  expireRights,
  expireRightsTaskSlug,
  rightsExpiredVia,
} from '../workflow/expireRightsTask.ts'
export {
  heading,
  lexicalDocument,
  link,
  paragraph,
  quote,
  text,
} from '../utilities/lexicalDocument.ts'
export { inTransaction } from '../transactions/inTransaction.ts'
export { runWorkflowAction } from '../workflow/runWorkflowAction.ts'
export { checkCompliance, findRightsExpiringSoon } from '../guarantee/checkCompliance.ts'
export { ingestItems } from '../ingest/ingestItems.ts'
export { pollSourceFeed, queueDueFeedPolls } from '../ingest/pollFeedTask.ts'
export { findSource } from '../ingest/findSource.ts'
export { findMovedArticle, loadArticleView, viewOfArticle } from '../delivery/loadArticleView.ts'
export { articlePreviewUrl, loadArticlePreview } from '../delivery/articlePreview.ts'
export { createPreviewToken, readPreviewToken } from '../delivery/previewToken.ts'
export { deskQueueKeys, deskQueueLength, loadDeskQueues } from '../workflow/deskQueues.ts'
export { listedArticlesWhere, loadFeedCards } from '../delivery/loadFeed.ts'
export {
  countSitemapPages,
  loadNewsSitemap,
  loadSitemapPage,
  sitemapIndexXml,
} from '../delivery/sitemaps.ts'
export { loadSyndicationFeed } from '../delivery/syndicationFeeds.ts'
export { loadDisclaimerPage } from '../delivery/loadDisclaimerPage.ts'
export { loadPublicCorrections, publicCorrectionsFeed } from '../delivery/publicCorrections.ts'
export { feedDefaultLimit, feedItemSelect, feedSort, loadFeed } from '../delivery/loadFeed.ts'
export { serialiseWriteTransactions } from '../transactions/serialiseWriteTransactions.ts'
export {
  loadRobotsTxt,
  loadTextAndDataMiningRules,
  maxNamedTextAndDataMiningExceptions,
} from '../delivery/siteTextAndDataMining.ts'
export { loadAuthorPage } from '../delivery/authorPage.ts'
export { hashPartnerToken, issuePartnerToken } from '../partners/partnerTokens.ts'
export {
  generateProvenanceKey,
  parseProvenanceKeys,
  provenanceKeysVariable,
} from '../provenance/provenanceKeys.ts'
export { loadProvenanceKeys, provenanceKeysPath } from '../provenance/provenanceEndpoints.ts'
export {
  readContentCredentials,
  signContentCredentials,
  credentialsSignerOf,
} from '../media/contentCredentials.ts'
export {
  contentCredentialsVariables,
  generateContentCredentialsCertificate,
} from '../media/contentCredentialsSigner.ts'
export { notify, type NotificationEvent } from '../notifications/notify.ts'
export { sendNotificationDigests } from '../notifications/sendNotificationEmails.ts'
export { pruneNotifications } from '../notifications/pruneNotifications.ts'
export { warnOfEndingRights } from '../notifications/warnOfEndingRights.ts'
