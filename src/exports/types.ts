/** payload-newsroom/types: every type the plugin's entries use, in one place. */

// Every option type (the root entry names the ones a host writes most).
export type * from '../types.ts'
export type {
  RuleArticle,
  RuleDisclaimer,
  RuleInput,
  RuleLicence,
  RuleProblem,
  RuleResult,
  RuleSource,
} from '../rules/publishRules.ts'
export type { DisclaimerAllLocales, DisclaimerSnapshot } from '../rules/disclaimerSnapshot.ts'
export type { ImageProblem, ImageUse, RuleImage } from '../rules/imageRules.ts'
export type {
  Transition,
  TransitionDecision,
  WorkflowAction,
  WorkflowInputProblem,
  WorkflowState,
} from '../rules/workflow.ts'
export type {
  HeldCopy,
  IngestPlan,
  IngestPolicy,
  PublishPolicy,
  UpdatePolicy,
} from '../rules/ingestRules.ts'
export type { FeedFormat, IngestFormat } from '../ingest/readItems.ts'
export type { IngestItem, IngestItemError, NormalisedItem } from '../ingest/ingestItem.ts'
export type { RightsExpiryOutcome } from '../workflow/expireRightsTask.ts'
export type { AIDisclosureView, AIUse } from '../delivery/aiDisclosure.ts'
export type { ArticleStatus, PublishEvent } from '../rules/publishEvents.ts'
export type { PublishEventBody } from '../delivery/queueWebhookDeliveries.ts'
export type { LexicalDocumentLimits, LexicalProblem } from '../rules/lexicalDocumentRules.ts'
export type { WhereLimits, WhereProblem } from '../rules/whereRules.ts'
export type { WorkflowActionInput } from '../workflow/runWorkflowAction.ts'
export type { IngestRunSummary, IngestSource, ItemResult } from '../ingest/ingestItems.ts'
export type {
  ComplianceFinding,
  ComplianceProblem,
  RightsExpiringSoon,
} from '../guarantee/checkCompliance.ts'
export type { DeskItem, DeskQueue, DeskQueueKey } from '../workflow/deskQueues.ts'
export type { SyndicationFormat } from '../delivery/syndicationFeeds.ts'
export type { DisclaimerPage, DisclaimerPageEntry } from '../delivery/loadDisclaimerPage.ts'
export type { FeedPage, FeedQuery } from '../delivery/loadFeed.ts'
export type { FeedItem } from '../delivery/feedItem.ts'
export type { ArticleHead, HeadLink, HeadMeta } from '../delivery/articleHead.ts'
export type { PublicCorrection, PublicCorrections } from '../delivery/publicCorrections.ts'
export type { ArticleView, ViewInputs } from '../delivery/articleView.ts'
export type { RequestBodyLimits } from '../limits/limitRequestBody.ts'
export type {
  TextAndDataMiningReservation,
  TextAndDataMiningRule,
  TextAndDataMiningTerm,
} from '../rules/textAndDataMining.ts'
export type { AuthorPage } from '../delivery/authorPage.ts'
export type { AuthorProfile } from '../delivery/jsonLd.ts'
export type { NinjsInputs, NinjsObject, NinjsValue } from '../partners/ninjsItem.ts'
export type {
  ChainEntry,
  ManifestAttribution,
  ManifestDisclaimer,
  ManifestImage,
  ProvenanceManifest,
  ViewForProvenance,
} from '../rules/provenanceRules.ts'
export type { ChainVerdict } from '../rules/provenanceVerification.ts'
export type { ContentCredentialsSigner, CredentialsReading } from '../media/contentCredentials.ts'
