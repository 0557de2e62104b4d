import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound, permanentRedirect } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import { cache } from 'react'
import { pluginOptionsOf, toNewsArticleJsonLd } from 'payload-newsroom/rules'
import { findMovedArticle, loadArticleView } from 'payload-newsroom/server'
import { ArticleContent } from '../../../ArticleContent'

type PageProps = { params: Promise<{ lang: string; slug: string }> }

/**
 * The article as the public sees it: the Local API with an anonymous request, so access rules apply.
 * Once per render: the metadata and the page both need it.
 */
const loadView = cache(async (language: string, slug: string) => {
  const payload = await getPayload({ config })
  const options = pluginOptionsOf(payload.config)
  const req = await createLocalReq({}, payload)
  const view = await loadArticleView(req, options, { language, slug })
  // A renamed article's old path: where it lives now (asked only when no article holds the path).
  const moved = view ? undefined : await findMovedArticle(req, options, { language, slug })
  return { moved, options, view }
})
const load = async ({ params }: PageProps) => {
  const { lang, slug } = await params
  return loadView(lang, slug)
}

export const dynamic = 'force-dynamic'

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { view } = await load(props)
  if (!view) return {}
  // The 1200 × 630 social size, which every network crops well.
  const image = view.featuredImage
  const size =
    image?.sizes.social ??
    (image ? { height: image.height, url: image.url, width: image.width } : null)
  const social =
    image && size
      ? {
          alt: image.alt,
          height: size.height ?? undefined,
          url: size.url,
          width: size.width ?? undefined,
        }
      : null
  return {
    alternates: view.seo.canonicalUrl ? { canonical: view.seo.canonicalUrl } : undefined,
    description: view.standfirst ?? undefined,
    openGraph: social ? { images: [social], title: view.title, type: 'article' } : undefined,
    robots: view.seo.robots,
    title: view.title,
    twitter: social ? { card: 'summary_large_image', images: [social] } : undefined,
  }
}

export default async function ArticlePage(props: PageProps) {
  const { moved, options, view } = await load(props)
  // Next answers a permanent redirect with 308, which search engines treat as 301.
  if (moved) permanentRedirect(options.frontend.articlePath(moved.language, moved.slug))
  if (!view) notFound()
  return (
    <ArticleContent
      jsonLd={toNewsArticleJsonLd(view, options.frontend)}
      options={options}
      view={view}
    />
  )
}
