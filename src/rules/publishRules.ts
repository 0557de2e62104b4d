import type { DisclaimerKind } from '../types.ts'

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
  attribution?: { creditText?: null | string; originalUrl?: null | string; source?: ID | null } | null
  disclaimers: ID[]
  origin: 'original' | 'syndicated' | string
}

export type RuleSource = { creditLine?: null | string; defaultDisclaimers: ID[]; id: ID; status: string }
export type RuleSection = { defaultDisclaimers: ID[]; requiredDisclaimerKinds: string[] }

export type RuleInput = {
  article: RuleArticle
  autoAttach: boolean
  /** Every disclaimer the rules may look at: attached ones and all default candidates. */
  disclaimers: Map<ID, RuleDisclaimer> | ReadonlyMap<ID, RuleDisclaimer>
  /** The plugin's global default per kind, already resolved to an ID (last resort of auto-attach). */
  globalDefaults: Partial<Record<string, ID>>
  now: Date
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
    disclosure?.level && aiKindsNeedingDisclosure.has(disclosure.level) && !(disclosure.reviewedBy && disclosure.reviewedAt),
  )
}

/**
 * Kinds an article must carry to be published: third-party content for syndicated pieces, whatever
 * its section requires, and AI-generated when AI wrote or summarised it unreviewed.
 */
export const requiredDisclaimerKinds = (article: RuleArticle, section: null | RuleSection): string[] => {
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
    ['global', input.globalDefaults[kind] !== undefined ? [input.globalDefaults[kind]!] : []],
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
