import type { ResolvedFrontendOptions } from '../types.ts'
import type { ArticleView } from './articleView.ts'

/** The absolute URL of an article page of ours. */
export const articlePageUrl = (frontend: ResolvedFrontendOptions, language: string, slug: string) =>
  `${frontend.siteUrl}${frontend.articlePath(language, slug)}`

/**
 * The image a page shares: the featured image at the 1200 × 630 social size (else the whole image),
 * or, for an article without one the reader may see, the publisher's default image.
 */
export const sharedImageOf = (
  view: ArticleView,
  frontend: ResolvedFrontendOptions,
): { alt: string; height: null | number; url: string; width: null | number } | null => {
  const image = view.featuredImage
  if (image) {
    return {
      alt: image.alt,
      ...(image.sizes.social ?? { height: image.height, url: image.url, width: image.width }),
    }
  }
  return frontend.publisher.defaultImage ?? null
}
