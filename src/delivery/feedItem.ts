import type { ArticleView } from './articleView.ts'
import type { ImageSizeView, ImageView } from './imageView.ts'

import { bylineOf, isPinned, strings, summaryOf } from './articleView.ts'

type Doc = Record<string, any>

/** What a feed card draws, in the article's language: no body, no second request needed. */
export type FeedItem = {
  byline: ArticleView['byline']
  id: number | string
  language: string
  origin: 'original' | 'syndicated'
  pinned: boolean
  publishedAt: null | string
  section: ArticleView['section']
  slug: string
  /** The third party a syndicated item comes from. */
  source: null | { name: string; slug: string }
  standfirst: null | string
  summary: Omit<ArticleView['summary'], 'text'>
  /** The featured image at card size (the whole image when it has no card size), with its alt text. */
  thumbnail: ({ alt: string } & ImageSizeView) | null
  title: string
}

export type FeedItemInputs = {
  article: Doc
  /** Path of an author page; omitted, the byline links to none. */
  authorPagePath?: (language: string, slug: string) => string
  authors: Doc[]
  section: Doc | null
  source: Doc | null
  /** The view of the article's featured image, when the reader may see it. */
  thumbnail?: ImageView | null
}

/** A feed card from the article and its related documents. Pure, like the article view. */
export const toFeedItem = (
  { article, authorPagePath, authors, section, source, thumbnail }: FeedItemInputs,
  now = new Date(),
): FeedItem => {
  const text = strings(String(article.language))
  const { status, statusLabel } = summaryOf(article, text)
  const syndicated = article.origin === 'syndicated'
  return {
    byline: bylineOf(article, authors, text, authorPagePath),
    id: article.id,
    language: String(article.language),
    origin: syndicated ? 'syndicated' : 'original',
    pinned: isPinned(article, now),
    publishedAt: article.publishedAt ?? null,
    section: section ? { name: section.name, slug: section.slug } : null,
    slug: article.slug,
    source: syndicated && source ? { name: source.name, slug: source.slug } : null,
    standfirst: article.standfirst ?? null,
    summary: { status, statusLabel },
    thumbnail: thumbnail
      ? {
          alt: thumbnail.alt,
          ...(thumbnail.sizes.card ?? {
            height: thumbnail.height,
            url: thumbnail.url,
            width: thumbnail.width,
          }),
        }
      : null,
    title: article.title,
  }
}
