import type { Payload, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { describeProblem, formatInstant } from '../rules/describeProblem.ts'
import { snapshotFinding } from '../rules/disclaimerSnapshot.ts'
import { loadRuleInput } from './loadRuleInput.ts'
import { imageUses } from '../rules/imageRules.ts'
import { evaluatePublishRules, type RuleProblem, toRuleArticle } from '../rules/publishRules.ts'
import { translate } from '../translations/index.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import { liveRightsEndingWhere } from '../utilities/publishedArticles.ts'

type ID = number | string
export type ComplianceProblem = (
  | RuleProblem
  | { code: 'snapshotInvalid' | 'snapshotOutdated'; key: string; path: 'appliedDisclaimers' }
) & {
  message: string
}
export type ComplianceFinding = {
  id: ID
  language: string
  problems: ComplianceProblem[]
  slug: string
  title: string
}

const pageSize = 100

/**
 * Every published article that breaks the publish rules as stored (auto-attach off: this reports,
 * it changes nothing), for data written before the plugin, behind its back, or made invalid by time
 * (an expired disclaimer); every article whose snapshot shows an older disclaimer version; and every
 * snapshot that does not hold the wording it names (`snapshotProblem`).
 */
export const checkCompliance = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  req: PayloadRequest,
  /** Store each article's problem count in `complianceProblems`, for the admin's list filter. */
  { record = true }: { record?: boolean } = {},
): Promise<ComplianceFinding[]> => {
  const findings: ComplianceFinding[] = []
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: options.collections.articles.slug,
      depth: 0,
      joins: false,
      limit: pageSize,
      overrideAccess: true,
      page,
      req,
      sort: 'id',
      where: { _status: { equals: 'published' } },
    })
    // Whole documents, as stored: the rules read them field by field.
    const articles: Record<string, any>[] = result.docs
    for (const doc of articles) {
      const language = String(doc.language)
      const input = await loadRuleInput(
        req,
        { ...options, autoAttachDisclaimers: false },
        toRuleArticle(doc),
        relationID(doc.section),
        language,
        imageUses(doc),
      )
      const problems: ComplianceProblem[] = evaluatePublishRules(input).problems.map((problem) => ({
        ...problem,
        message: describeProblem(req.t, problem),
      }))
      const appliedDisclaimers: {
        contentHash?: unknown
        disclaimer: unknown
        key: string
        texts?: unknown
        version: number
      }[] = doc.appliedDisclaimers ?? []
      for (const applied of appliedDisclaimers) {
        const live = input.disclaimers.get(relationID(applied.disclaimer)!)
        const code = snapshotFinding(applied, live, {
          language,
          localized: Boolean(payload.config.localization),
        })
        if (code) {
          const problem = { code, key: applied.key, path: 'appliedDisclaimers' as const }
          problems.push({ ...problem, message: describeProblem(req.t, problem) })
        }
      }
      if (problems.length > 0) {
        findings.push({ id: doc.id, language, problems, slug: doc.slug, title: doc.title })
      }
      if (record && problems.length !== (doc.complianceProblems ?? 0)) {
        // Only this bookkeeping field, through the adapter: a regular update would rightly run the
        // publish rules again and refuse to save an article that breaks them.
        await payload.db.updateOne({
          id: doc.id,
          collection: options.collections.articles.slug,
          data: { complianceProblems: problems.length },
          req,
        })
      }
    }
    if (!result.hasNextPage) {
      return findings
    }
  }
}

export type RightsExpiringSoon = {
  at: string
  id: ID
  language: string
  message: string
  slug: string
  title: string
}

/**
 * Published syndicated pieces whose rights expire within `licences.expiryWarningDays`, soonest first:
 * the expiry task will take them down then, unless the licence is renewed (a later `rightsExpireAt`).
 */
export const findRightsExpiringSoon = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  req: PayloadRequest,
  now = new Date(),
): Promise<RightsExpiringSoon[]> => {
  const until = new Date(now.getTime() + options.licences.expiryWarningDays * 86_400_000)
  const { docs } = await findDocuments<{
    attribution: { rightsExpireAt: string }
    language: string
    slug: string
    title: string
  }>(payload, {
    collection: options.collections.articles.slug,
    depth: 0,
    draft: false,
    joins: false,
    // Within the plugin's own query limit; the soonest first, which are what an editor acts on.
    limit: 200,
    overrideAccess: true,
    req,
    select: {
      attribution: { rightsExpireAt: true },
      language: true,
      slug: true,
      title: true,
    },
    sort: 'attribution.rightsExpireAt',
    where: liveRightsEndingWhere(until, now),
  })
  return docs.map((doc) => ({
    at: doc.attribution.rightsExpireAt,
    id: doc.id,
    language: doc.language,
    message: translate(req.t, 'ruleRightsExpireSoon', {
      at: formatInstant(doc.attribution.rightsExpireAt),
    }),
    slug: doc.slug,
    title: doc.title,
  }))
}
