import type {
  ImageObject,
  IPTCDigitalSourceEnumeration,
  NewsArticle,
  Organization,
  Person,
  ProfilePage,
  WithContext,
} from 'schema-dts'

import serialize from 'serialize-javascript'

import type { ResolvedFrontendOptions } from '../types.ts'
import type { AIDisclosureView } from './aiDisclosure.ts'
import type { ArticleView } from './articleView.ts'
import type { ImageSizeView, ImageView } from './imageView.ts'

import { articlePageUrl, sharedImageOf } from './articlePage.ts'

/** One size of an image: schema.org lengths are text or QuantitativeValue, so pixels as bare numbers in text. */
const sizedImageObject = (size: ImageSizeView): ImageObject => ({
  '@type': 'ImageObject',
  height: size.height ? String(size.height) : undefined,
  url: size.url,
  width: size.width ? String(size.width) : undefined,
})

/**
 * The featured image in the aspect ratios Google asks of article images (its sizes: social 1200 × 630,
 * article and card widths, and the original), each with its credit, notice and licence.
 */
const imageJsonLd = (image: ImageView): ImageObject[] => {
  const variants = [
    image.sizes.social,
    image.sizes.article,
    { height: image.height, url: image.url, width: image.width },
  ]
  const seen = new Set<string>()
  return variants
    .filter(
      (variant): variant is NonNullable<typeof variant> =>
        Boolean(variant) && !seen.has(variant!.url) && Boolean(seen.add(variant!.url)),
    )
    .map((variant) => ({
      ...sizedImageObject(variant),
      caption: image.caption ?? undefined,
      copyrightNotice: image.copyrightNotice ?? undefined,
      creditText: image.credit ?? undefined,
      license: image.licence ?? undefined,
    }))
}

/** IPTC's code as schema.org spells it: `trainedAlgorithmicMedia` becomes `TrainedAlgorithmicMediaDigitalSource`. */
const schemaDigitalSource = (iptcUri: string): IPTCDigitalSourceEnumeration => {
  const code = iptcUri.slice(iptcUri.lastIndexOf('/') + 1)
  // schema.org names each IPTC code so (capitalised, then `DigitalSource`); a string built at run
  // time cannot be proven one of schema-dts's literals.
  return `https://schema.org/${code[0].toUpperCase()}${code.slice(1)}DigitalSource` as IPTCDigitalSourceEnumeration
}

/**
 * What AI did, in schema.org terms: the body's `digitalSourceType`, the AI summary as a part with its
 * own source type and system, the human reviewer as `editor` and the responsible editor as
 * `accountablePerson` (the EU AI Act's exemption needs human review and editorial responsibility).
 */
const aiDisclosureJsonLd = (ai: AIDisclosureView, view: ArticleView): Partial<NewsArticle> => ({
  accountablePerson: ai.responsibleEditor
    ? { '@type': 'Person', name: ai.responsibleEditor }
    : undefined,
  digitalSourceType: ai.bodyDigitalSourceType
    ? schemaDigitalSource(ai.bodyDigitalSourceType)
    : undefined,
  editor: ai.reviewed?.by ? { '@type': 'Person', name: ai.reviewed.by } : undefined,
  hasPart:
    ai.summaryDigitalSourceType && view.summary.text
      ? {
          '@type': 'CreativeWork',
          abstract: view.summary.text,
          creator: ai.systems.length
            ? ai.systems.map((name) => ({ '@type': 'Organization' as const, name }))
            : undefined,
          digitalSourceType: schemaDigitalSource(ai.summaryDigitalSourceType),
          name: ai.label,
        }
      : undefined,
})

/**
 * schema.org `NewsArticle` for a published article, typed with schema-dts. An automated byline is
 * disclosed as such (Google considers a bare "AI" byline inadequate), never passed off as a person.
 * A retracted article keeps its page: it says so (`creativeWorkStatus`) and its notice is the
 * description. An article without an image of its own shows the publisher's default image.
 */
export const toNewsArticleJsonLd = (
  view: ArticleView,
  frontend: ResolvedFrontendOptions,
): WithContext<NewsArticle> => {
  const url = articlePageUrl(frontend, view.language, view.slug)
  const fallbackImage = view.featuredImage ? null : sharedImageOf(view, frontend)
  const people: Person[] = view.byline.authors.map((author) => ({
    '@type': 'Person',
    name: author.name,
    url: author.page ? `${frontend.siteUrl}${author.page}` : undefined,
  }))
  const automated: Organization[] = view.byline.automated
    ? [
        {
          '@type': 'Organization',
          description: view.byline.automated.disclosure,
          name: `${frontend.publisher.name} (${view.byline.automated.label})`,
        },
      ]
    : []
  const attribution = view.attribution
  const ai = view.aiDisclosure
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    ...(ai ? aiDisclosureJsonLd(ai, view) : {}),
    articleSection: view.section?.name,
    author: [...people, ...automated],
    copyrightHolder: attribution?.copyrightHolder
      ? { '@type': 'Organization', name: attribution.copyrightHolder }
      : undefined,
    copyrightNotice: attribution?.copyrightNotice ?? undefined,
    correction: view.corrections.map((entry) => ({
      '@type': 'CorrectionComment',
      datePublished: entry.at ?? undefined,
      text: entry.text,
    })),
    creditText: attribution?.creditText ?? undefined,
    creativeWorkStatus: view.retracted ? 'Retracted' : undefined,
    dateModified: view.updatedAt,
    datePublished: view.publishedAt ?? undefined,
    description: view.retracted?.notice ?? view.standfirst ?? undefined,
    headline: view.title,
    image: view.featuredImage
      ? imageJsonLd(view.featuredImage)
      : fallbackImage
        ? [sizedImageObject(fallbackImage)]
        : undefined,
    inLanguage: view.language,
    isBasedOn: attribution?.originalUrl ?? view.basedOn?.originalUrl ?? undefined,
    license: attribution?.licence ?? undefined,
    mainEntityOfPage: { '@id': url, '@type': 'WebPage' },
    publisher: {
      '@type': 'NewsMediaOrganization',
      logo: frontend.publisher.logoUrl
        ? { '@type': 'ImageObject', url: frontend.publisher.logoUrl }
        : undefined,
      name: frontend.publisher.name,
      url: frontend.publisher.url ?? frontend.siteUrl,
      // Its publishing principles, corrections and ethics policies, masthead…: schema.org's names.
      ...frontend.publisher.policies,
    },
    sourceOrganization: attribution?.source
      ? {
          '@type': 'Organization',
          name: attribution.source.name,
          url: attribution.source.homepageUrl ?? undefined,
        }
      : undefined,
    url,
  }
}

/** What an author page shows of the person: public fields only, in the page's language. */
export type AuthorProfile = {
  bio: null | string
  jobTitle: null | string
  name: string
  /** The page's path. */
  page: string
  slug: string
}

/** schema.org `ProfilePage` of an author page: the person, and the newsroom they write for. */
export const toAuthorPageJsonLd = (
  author: AuthorProfile,
  language: string,
  frontend: ResolvedFrontendOptions,
): WithContext<ProfilePage> => {
  const url = `${frontend.siteUrl}${author.page}`
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    inLanguage: language,
    mainEntity: {
      '@type': 'Person',
      description: author.bio ?? undefined,
      jobTitle: author.jobTitle ?? undefined,
      name: author.name,
      url,
      worksFor: {
        '@type': 'NewsMediaOrganization',
        name: frontend.publisher.name,
        url: frontend.publisher.url ?? frontend.siteUrl,
      },
    },
    url,
  }
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">` element. `JSON.stringify` would let a
 * title containing `</script><script>…` close the element and run in every reader's browser;
 * serialize-javascript (a long-kept library made for embedding data in HTML) escapes `<`, `>`, `/` and the
 * line separators as `\u` sequences, which JSON parsers read back as the same characters.
 */
export const jsonLdScriptText = (jsonLd: object): string => serialize(jsonLd, { isJSON: true })
