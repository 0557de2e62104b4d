import type { DisclaimerKind } from '../types.ts'

import { relationID, relationIDs } from '../utilities/documentValue.ts'
import { ownValue } from '../utilities/ownValue.ts'
import { type ImageProblem, imageProblems, type RuleImage } from './imageRules.ts'

/**
 * The publish rules as pure functions: no I/O, so the server hook, the compliance check and the
 * admin panel all use this one implementation.
 */

type ID = number | string

export type RuleDisclaimer = {
  effectiveFrom?: null | string
  effectiveTo?: null | string
  id: ID
  kind: DisclaimerKind | string
  status: string
}

export type RuleArticle = {
  aiDisclosure?: { level?: null | string; reviewedAt?: null | string; reviewedBy?: unknown } | null
  attribution?: {
    creditText?: null | string
    originalLanguage?: null | string
    originalUrl?: null | string
    rightsExpireAt?: null | string
    source?: ID | null
    transformation?: null | string
  } | null
  disclaimers: ID[]
  /** No path may publish before this instant. */
  embargoUntil?: null | string
  language?: null | string
  origin: 'original' | 'syndicated' | string
  summary?: { producedBy?: null | string; status?: null | string } | null
  /** The state the write leaves it in: a retraction takes a piece down, so the licence no longer bars it. */
  workflowState?: null | string
}

/** What a source's licence lets us do with its items. Empty lists mean the licence sets no limit there. */
export type RuleLicence = {
  aiSummaries?: 'allowed' | 'forbidden' | null | string
  transformations?: string[]
  translationLanguages?: string[]
}

export type RuleSource = {
  creditLine?: null | string
  defaultDisclaimers: ID[]
  id: ID
  licence?: null | RuleLicence
  status: string
}
export type RuleSection = { defaultDisclaimers: ID[]; requiredDisclaimerKinds: string[] }

export type RuleInput = {
  article: RuleArticle
  autoAttach: boolean
  /** Every disclaimer the rules may look at: attached ones and all default candidates. */
  disclaimers: Map<ID, RuleDisclaimer> | ReadonlyMap<ID, RuleDisclaimer>
  /** The plugin's global default per kind, already resolved to an ID (last resort of auto-attach). */
  globalDefaults: Partial<Record<string, ID>>
  /** The images the article shows (featured and in the body), their texts in its language. */
  images?: readonly RuleImage[]
  now: Date
  /** The article's tasks not yet done (issue 37): each one blocks its publication. */
  openTasks?: readonly { text: string }[]
  section: null | RuleSection
  source: null | RuleSource
}

export type RuleProblem =
  | { code: 'disclaimerInvalid'; disclaimer: ID; kind: string; path: 'disclaimers' }
  | { code: 'disclaimerMissing'; kind: string; path: 'disclaimers' }
  | { code: 'originalUrlInvalid'; path: 'attribution.originalUrl' }
  | { code: 'originalUrlMissing'; path: 'attribution.originalUrl' }
  | { code: 'creditMissing'; path: 'attribution.creditText' }
  | { code: 'sourceInactive'; path: 'attribution.source' }
  | { code: 'sourceMissing'; path: 'attribution.source' }
  | { code: 'embargoed'; path: 'embargoUntil'; until: string }
  | { code: 'rightsExpired'; at: string; path: 'attribution.rightsExpireAt' }
  | {
      code: 'transformationNotLicensed'
      path: 'attribution.transformation'
      transformation: string
    }
  | { code: 'translationNotLicensed'; language: string; path: 'language' }
  | { code: 'aiSummaryNotLicensed'; path: 'summary.status' }
  | { code: 'taskOpen'; path: 'tasks'; task: string }
  | ImageProblem

export type AutoAttachment = { disclaimer: ID; from: 'global' | 'section' | 'source'; kind: string }

export type RuleResult = {
  /** Defaults added to fill missing kinds (empty when auto-attach is off). */
  attached: AutoAttachment[]
  /** The article's disclaimers after auto-attach, attached ones first, in their order. */
  disclaimers: ID[]
  problems: RuleProblem[]
  requiredKinds: string[]
}

/** AI that wrote or summarised the text, with no human review on record, must be disclosed. */
const aiKindsNeedingDisclosure = new Set(['generated', 'summary'])

export const requiresAIDisclaimer = (article: RuleArticle): boolean => {
  const disclosure = article.aiDisclosure
  return Boolean(
    disclosure?.level &&
    aiKindsNeedingDisclosure.has(disclosure.level) &&
    !(disclosure.reviewedBy && disclosure.reviewedAt),
  )
}

/**
 * Kinds an article must carry to be published: third-party content for syndicated pieces, whatever
 * its section requires, and AI-generated when AI wrote or summarised it unreviewed.
 */
export const requiredDisclaimerKinds = (
  article: RuleArticle,
  section: null | RuleSection,
): string[] => {
  const kinds = new Set<string>()
  if (article.origin === 'syndicated') {
    kinds.add('third-party')
  }
  for (const kind of section?.requiredDisclaimerKinds ?? []) {
    kinds.add(kind)
  }
  if (requiresAIDisclaimer(article)) {
    kinds.add('ai-generated')
  }
  return [...kinds]
}

/** Approved, and in effect at `now` (from inclusive, to exclusive). */
export const isDisclaimerValid = (disclaimer: RuleDisclaimer | undefined, now: Date): boolean => {
  if (!disclaimer || disclaimer.status !== 'approved') {
    return false
  }
  const time = now.getTime()
  if (disclaimer.effectiveFrom && new Date(disclaimer.effectiveFrom).getTime() > time) {
    return false
  }
  return !(disclaimer.effectiveTo && new Date(disclaimer.effectiveTo).getTime() <= time)
}

/** The first valid default of `kind`: the source's defaults, then the section's, then the plugin's. */
export const selectDefaultDisclaimer = (
  kind: string,
  input: Pick<RuleInput, 'disclaimers' | 'globalDefaults' | 'now' | 'section' | 'source'>,
): AutoAttachment | undefined => {
  const candidates: [AutoAttachment['from'], ID[]][] = [
    ['source', input.source?.defaultDisclaimers ?? []],
    ['section', input.section?.defaultDisclaimers ?? []],
    [
      'global',
      ownValue(input.globalDefaults, kind) === undefined
        ? []
        : [ownValue(input.globalDefaults, kind)!],
    ],
  ]
  for (const [from, ids] of candidates) {
    for (const id of ids) {
      const disclaimer = input.disclaimers.get(id)
      if (disclaimer?.kind === kind && isDisclaimerValid(disclaimer, input.now)) {
        return { disclaimer: id, from, kind }
      }
    }
  }
  return undefined
}

const isWebUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

const isAfter = (value: null | string | undefined, now: Date) =>
  Boolean(value) && Date.parse(value!) > now.getTime()

/** The embargo still holds at `now`. */
export const isEmbargoed = (article: Pick<RuleArticle, 'embargoUntil'>, now: Date): boolean =>
  isAfter(article.embargoUntil, now)

/** The licence to show the syndicated piece has run out at `now`. */
export const rightsExpired = (
  article: Pick<RuleArticle, 'attribution' | 'origin'>,
  now: Date,
): boolean => {
  const expiry = article.attribution?.rightsExpireAt
  return article.origin === 'syndicated' && Boolean(expiry) && !isAfter(expiry, now)
}

/** Still licensed at `now`, but not `days` from now: editors are warned before the expiry task acts. */
export const rightsExpireWithin = (
  article: Pick<RuleArticle, 'attribution' | 'origin'>,
  now: Date,
  days: number,
): boolean =>
  article.origin === 'syndicated' &&
  !rightsExpired(article, now) &&
  rightsExpired(article, new Date(now.getTime() + days * 86_400_000))

/** An AI summary is shown, or one is on its way (a pending summary is written by a model). */
export const usesAISummary = (article: RuleArticle): boolean =>
  article.summary?.status === 'pending' ||
  (article.summary?.status === 'ready' && Boolean(article.summary.producedBy)) ||
  article.aiDisclosure?.level === 'summary'

const baseLanguage = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]

/** A translation: marked as one, or in another language than the original. */
export const isTranslation = (article: RuleArticle): boolean => {
  const original = article.attribution?.originalLanguage
  return (
    article.attribution?.transformation === 'translated' ||
    Boolean(
      original && article.language && baseLanguage(original) !== baseLanguage(article.language),
    )
  )
}

/** What the source's licence forbids in this article: its transformation, its language, its AI use. */
export const licenceProblems = (
  article: RuleArticle,
  licence: null | RuleLicence | undefined,
): RuleProblem[] => {
  if (!licence) {
    return []
  }
  const problems: RuleProblem[] = []
  const allowed = licence.transformations ?? []
  const translation = isTranslation(article)
  const transformation = translation
    ? 'translated'
    : (article.attribution?.transformation ?? 'verbatim')
  if (allowed.length > 0 && !allowed.includes(transformation)) {
    problems.push({
      code: 'transformationNotLicensed',
      path: 'attribution.transformation',
      transformation,
    })
  }
  const languages = licence.translationLanguages ?? []
  if (
    translation &&
    article.language &&
    languages.length > 0 &&
    !languages.includes(article.language)
  ) {
    problems.push({ code: 'translationNotLicensed', language: article.language, path: 'language' })
  }
  if (licence.aiSummaries === 'forbidden' && usesAISummary(article)) {
    problems.push({ code: 'aiSummaryNotLicensed', path: 'summary.status' })
  }
  return problems
}

/** The rules' view of an article document (populated or not, stored or on the admin form). */
export const toRuleArticle = (doc: Record<string, any>): RuleArticle => ({
  aiDisclosure: doc.aiDisclosure ?? null,
  attribution: doc.attribution
    ? {
        creditText: doc.attribution.creditText ?? null,
        originalLanguage: doc.attribution.originalLanguage ?? null,
        originalUrl: doc.attribution.originalUrl ?? null,
        rightsExpireAt: doc.attribution.rightsExpireAt ?? null,
        source: relationID(doc.attribution.source) ?? null,
        transformation: doc.attribution.transformation ?? null,
      }
    : null,
  disclaimers: relationIDs(doc.disclaimers),
  embargoUntil: doc.embargoUntil ?? null,
  language: doc.language ?? null,
  origin: doc.origin ?? 'original',
  summary: doc.summary
    ? { producedBy: doc.summary.producedBy ?? null, status: doc.summary.status ?? null }
    : null,
  workflowState: doc.workflowState ?? null,
})

/** The rules' view of a source document. */
export const toRuleSource = (doc: Record<string, any>): RuleSource => ({
  creditLine: doc.creditLine ?? null,
  defaultDisclaimers: relationIDs(doc.defaultDisclaimers),
  id: doc.id,
  licence: doc.licence
    ? {
        aiSummaries: doc.licence.aiSummaries ?? null,
        transformations: doc.licence.transformations ?? [],
        translationLanguages: doc.licence.translationLanguages ?? [],
      }
    : null,
  status: String(doc.status),
})

/** Everything that stands between an article and publication, and the disclaimers it would carry. */
export const evaluatePublishRules = (input: RuleInput): RuleResult => {
  const { article, now, source } = input
  const problems: RuleProblem[] = []

  if (article.origin === 'syndicated') {
    const attribution = article.attribution ?? {}
    if (attribution.source === undefined || attribution.source === null || !source) {
      problems.push({ code: 'sourceMissing', path: 'attribution.source' })
    } else if (source.status !== 'active') {
      problems.push({ code: 'sourceInactive', path: 'attribution.source' })
    }
    if (!attribution.originalUrl) {
      problems.push({ code: 'originalUrlMissing', path: 'attribution.originalUrl' })
    } else if (!isWebUrl(attribution.originalUrl)) {
      problems.push({ code: 'originalUrlInvalid', path: 'attribution.originalUrl' })
    }
    if (!attribution.creditText && !source?.creditLine) {
      problems.push({ code: 'creditMissing', path: 'attribution.creditText' })
    }
    if (article.workflowState !== 'retracted') {
      if (rightsExpired(article, now)) {
        problems.push({
          at: attribution.rightsExpireAt!,
          code: 'rightsExpired',
          path: 'attribution.rightsExpireAt',
        })
      }
      problems.push(...licenceProblems(article, source?.licence))
    }
  }
  if (isEmbargoed(article, now)) {
    problems.push({ code: 'embargoed', path: 'embargoUntil', until: article.embargoUntil! })
  }
  // A retracted piece shows no images; any other publication shows them all. Nor does an open task
  // stand in the way of taking a piece down.
  if (article.workflowState !== 'retracted') {
    problems.push(...imageProblems(input.images ?? [], article.language ?? '', now))
    for (const task of input.openTasks ?? []) {
      problems.push({ code: 'taskOpen', path: 'tasks', task: task.text })
    }
  }

  const requiredKinds = requiredDisclaimerKinds(article, input.section)
  let disclaimers = [...article.disclaimers]
  const attached: AutoAttachment[] = []
  for (const kind of requiredKinds) {
    const ofKind = article.disclaimers.filter((id) => input.disclaimers.get(id)?.kind === kind)
    if (ofKind.some((id) => isDisclaimerValid(input.disclaimers.get(id), now))) {
      continue
    }
    const fallback = input.autoAttach ? selectDefaultDisclaimer(kind, input) : undefined
    if (fallback) {
      // A retired or expired disclaimer of the kind is replaced, never shown beside its successor.
      disclaimers = disclaimers.filter((id) => !ofKind.includes(id))
      attached.push(fallback)
      disclaimers.push(fallback.disclaimer)
      continue
    }
    if (ofKind.length > 0) {
      for (const id of ofKind) {
        problems.push({ code: 'disclaimerInvalid', disclaimer: id, kind, path: 'disclaimers' })
      }
    } else {
      problems.push({ code: 'disclaimerMissing', kind, path: 'disclaimers' })
    }
  }

  return { attached, disclaimers, problems, requiredKinds }
}
