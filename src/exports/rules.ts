/**
 * payload-newsroom/rules: the pure rules, helpers and data the plugin decides with (publishing,
 * workflow, images, ingest plans, body and query limits, slugs and URLs, feed readers, the read
 * model's pure parts, option defaults, the admin's words). No Payload instance needed: the server,
 * the admin, scripts and a frontend share them.
 */

export {
  defaultCollectionSlugs,
  defaultDisclaimerKeys,
  defaultIngestOptions,
  defaultInputLimits,
  defaultLanguages,
  defaultLicenceOptions,
  defaultMaxVersionsPerArticle,
  defaultRateLimits,
  defaultSummaryOptions,
  extractiveSummaryModel,
  resolveOptions,
} from '../defaults.ts'
export {
  canonicalStrategies,
  disclaimerKinds,
  newsroomRoles,
  rightsExpiryActions,
  sourceCategories,
  transformations,
} from '../types.ts'
export { articleLimits, commentLengthLimits } from '../rules/articleLimits.ts'
export { pluginOptionsOf } from '../utilities/pluginOptions.ts'
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
} from '../rules/publishRules.ts'
export { describeProblem, formatInstant } from '../rules/describeProblem.ts'
export {
  imageMimeTypes,
  imageProblemField,
  imageProblems,
  imageUses,
  problemsAddedByEdit,
} from '../rules/imageRules.ts'
export {
  shownSnapshotTexts,
  snapshotFinding,
  snapshotProblem,
  toDisclaimerSnapshot,
  valuesByLocale,
} from '../rules/disclaimerSnapshot.ts'
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
} from '../rules/workflow.ts'
export { publishEventOf, publishEvents } from '../rules/publishEvents.ts'
export {
  ingestMayTake,
  isOlderVersion,
  planIngestItem,
  publishPolicies,
  updatePolicies,
  withdrawActions,
} from '../rules/ingestRules.ts'
export {
  feedFormats,
  ingestFormats,
  readFeedItems,
  readItem,
  readNinjsItem,
  readPlainItem,
} from '../ingest/readItems.ts'
export { ingestFingerprint } from '../ingest/ingestItem.ts'
export { itemBodyToLexical, sanitiseArticleHtml } from '../ingest/htmlToLexical.ts'
export { extractiveSummary, splitSentences } from '../summaries/extractiveSummary.ts'
export { lexicalText } from '../summaries/lexicalText.ts'
export { aiDisclosureOf, iptcDigitalSourceType } from '../delivery/aiDisclosure.ts'
export { checkLexicalDocument } from '../rules/lexicalDocumentRules.ts'
export { checkWhere } from '../rules/whereRules.ts'
export { bodyLinkSchemes, hasAllowedScheme, safeUrl, webSchemes } from '../utilities/urls.ts'
export { formatSlug, isValidSlug, slugFromTitle } from '../utilities/formatSlug.ts'
export { formatPublishedAt } from '../delivery/formatPublishedAt.ts'
export { defaultDisclaimerPagePath } from '../defaults.ts'
export { toArticleView } from '../delivery/articleView.ts'
export { cmsOrigin } from '../delivery/imageView.ts'
export { jsonLdScriptText, toAuthorPageJsonLd, toNewsArticleJsonLd } from '../delivery/jsonLd.ts'
export { trustTxtOf } from '../delivery/trustTxt.ts'
export {
  articleHeadHtml,
  articleViewAnswer,
  openGraphLocale,
  toArticleHead,
} from '../delivery/articleHead.ts'
export { translations } from '../translations/index.ts'
export {
  defaultAiCrawlers,
  robotsTxt,
  tdmrepJson,
  textAndDataMiningHeaders,
  textAndDataMiningReservationOf,
  textAndDataMiningTerms,
} from '../rules/textAndDataMining.ts'
export {
  partnerChannels,
  partnerFormats,
  partnerNoticeOf,
  partnerNotices,
  partnerOrigins,
  partnerRefusalOf,
  partnerTokenProblem,
  redistributionTerms,
} from '../rules/partnerRules.ts'
export { toNinjs, toNinjsKill } from '../partners/ninjsItem.ts'
export {
  canonicalJson,
  chainLinkOf,
  chainProblems,
  digestOf,
  manifestOf,
  manifestType,
  viewProblems,
} from '../rules/provenanceRules.ts'
export { verifyProvenanceChain } from '../rules/provenanceVerification.ts'
export { checkedSteps, isCheckedStep, stepCheckOf } from '../rules/stepChecks.ts'
export {
  deliveryFor,
  kindOfWorkflowEvent,
  notificationKinds,
  type NotificationKind,
  type NotificationPreferences,
  recipientsOf,
} from '../rules/notificationRules.ts'
