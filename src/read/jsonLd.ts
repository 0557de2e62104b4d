import type { NewsArticle, Organization, Person, WithContext } from 'schema-dts'

import serialize from 'serialize-javascript'

import type { ResolvedFrontendOptions } from '../types.ts'
import type { ArticleView } from './articleView.ts'

/**
 * schema.org `NewsArticle` for a published article, typed with schema-dts. An automated byline is
 * disclosed as such (Google considers a bare "AI" byline inadequate), never passed off as a person.
 */
export const toNewsArticleJsonLd = (view: ArticleView, frontend: ResolvedFrontendOptions): null | WithContext<NewsArticle> => {
  // A retracted article is no longer offered as an article: no structured data for it.
  if (view.retracted) {
    return null
  }
  const people: Person[] = view.byline.authors.map((author) => ({ '@type': 'Person', name: author.name }))
  const automated: Organization[] = view.byline.automated
    ? [{ '@type': 'Organization', description: view.byline.automated.disclosure, name: `${frontend.publisher.name} (${view.byline.automated.label})` }]
    : []
  const attribution = view.attribution
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    articleSection: view.section?.name,
    author: [...people, ...automated],
    copyrightHolder: attribution?.copyrightHolder ? { '@type': 'Organization', name: attribution.copyrightHolder } : undefined,
    copyrightNotice: attribution?.copyrightNotice ?? undefined,
    correction: view.corrections.map((entry) => ({
      '@type': 'CorrectionComment',
      datePublished: entry.at ?? undefined,
      text: entry.text,
    })),
    creditText: attribution?.creditText ?? undefined,
    dateModified: view.updatedAt,
    datePublished: view.publishedAt ?? undefined,
    description: view.standfirst ?? undefined,
    headline: view.title,
    inLanguage: view.language,
    isBasedOn: attribution?.originalUrl ?? undefined,
    license: attribution?.licence ?? undefined,
    publisher: {
      '@type': 'Organization',
      logo: frontend.publisher.logoUrl ? { '@type': 'ImageObject', url: frontend.publisher.logoUrl } : undefined,
      name: frontend.publisher.name,
      url: frontend.publisher.url ?? frontend.siteUrl,
    },
    sourceOrganization: attribution?.source
      ? { '@type': 'Organization', name: attribution.source.name, url: attribution.source.homepageUrl ?? undefined }
      : undefined,
    url: `${frontend.siteUrl}${frontend.articlePath(view.language, view.slug)}`,
  }
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">` element. `JSON.stringify` would let a
 * title containing `</script><script>…` close the element and run in every reader's browser;
 * serialize-javascript (a long-kept library made for embedding data in HTML) escapes `<`, `>`, `/` and the
 * line separators as `\u` sequences, which JSON parsers read back as the same characters.
 */
export const jsonLdScriptText = (jsonLd: object): string => serialize(jsonLd, { isJSON: true })
