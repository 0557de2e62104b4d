import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import { cache } from 'react'
import {
  formatPublishedAt,
  jsonLdScriptText,
  openGraphLocale,
  pluginOptionsOf,
} from 'payload-newsroom/rules'
import { loadAuthorPage } from 'payload-newsroom/server'

import { pageText } from '../../../ArticleContent'

type Props = {
  params: Promise<{ lang: string; slug: string }>
  searchParams: Promise<{ page?: string }>
}

export const dynamic = 'force-dynamic'

/** The author page as the public sees it (anonymous, so access rules apply), once per render. */
const load = cache(async (lang: string, slug: string, page: string | undefined) => {
  const payload = await getPayload({ config })
  const options = pluginOptionsOf(payload.config)
  if (options.frontend.authorPagePath(lang, slug) !== `/${lang}/authors/${slug}`) return null
  const loaded = await loadAuthorPage(await createLocalReq({}, payload), options, {
    language: lang,
    page,
    slug,
  })
  return loaded && { ...loaded, options }
})

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { lang, slug } = await params
  const loaded = await load(lang, slug, (await searchParams).page)
  if (!loaded) return {}
  const { author, options } = loaded
  const { publisher, siteUrl } = options.frontend
  const url = `${siteUrl}${author.page}`
  // Every page shares a description and an image: the author's own words, and the publisher's image.
  const description = [author.jobTitle, author.bio].filter(Boolean).join(' · ') || publisher.name
  const image = publisher.defaultImage
  return {
    alternates: { canonical: url },
    description,
    openGraph: {
      description,
      images: image ? [image] : undefined,
      locale: openGraphLocale(lang),
      siteName: publisher.name,
      title: author.name,
      type: 'profile',
      url,
    },
    title: author.name,
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      description,
      images: image ? [image] : undefined,
      title: author.name,
    },
  }
}

/** Who the author is and the articles they signed in this language, newest first, page by page. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const { lang, slug } = await params
  const loaded = await load(lang, slug, (await searchParams).page)
  if (!loaded) notFound()
  const { articles, author, jsonLd, options } = loaded
  const t = pageText(lang)
  return (
    <main lang={lang}>
      <script
        dangerouslySetInnerHTML={{ __html: jsonLdScriptText(jsonLd) }}
        type="application/ld+json"
      />
      <h1 data-testid="author-name">{author.name}</h1>
      {author.jobTitle ? <p className="standfirst">{author.jobTitle}</p> : null}
      {author.bio ? <p>{author.bio}</p> : null}
      <h2>{t.pageAuthorArticles}</h2>
      <ol className="corrections" data-testid="author-articles">
        {articles.docs.map((article) => (
          <li key={String(article.id)}>
            <h3>
              <a href={options.frontend.articlePath(article.language, article.slug)}>
                {article.title}
              </a>
            </h3>
            {article.publishedAt ? (
              <p className="meta">
                <time dateTime={article.publishedAt}>
                  {formatPublishedAt(article.publishedAt, lang, options.frontend.timeZone)}
                </time>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="meta">
        {articles.prevPage ? <a href={`?page=${articles.prevPage}`}>{t.pageNewer}</a> : null}
        {articles.prevPage && articles.nextPage ? ' · ' : null}
        {articles.nextPage ? <a href={`?page=${articles.nextPage}`}>{t.pageOlder}</a> : null}
      </p>
    </main>
  )
}
