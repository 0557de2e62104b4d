import type { CanonicalStrategy, ResolvedTextAndDataMining } from '../types.ts'

import { translations } from '../translations/index.ts'
import { bodyImageIDs } from '../rules/imageRules.ts'
import { shownSnapshotTexts } from '../rules/disclaimerSnapshot.ts'
import { relationID } from '../utilities/documentValue.ts'
import { aiDisclosureOf, type AIDisclosureView } from './aiDisclosure.ts'
import { type ImageView, toImageView } from './imageView.ts'
import { safeUrl, webSchemes } from '../utilities/urls.ts'
import { ownValue } from '../utilities/ownValue.ts'
import { isValidSlug } from '../utilities/formatSlug.ts'
import {
  type TextAndDataMiningReservation,
  textAndDataMiningReservationOf,
} from '../rules/textAndDataMining.ts'

/**
 * The render-ready view of an article: everything a frontend needs for the article page, in the
 * article's language, with our rules already applied (what to show of a retracted article, which
 * disclaimers, robots and canonical hints). A pure function of the documents it is given.
 */
export type ArticleView = {
  /** What AI did (wrote, summarised, translated, assisted), which systems, who reviewed it; null when no AI. */
  aiDisclosure: AIDisclosureView | null
  attribution: null | {
    copyrightHolder: null | string
    copyrightNotice: null | string
    creditText: null | string
    licence: null | string
    originalUrl: null | string
    source: null | { homepageUrl: null | string; name: string; slug: string }
    viewOriginalLabel: string
  }
  /** An article of ours made from a syndicated one keeps saying what it is based on (its original URL). */
  basedOn: null | {
    label: string
    originalUrl: string
    source: null | { homepageUrl: null | string; name: string; slug: string }
  }
  body: unknown
  /** The images the body's upload nodes point at (by `id`), in order. */
  bodyImages: ImageView[]
  byline: {
    /** The automated byline and the disclosure that must be shown with it. */
    automated: null | { disclosure: string; label: string }
    /** Named authors; `page` is the path of their author page, when they have one. */
    authors: { id: number | string; name: string; page: null | string }[]
  }
  comments: { enabled: boolean; maxLength: number; moderation: boolean }
  corrections: { at: null | string; text: string; type: string }[]
  /** The public list of corrections (its path), for an article that has any. */
  correctionsPage: null | string
  disclaimers: {
    fullPageUrl: null | string
    key: string
    kind: string
    text: string
    title: string
    version: number
  }[]
  featuredImage: ImageView | null
  id: number | string
  language: string
  pinned: boolean
  /** Where the article's signed provenance chain is served (docs/provenance.md), when it has one. */
  provenance: null | string
  publishedAt: null | string
  retracted: null | { notice: string }
  seo: { canonical: CanonicalStrategy; canonicalUrl: null | string; robots: string }
  section: null | { name: string; slug: string }
  slug: string
  standfirst: null | string
  summary: { status: string; statusLabel: string; text: null | string }
  /** Whether the article may be mined for text and data or AI training (see `textAndDataMining`). */
  textAndDataMining: TextAndDataMiningReservation
  title: string
  translations: { language: string; slug: string; title: string }[]
  updatedAt: string
}

type Doc = Record<string, any>
export type ViewInputs = {
  article: Doc
  /**
   * Disclaimers in the article's language (with fallback), in the article's order: for an article
   * not published (an editor's preview). A published one shows its publication snapshot instead.
   */
  disclaimers: Doc[]
  section: Doc | null
  source: Doc | null
  translations: Doc[]
  /** Authors who may be named publicly (the view never exposes emails). */
  authors: Doc[]
  /** Path of an author page (from the author's `authorSlug`); omitted, the byline links to none. */
  authorPagePath?: (language: string, slug: string) => string
  /** Public names of the AI reviewer and the responsible editor (id and name only). */
  people?: Doc[]
  /** The media documents the article shows, in its language, and the base of their relative URLs. */
  images?: Doc[]
  mediaBaseUrl?: string
  /** The URL of the article's provenance chain; omitted, the view names none. */
  provenanceUrl?: null | string
  /** Path of the public list of corrections in a language; omitted, the view names none. */
  correctionsPagePath?: (language: string) => string
  /** Path of the Disclaimer page in a language: each disclaimer links to its anchor there. */
  disclaimerPagePath: (language: string) => string
  /** The publisher's reservation for its own articles; omitted, they are reserved. */
  textAndDataMining?: ResolvedTextAndDataMining
}

type Strings = (typeof translations.en)['newsroom']

/** The string of a key made from data (`summaryStatus_${status}`), undefined when there is none. */
const stringNamed = (text: Strings, key: string): string | undefined => ownValue(text, key)

const basedOnOf = (
  article: Doc,
  source: Doc | null | undefined,
  text: Strings,
  syndicated: boolean,
): ArticleView['basedOn'] => {
  const originalUrl = syndicated ? null : safeUrl(article.attribution?.originalUrl, webSchemes)
  if (!originalUrl) {
    return null
  }
  return {
    label: text.basedOn,
    originalUrl,
    source: source
      ? {
          homepageUrl: safeUrl(source.homepageUrl, webSchemes),
          name: source.name,
          slug: source.slug,
        }
      : null,
  }
}
export const strings = (language: string): Strings =>
  (ownValue<typeof translations.en>(translations, language) ?? translations.en).newsroom

/** Pinned, and not past `pinnedUntil`. */
export const isPinned = (article: Doc, now: Date) =>
  Boolean(article.pinned) &&
  (!article.pinnedUntil || new Date(article.pinnedUntil).getTime() > now.getTime())

/**
 * The byline for display: named authors (their names, and their pages in the article's language) and
 * the automated byline with its disclosure.
 */
export const bylineOf = (
  article: Doc,
  authors: Doc[],
  text: Strings,
  authorPagePath?: (language: string, slug: string) => string,
): ArticleView['byline'] => ({
  authors: authors
    .map((author) => ({
      id: author.id,
      name: String(author.name ?? ''),
      page:
        authorPagePath && typeof author.authorSlug === 'string' && isValidSlug(author.authorSlug)
          ? authorPagePath(String(article.language), author.authorSlug)
          : null,
    }))
    .filter((author) => author.name),
  automated: article.byline?.automated?.enabled
    ? {
        disclosure:
          stringNamed(text, `aiDisclosure_${article.aiDisclosure?.level ?? 'generated'}`) ??
          text.aiDisclosure_generated,
        label: String(article.byline.automated.label || 'robot'),
      }
    : null,
})

/** The AI summary's status and its label ("being generated"); the text only once it is ready, nothing when it failed. */
export const summaryOf = (article: Doc, text: Strings): ArticleView['summary'] => {
  // A failed generation is the editors' business: readers see no summary at all.
  const status = article.summary?.status === 'failed' ? 'none' : (article.summary?.status ?? 'none')
  return {
    status,
    statusLabel: stringNamed(text, `summaryStatus_${status}`) ?? '',
    text: status === 'ready' ? (article.summary?.text ?? null) : null,
  }
}

/**
 * What search engines are told about an article: Google News' advice for syndicated copies is
 * `noindex`; `original` points the canonical at the source. The view, the sitemaps and the feeds read it.
 */
export const canonicalStrategyOf = (article: Doc): CanonicalStrategy =>
  article.attribution?.canonical ?? (article.origin === 'syndicated' ? 'noindex' : 'self')

const seoHints = (article: Doc): ArticleView['seo'] => {
  const canonical = canonicalStrategyOf(article)
  return {
    canonical,
    canonicalUrl:
      canonical === 'original' ? safeUrl(article.attribution?.originalUrl, webSchemes) : null,
    robots: canonical === 'noindex' ? 'noindex, follow' : 'index, follow',
  }
}

type ShownDisclaimer = ArticleView['disclaimers'][number]

const shownDisclaimer = (disclaimer: Doc, texts: Doc, pagePath: string): ShownDisclaimer => ({
  // Its own external page if it has one, else its anchor on our Disclaimer page.
  fullPageUrl:
    safeUrl(disclaimer.fullPageUrl, webSchemes) ??
    `${pagePath}#${encodeURIComponent(String(disclaimer.key))}`,
  key: disclaimer.key,
  kind: disclaimer.kind,
  text: texts.shortText,
  title: texts.title,
  version: disclaimer.version,
})

/**
 * What readers see is what was approved: a published article renders the snapshot its publication
 * wrote (`appliedDisclaimers`), in its language (else the first language snapshotted), never a
 * wording approved since; that reaches it only by re-publication. Anything else renders the current
 * disclaimers.
 */
export const shownDisclaimers = (
  article: Doc,
  current: Doc[],
  language: string,
  pagePath: string,
): ShownDisclaimer[] =>
  article._status === 'published'
    ? (article.appliedDisclaimers ?? []).map((applied: Doc) =>
        shownDisclaimer(applied, shownSnapshotTexts(applied, language), pagePath),
      )
    : current.map((disclaimer) => shownDisclaimer(disclaimer, disclaimer, pagePath))

export const toArticleView = (
  {
    article,
    authorPagePath,
    authors,
    correctionsPagePath,
    disclaimerPagePath,
    disclaimers,
    images = [],
    mediaBaseUrl = 'http://localhost',
    people = [],
    provenanceUrl = null,
    section,
    source,
    textAndDataMining = { crawlers: [], policyUrl: null, reserved: true },
    translations: linked,
  }: ViewInputs,
  now = new Date(),
): ArticleView => {
  const language = String(article.language)
  const text = strings(language)
  const retracted = article.workflowState === 'retracted'
  const retraction = [...(article.corrections ?? [])]
    .reverse()
    .find((entry: Doc) => entry.type === 'retraction')
  const syndicated = article.origin === 'syndicated'
  const names = new Map(
    people
      .filter((person) => person.name)
      .map((person) => [String(person.id), String(person.name)]),
  )
  const imageViews = new Map(images.map((doc) => [String(doc.id), toImageView(doc, mediaBaseUrl)]))
  const imageOf = (id: unknown) =>
    id === undefined || id === null ? null : (imageViews.get(String(id)) ?? null)
  const featuredImage = retracted ? null : imageOf(relationID(article.featuredImage))
  return {
    aiDisclosure: aiDisclosureOf(
      article,
      names,
      (level) => stringNamed(text, `aiDisclosure_${level}`) ?? text.aiDisclosure_generated,
    ),
    attribution: syndicated
      ? {
          copyrightHolder: article.attribution?.copyrightHolder ?? null,
          copyrightNotice: article.attribution?.copyrightNotice ?? null,
          creditText: article.attribution?.creditText ?? source?.creditLine ?? null,
          licence: article.attribution?.licence ?? null,
          originalUrl: safeUrl(article.attribution?.originalUrl, webSchemes),
          source: source
            ? {
                homepageUrl: safeUrl(source.homepageUrl, webSchemes),
                name: source.name,
                slug: source.slug,
              }
            : null,
          viewOriginalLabel: article.attribution?.viewOriginalLabel || text.viewOriginal,
        }
      : null,
    basedOn: basedOnOf(article, source, text, syndicated),
    body: retracted ? null : (article.body ?? null),
    bodyImages: retracted ? [] : bodyImageIDs(article.body).flatMap((id) => imageOf(id) ?? []),
    byline: bylineOf(article, authors, text, authorPagePath),
    comments: {
      enabled: article.comments?.enabled ?? true,
      maxLength: article.comments?.maxLength ?? 400,
      moderation: article.comments?.moderation ?? true,
    },
    corrections: (article.corrections ?? []).map((entry: Doc) => ({
      at: entry.at ?? null,
      text: entry.text,
      type: entry.type,
    })),
    correctionsPage:
      correctionsPagePath && article.corrections?.length ? correctionsPagePath(language) : null,
    disclaimers: shownDisclaimers(article, disclaimers, language, disclaimerPagePath(language)),
    featuredImage,
    id: article.id,
    language,
    pinned: isPinned(article, now),
    provenance: provenanceUrl,
    publishedAt: article.publishedAt ?? null,
    retracted: retracted ? { notice: retraction?.text ?? '' } : null,
    section: section ? { name: section.name, slug: section.slug } : null,
    seo: seoHints(article),
    slug: article.slug,
    standfirst: article.standfirst ?? null,
    summary: summaryOf(article, text),
    textAndDataMining: textAndDataMiningReservationOf(
      article,
      source?.textAndDataMining,
      textAndDataMining,
    ),
    title: article.title,
    translations: linked.map((doc) => ({
      language: doc.language,
      slug: doc.slug,
      title: doc.title,
    })),
    updatedAt: article.updatedAt,
  }
}
