import escapeHtml from 'escape-html'

import type { ResolvedFrontendOptions } from '../types.ts'
import type { ArticleView } from './articleView.ts'

import { lexicalText } from '../summaries/lexicalText.ts'
import { textAndDataMiningHeaders } from '../rules/textAndDataMining.ts'
import { articlePageUrl, sharedImageOf } from './articlePage.ts'
import { jsonLdScriptText, toNewsArticleJsonLd } from './jsonLd.ts'

/**
 * A `<meta>` of the page's head, named by `name` (description, robots, Twitter) or by `property`
 * (Open Graph), the other null: one shape for REST and GraphQL alike.
 */
export type HeadMeta = { content: string; name: null | string; property: null | string }
/** A `<link>` of the page's head: the canonical URL and one `alternate` per language version. */
/** W3C PROV-AQ's link relation from a resource to its provenance. */
export const provenanceRelation = 'http://www.w3.org/ns/prov#has_provenance' as const

export type HeadLink = {
  href: string
  hreflang: null | string
  rel: 'alternate' | 'canonical' | typeof provenanceRelation
}

/**
 * What an article page's `<head>` holds, built from the read model so every frontend renders the
 * same tags: the title, the description, robots, the canonical URL, `hreflang` links between
 * translations, Open Graph (with `article:*`) and Twitter cards.
 */
export type ArticleHead = {
  description: string
  links: HeadLink[]
  meta: HeadMeta[]
  title: string
}

/** Descriptions beyond this are cut at a word (search engines show about 155 characters). */
const descriptionLength = 160

const shortened = (text: string): string => {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= descriptionLength) {
    return clean
  }
  const cut = clean.slice(0, descriptionLength - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), descriptionLength / 2))}…`
}

/** Open Graph's `language_TERRITORY` for a language, by the likely territory CLDR gives it (`fr` → `fr_FR`). */
export const openGraphLocale = (language: string): string => {
  try {
    const { language: code, region } = new Intl.Locale(language).maximize()
    return region ? `${code}_${region}` : code
  } catch {
    return language
  }
}

/**
 * What the page says it is about: the standfirst, else the summary, else the start of the body
 * (a retracted article: its notice), shortened at a word.
 */
const descriptionOf = (view: ArticleView): string =>
  shortened(
    view.retracted?.notice ||
      view.standfirst ||
      view.summary.text ||
      lexicalText(view.body) ||
      view.title,
  )

/**
 * The head of an article page. The canonical URL is ours, or the original's where the article's
 * canonical policy says so; a retracted article stays readable at its URL but asks not to be indexed.
 */
export const toArticleHead = (
  view: ArticleView,
  frontend: ResolvedFrontendOptions,
): ArticleHead => {
  const url = articlePageUrl(frontend, view.language, view.slug)
  const description = descriptionOf(view)
  const image = sharedImageOf(view, frontend)
  const versions = [view, ...view.translations]
  const property = (name: string, content: null | number | string | undefined): HeadMeta[] =>
    content === null || content === undefined || content === ''
      ? []
      : [{ content: String(content), name: null, property: name }]
  const named = (name: string, content: string): HeadMeta => ({ content, name, property: null })
  return {
    description,
    links: [
      { href: view.seo.canonicalUrl ?? url, hreflang: null, rel: 'canonical' },
      // hreflang names every version, this one included, or search engines ignore the set.
      ...(view.translations.length
        ? versions.map((version): HeadLink => ({
            href: articlePageUrl(frontend, version.language, version.slug),
            hreflang: version.language,
            rel: 'alternate',
          }))
        : []),
      // PROV-AQ's relation: where the signed record of what this page showed can be fetched.
      ...(view.provenance
        ? [{ href: view.provenance, hreflang: null, rel: provenanceRelation }]
        : []),
    ],
    meta: [
      named('description', description),
      named('robots', view.retracted ? 'noindex, follow' : view.seo.robots),
      // TDMRep's HTML form of the reservation (the view endpoint sends it as headers too).
      ...Object.entries(textAndDataMiningHeaders(view.textAndDataMining)).map(([name, content]) =>
        named(name, content),
      ),
      ...property('og:type', 'article'),
      ...property('og:url', url),
      ...property('og:title', view.title),
      ...property('og:description', description),
      ...property('og:site_name', frontend.publisher.name),
      ...property('og:locale', openGraphLocale(view.language)),
      ...view.translations.flatMap((version) =>
        property('og:locale:alternate', openGraphLocale(version.language)),
      ),
      ...(image
        ? [
            ...property('og:image', image.url),
            ...property('og:image:alt', image.alt),
            ...property('og:image:width', image.width),
            ...property('og:image:height', image.height),
          ]
        : []),
      ...property('article:published_time', view.publishedAt),
      ...property('article:modified_time', view.updatedAt),
      ...property('article:section', view.section?.name),
      named('twitter:card', image ? 'summary_large_image' : 'summary'),
      named('twitter:title', view.title),
      named('twitter:description', description),
      ...(image ? [named('twitter:image', image.url), named('twitter:image:alt', image.alt)] : []),
    ],
    title: view.title,
  }
}

/**
 * The head as HTML, for a frontend that writes its pages as text: each value escaped for an
 * attribute (escape-html), the JSON-LD as its script's text (see `jsonLdScriptText`).
 */
export const articleHeadHtml = (head: ArticleHead, jsonLd?: null | object): string =>
  [
    `<title>${escapeHtml(head.title)}</title>`,
    ...head.meta.map((meta) =>
      meta.name === null
        ? `<meta property="${escapeHtml(meta.property ?? '')}" content="${escapeHtml(meta.content)}">`
        : `<meta name="${escapeHtml(meta.name)}" content="${escapeHtml(meta.content)}">`,
    ),
    ...head.links.map(
      (link) =>
        `<link rel="${link.rel}"${link.hreflang ? ` hreflang="${escapeHtml(link.hreflang)}"` : ''} href="${escapeHtml(link.href)}">`,
    ),
    ...(jsonLd ? [`<script type="application/ld+json">${jsonLdScriptText(jsonLd)}</script>`] : []),
  ].join('\n')

/** What the view endpoint and GraphQL's `ArticleView` answer: the article, its page head and JSON-LD. */
export const articleViewAnswer = (view: ArticleView, frontend: ResolvedFrontendOptions) => ({
  article: view,
  head: toArticleHead(view, frontend),
  jsonLd: toNewsArticleJsonLd(view, frontend),
})
