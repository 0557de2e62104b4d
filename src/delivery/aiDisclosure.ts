/**
 * What AI did to an article, for readers and machines: the EU AI Act's transparency duty (art. 50)
 * asks that AI-generated or manipulated text published to inform the public be disclosed, unless a
 * human reviewed it and someone holds editorial responsibility. A pure function of the article.
 */

import { ownValue } from '../utilities/ownValue.ts'

type Doc = Record<string, any>

/** IPTC's digital source type vocabulary (https://cv.iptc.org/newscodes/digitalsourcetype/). */
export const iptcDigitalSourceType = (
  code: 'compositeWithTrainedAlgorithmicMedia' | 'trainedAlgorithmicMedia',
) => `http://cv.iptc.org/newscodes/digitalsourcetype/${code}`

export type AIUse = 'assisted' | 'summarised' | 'translated' | 'wrote'

export type AIDisclosureView = {
  /** IPTC digital source type of the body, when AI made or changed it. */
  bodyDigitalSourceType: null | string
  /** The reader-facing sentence, in the article's language. */
  label: string
  level: string
  /** Who holds editorial responsibility (the responsible editor's public name), when set. */
  responsibleEditor: null | string
  /** A human's review of the AI's work: when, and who (public name). */
  reviewed: null | { at: string; by: null | string }
  /** IPTC digital source type of the summary shown, when a model wrote it. */
  summaryDigitalSourceType: null | string
  /** The systems (models, robots) named on the article. */
  systems: string[]
  uses: AIUse[]
}

const bodyUse: Record<string, AIUse | undefined> = {
  assisted: 'assisted',
  generated: 'wrote',
  translation: 'translated',
}

/**
 * `null` when no AI was involved in what readers see. `names` maps user IDs to public names (only
 * the reviewer and the responsible editor are looked up).
 */
export const aiDisclosureOf = (
  article: Doc,
  names: ReadonlyMap<string, string>,
  label: (level: string) => string,
): AIDisclosureView | null => {
  const level = String(article.aiDisclosure?.level ?? 'none')
  const aiSummary = article.summary?.status === 'ready' && Boolean(article.summary?.producedBy)
  const uses = new Set<AIUse>()
  const body = ownValue(bodyUse, level)
  if (body) {
    uses.add(body)
  }
  if (aiSummary || level === 'summary') {
    uses.add('summarised')
  }
  if (uses.size === 0) {
    return null
  }

  const automated = article.byline?.automated
  const systems = [
    automated?.enabled && level === 'generated' ? automated.system : null,
    aiSummary ? article.summary.producedBy : null,
  ]
  const nameOf = (value: unknown) => {
    const id =
      typeof value === 'object' && value !== null ? ('id' in value ? value.id : undefined) : value
    return id === undefined || id === null ? null : (names.get(String(id)) ?? null)
  }
  const reviewedAt = article.aiDisclosure?.reviewedAt
  return {
    bodyDigitalSourceType: body
      ? iptcDigitalSourceType(
          body === 'wrote' ? 'trainedAlgorithmicMedia' : 'compositeWithTrainedAlgorithmicMedia',
        )
      : null,
    label: label(level === 'none' ? 'summary' : level),
    level,
    responsibleEditor: nameOf(article.aiDisclosure?.responsibleEditor),
    reviewed:
      reviewedAt && article.aiDisclosure?.reviewedBy
        ? { at: String(reviewedAt), by: nameOf(article.aiDisclosure.reviewedBy) }
        : null,
    summaryDigitalSourceType: aiSummary ? iptcDigitalSourceType('trainedAlgorithmicMedia') : null,
    systems: [
      ...new Set(
        systems.filter((system): system is string => typeof system === 'string' && system !== ''),
      ),
    ],
    uses: [...uses],
  }
}

/** The IDs whose public names the disclosure shows. */
export const aiDisclosurePeople = (article: Doc): unknown[] => [
  article.aiDisclosure?.reviewedBy,
  article.aiDisclosure?.responsibleEditor,
]
