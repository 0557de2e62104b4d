/**
 * payload-newsroom's server entry: the plugin, its options and document types, and the pure rules
 * and helpers a host may reuse (scripts, route handlers, its own frontend). Admin and frontend
 * components are in `payload-newsroom/client`.
 */

// The plugin and its options
export { newsroomPlugin } from './plugin.js'
export { checkPluginOptions } from './validateOptions.js'
export {
  articleLimits,
  commentLengthLimits,
  defaultCollectionSlugs,
  defaultDisclaimerKeys,
  defaultInputLimits,
  defaultLanguages,
  defaultMaxVersionsPerArticle,
  defaultRateLimits,
  pluginOptionsOf,
  resolveOptions,
} from './defaults.js'
export type {
  CanonicalStrategy,
  CollectionOverride,
  DisclaimerKind,
  FrontendOptions,
  InputLimits,
  NewsroomCollectionKey,
  NewsroomPluginOptions,
  NewsroomRole,
  RateLimitOptions,
  RateLimitWindow,
  ResolvedNewsroomOptions,
} from './types.js'
export { canonicalStrategies, disclaimerKinds, newsroomRoles, sourceCategories, transformations } from './types.js'

// Pure rules, shared by the server, the admin and scripts
export {
  evaluatePublishRules,
  isDisclaimerValid,
  requiredDisclaimerKinds,
  requiresAIDisclaimer,
  selectDefaultDisclaimer,
} from './rules/publishRules.js'
export type { RuleArticle, RuleDisclaimer, RuleInput, RuleProblem, RuleResult } from './rules/publishRules.js'
export {
  availableActions,
  decideTransition,
  isWorkflowAction,
  nextStates,
  statusOfState,
  transitions,
  workflowActions,
  workflowStates,
} from './rules/workflow.js'
export type { Transition, TransitionDecision, WorkflowAction, WorkflowState } from './rules/workflow.js'
export { checkLexicalDocument } from './rules/lexicalDocumentRules.js'
export type { LexicalDocumentLimits, LexicalProblem } from './rules/lexicalDocumentRules.js'
export { checkWhere } from './rules/whereRules.js'
export type { WhereLimits, WhereProblem } from './rules/whereRules.js'
export { bodyLinkSchemes, hasAllowedScheme, safeUrl, webSchemes } from './utilities/urls.js'
export { formatSlug, isValidSlug } from './utilities/formatSlug.js'

// Working with articles from server code (scripts, jobs, a frontend in the same app)
export { heading, lexicalDocument, link, paragraph, quote, text } from './utilities/lexicalDocument.js'
export { inTransaction } from './workflow/inTransaction.js'
export { runWorkflowAction } from './workflow/runWorkflowAction.js'
export type { WorkflowActionInput } from './workflow/runWorkflowAction.js'
export { checkCompliance } from './compliance/checkCompliance.js'
export type { ComplianceFinding, ComplianceProblem } from './compliance/checkCompliance.js'
export { loadArticleView } from './read/loadArticleView.js'
export { feedDefaultLimit, feedItemSelect, feedSort } from './endpoints/readEndpoints.js'
export type { ArticleView } from './read/articleView.js'
export { jsonLdScriptText, toNewsArticleJsonLd } from './read/jsonLd.js'
export { translations } from './translations/index.js'

// For the host's route handlers, GraphQL config and database adapter
export { limitGraphQLRequest } from './http/limitGraphQLRequest.js'
export { limitRequestBody, type RequestBodyLimits } from './http/limitRequestBody.js'
export { depthLimit, fieldLimit, fragmentLimit } from './endpoints/graphqlLimits.js'
export { serialiseWriteTransactions } from './utilities/serialiseWriteTransactions.js'
