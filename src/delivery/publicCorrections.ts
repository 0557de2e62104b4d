import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { xmlHtmlText, xmlText } from './xmlText.ts'
import { correctionTypes } from '../rules/workflow.ts'
import { isOneOf, recordOf, stringOf } from '../utilities/values.ts'
import { strings } from './articleView.ts'
import { publisherFeed, type SyndicationFormat } from './syndicationFeeds.ts'

/** An article as read with the list's `select`: its fields are checked where used. */
type Doc = { corrections?: unknown; id: number | string; slug?: unknown; title?: unknown }

/** One correction, clarification or retraction as the public list shows it. */
export type PublicCorrection = {
  article: { id: number | string; slug: string; title: string; url: string }
  at: null | string
  text: string
  type: string
  /** The type in the list's language ("Retrait"). */
  typeLabel: string
}

export type PublicCorrections = {
  entries: PublicCorrection[]
  language: string
  /** Where this list is on the public site (`frontend.correctionsPagePath`). */
  pageUrl: string
  title: string
}

/** Entries on the page and in its feeds: the newest. */
export const publicCorrectionsLimit = 100
/**
 * Articles read for them: the most recently updated articles with a correction (a correction updates
 * the article, so the newest corrections are theirs).
 */
const correctedArticlesRead = 200

/**
 * Every correction, clarification and retraction of these articles, newest first (undated ones
 * last, in the articles' order), at most `limit`. Pure: the page, its feeds and hosts share it.
 */
export const publicCorrectionEntries = (
  articles: Doc[],
  language: string,
  articleUrl: (article: Doc) => string,
  limit = publicCorrectionsLimit,
): PublicCorrection[] => {
  const text = strings(language)
  const typeLabel = (type: string) =>
    isOneOf(correctionTypes, type) ? text[`correctionType_${type}`] : type
  return (
    articles
      .flatMap((article) =>
        (Array.isArray(article.corrections) ? article.corrections : []).flatMap(
          (value: unknown): PublicCorrection[] => {
            const entry = recordOf(value)
            const note = stringOf(entry.text)
            const type = stringOf(entry.type) ?? 'correction'
            return note?.trim()
              ? [
                  {
                    article: {
                      id: article.id,
                      slug: String(article.slug),
                      title: String(article.title),
                      url: articleUrl(article),
                    },
                    at: stringOf(entry.at) ?? null,
                    text: note,
                    type,
                    typeLabel: typeLabel(type),
                  },
                ]
              : []
          },
        ),
      )
      // Stable: entries of the same instant keep the articles' order; undated ones go last.
      .map((entry) => ({ entry, time: Date.parse(entry.at ?? '') || Number.MIN_SAFE_INTEGER }))
      .sort((a, b) => b.time - a.time)
      .slice(0, limit)
      .map(({ entry }) => entry)
  )
}

/**
 * The public list of corrections in a language, as the request's user may read it: published
 * articles, retracted ones included (a retraction is the correction readers most need to find).
 * Null for a language the plugin does not serve.
 */
export const loadPublicCorrections = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  language: string,
): Promise<null | PublicCorrections> => {
  if (!options.languages.includes(language)) {
    return null
  }
  const { articlePath, correctionsPagePath, siteUrl } = options.frontend
  const { docs } = await req.payload.find({
    collection: options.collections.articles.slug,
    depth: 0,
    joins: false,
    limit: correctedArticlesRead,
    overrideAccess: false,
    pagination: false,
    req,
    select: { corrections: true, language: true, slug: true, title: true, updatedAt: true },
    sort: '-updatedAt',
    where: {
      and: [
        { _status: { equals: 'published' } },
        { workflowState: { in: ['published', 'retracted'] } },
        { language: { equals: language } },
        { 'corrections.text': { exists: true } },
      ],
    },
  })
  return {
    entries: publicCorrectionEntries(
      docs,
      language,
      (article) => `${siteUrl}${articlePath(language, String(article.slug))}`,
    ),
    language,
    pageUrl: `${siteUrl}${correctionsPagePath(language)}`,
    title: strings(language).correctionsPageTitle,
  }
}

/**
 * RSS 2.0 or Atom 1.0 of the list, one entry per correction (its ID: the article's and the
 * correction's date, so a later edit of the article is not a new entry), written by `feed` as the
 * article feeds are.
 */
export const publicCorrectionsFeed = (
  options: ResolvedNewsroomOptions,
  list: PublicCorrections,
  { format, selfUrl }: { format: SyndicationFormat; selfUrl: string },
): string => {
  const dated = list.entries.filter((entry) => entry.at)
  const feed = publisherFeed(options, {
    format,
    language: list.language,
    link: list.pageUrl,
    selfUrl,
    title: `${options.frontend.publisher.name} · ${list.title}`,
    updated: new Date(dated[0]?.at ?? 0),
  })
  for (const entry of list.entries) {
    const id = `${list.pageUrl}#${encodeURIComponent(`${entry.article.id}-${entry.at ?? entry.type}`)}`
    feed.addItem({
      date: new Date(entry.at ?? 0),
      description: xmlHtmlText(entry.text),
      guid: id,
      id,
      link: entry.article.url,
      title: (format === 'atom' ? xmlHtmlText : xmlText)(
        `${entry.typeLabel} · ${entry.article.title}`,
      ),
    })
  }
  return format === 'rss' ? feed.rss2() : feed.atom1()
}
