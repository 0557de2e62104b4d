import type { PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { ArticleView } from './articleView.ts'
import type { ResolvedNewsroomOptions } from '../types.ts'

import { viewOfArticle } from './loadArticleView.ts'
import { createPreviewToken, readPreviewToken } from './previewToken.ts'

type Doc = Record<string, any>

/**
 * The preview link of an article for the request's user: only someone who may read its drafts gets
 * one (the admin's Preview button and live preview ask this), null for anyone else.
 */
export const articlePreviewUrl = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  id: number | string | undefined,
): Promise<null | { expiresAt: Date; url: string }> => {
  if (!req.user || id === undefined || id === null || id === '') {
    return null
  }
  const readable: Doc | null = await req.payload.findByID({
    id,
    collection: options.collections.articles.slug,
    depth: 0,
    disableErrors: true,
    draft: true,
    overrideAccess: false,
    req,
    select: { id: true },
  })
  if (!readable) {
    return null
  }
  const { expiresAt, token } = createPreviewToken(req.payload.secret, readable.id)
  return {
    expiresAt,
    url: `${options.frontend.siteUrl}${options.frontend.previewPath}?token=${encodeURIComponent(token)}`,
  }
}

/**
 * The latest draft of the article a preview token names, as the article view, or null when the token
 * is not valid or the article is gone. The token stands for the editor who made it, for this one
 * article: everything else in the view (section, disclaimers, translations) is read as the public.
 */
export const loadArticlePreview = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  token: unknown,
): Promise<null | { expiresAt: Date; view: ArticleView }> => {
  const grant = readPreviewToken(req.payload.secret, token)
  if (!grant) {
    return null
  }
  const article: Doc | null = await req.payload.findByID({
    id: grant.id,
    collection: options.collections.articles.slug,
    depth: 0,
    disableErrors: true,
    draft: true,
    overrideAccess: true,
    req,
  })
  if (!article) {
    return null
  }
  return {
    expiresAt: grant.expiresAt,
    view: await viewOfArticle(await createLocalReq({}, req.payload), options, article),
  }
}
