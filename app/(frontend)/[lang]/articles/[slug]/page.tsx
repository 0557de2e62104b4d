import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound, permanentRedirect } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import { cache } from 'react'
import { pluginOptionsOf, toArticleHead, toNewsArticleJsonLd } from 'payload-newsroom/rules'
import type { ArticleHead } from 'payload-newsroom/types'
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

// The title through Next's metadata (the layout has a default); every other tag of the plugin's head
// is rendered with the page, and React places it in <head>.
export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { options, view } = await load(props)
  return view ? { title: toArticleHead(view, options.frontend).title } : {}
}

/** The plugin's head as elements: what any frontend renders from `head`, the same way. */
function ArticleHeadTags({ head }: { head: ArticleHead }) {
  return (
    <>
      {head.meta.map((meta) => (
        <meta
          content={meta.content}
          key={`${meta.name ?? meta.property}=${meta.content}`}
          name={meta.name ?? undefined}
          property={meta.property ?? undefined}
        />
      ))}
      {head.links.map((link) => (
        <link
          href={link.href}
          hrefLang={link.hreflang ?? undefined}
          key={`${link.rel}-${link.hreflang}-${link.href}`}
          rel={link.rel}
        />
      ))}
    </>
  )
}

export default async function ArticlePage(props: PageProps) {
  const { moved, options, view } = await load(props)
  // Next answers a permanent redirect with 308, which search engines treat as 301.
  if (moved) permanentRedirect(options.frontend.articlePath(moved.language, moved.slug))
  if (!view) notFound()
  return (
    <>
      <ArticleHeadTags head={toArticleHead(view, options.frontend)} />
      <ArticleContent
        jsonLd={toNewsArticleJsonLd(view, options.frontend)}
        options={options}
        view={view}
      />
    </>
  )
}
