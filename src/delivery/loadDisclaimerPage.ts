import type { PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedNewsroomOptions, TrustPolicy } from '../types.ts'

import { trustPolicies } from '../types.ts'
import { strings } from './articleView.ts'

import { isDisclaimerValid, type RuleDisclaimer } from '../rules/publishRules.ts'
import { keepRequestLocale } from '../utilities/keepRequestLocale.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'

/** One section of the Disclaimer page; `anchor` is what each article's disclaimer link points at. */
export type DisclaimerPageEntry = {
  anchor: string
  key: string
  kind: string
  longText: null | string
  shortText: string
  title: string
  version: number
}

export type DisclaimerPage = {
  disclaimers: DisclaimerPageEntry[]
  language: string
  path: string
  /** Who publishes, and where it says how it works (`frontend.publisher.policies`), labelled in the language. */
  publisher: {
    name: string
    policies: { key: TrustPolicy; label: string; url: string }[]
    url: string
  }
}

/** What the page selects of a disclaimer: the rules' fields and its texts. */
type SelectedDisclaimer = RuleDisclaimer & {
  key: string
  longText?: null | string
  shortText: string
  title: string
  version: number
}

const publisherOf = (
  { frontend }: ResolvedNewsroomOptions,
  language: string,
): DisclaimerPage['publisher'] => {
  const text = strings(language)
  const policies = frontend.publisher.policies ?? {}
  return {
    name: frontend.publisher.name,
    policies: trustPolicies.flatMap((key) => {
      const url = policies[key]
      return url ? [{ key, label: text[`trustPolicy_${key}`], url }] : []
    }),
    url: frontend.publisher.url ?? frontend.siteUrl,
  }
}

/**
 * The Disclaimer page in a language, for the request's user: the full texts of the disclaimers in
 * force (approved, within their dates), by kind then key. Texts missing in the language fall back as
 * the config's localization says (to French in the demo).
 */
export const loadDisclaimerPage = keepRequestLocale(
  async (
    req: PayloadRequest,
    options: ResolvedNewsroomOptions,
    language: string,
    now = new Date(),
  ): Promise<DisclaimerPage | null> => {
    if (!options.languages.includes(language)) {
      return null
    }
    const { docs } = await findDocuments<SelectedDisclaimer>(req.payload, {
      collection: options.collections.disclaimers.slug,
      depth: 0,
      joins: false,
      locale: language,
      overrideAccess: false,
      pagination: false,
      req,
      select: {
        effectiveFrom: true,
        effectiveTo: true,
        key: true,
        kind: true,
        longText: true,
        shortText: true,
        status: true,
        title: true,
        version: true,
      },
      sort: ['kind', 'key'],
      where: { status: { equals: 'approved' } },
    })
    return {
      disclaimers: docs
        .filter((doc) => isDisclaimerValid(doc, now))
        .map((doc) => ({
          anchor: String(doc.key),
          key: doc.key,
          kind: doc.kind,
          longText: doc.longText ?? null,
          shortText: doc.shortText,
          title: doc.title,
          version: doc.version,
        })),
      language,
      path: options.frontend.disclaimerPagePath(language),
      publisher: publisherOf(options, language),
    }
  },
)
