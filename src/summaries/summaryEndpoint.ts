import type { Endpoint } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { inTransaction } from '../transactions/inTransaction.ts'
import { readArticleAsUser } from '../workflow/runWorkflowAction.ts'
import { refusal } from '../utilities/refusal.ts'

/**
 * `POST /api/<articles>/:id/summary`: "Regenerate summary". Sets the summary back to pending, as the
 * user (who must be allowed to edit the article), so the jobs queue generates it again. On a published
 * article whose latest version is the published one, the write is a publishing write and goes through
 * the guarantee (a source whose licence forbids AI summaries refuses it); otherwise it is a draft.
 */
export const regenerateSummaryEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  handler: async (req) => {
    if (!req.user) {
      throw refusal(req.t('error:unauthorized'), 401)
    }
    const id = String(req.routeParams?.id ?? '')
    const doc = await inTransaction(req, async () => {
      const article = await readArticleAsUser(req, options, id, { _status: true, summary: true })
      if (!article) {
        throw refusal(req.t('error:notFound'), 404, 'id')
      }
      return req.payload.update({
        id: article.id,
        collection: options.collections.articles.slug,
        data: { summary: { ...article.summary, error: null, status: 'pending' } },
        depth: 0,
        draft: article._status !== 'published',
        overrideAccess: false,
        req,
        select: { summary: true },
      })
    })
    return Response.json({ summary: doc.summary })
  },
  method: 'post',
  path: '/:id/summary',
})
