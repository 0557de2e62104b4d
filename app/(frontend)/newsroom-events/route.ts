import { revalidatePath } from 'next/cache'
import { type PublishEventBody } from 'payload-newsroom'
import { verifyWebhookSignature, webhookHeaders } from 'payload-newsroom/http'

/**
 * The reference app's receiver of publish events: a webhook pointed at `<site>/newsroom-events`
 * with the secret in `NEWSROOM_WEBHOOK_SECRET`. It checks the signature over the raw body, then
 * drops the article's page (and its former one when the slug changed) from Next's cache. This
 * app renders articles per request, so here it matters only to a host that caches or pre-renders
 * them; the route shows the contract.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = process.env.NEWSROOM_WEBHOOK_SECRET
  if (!secret)
    return Response.json({ error: 'NEWSROOM_WEBHOOK_SECRET is not set' }, { status: 503 })
  const body = await request.text()
  if (
    !verifyWebhookSignature({ body, header: request.headers.get(webhookHeaders.signature), secret })
  ) {
    return Response.json({ error: 'bad signature' }, { status: 401 })
  }
  const { article } = JSON.parse(body) as PublishEventBody
  const paths = [article.path, article.previousPath].filter((path): path is string =>
    Boolean(path?.startsWith('/')),
  )
  for (const path of paths) revalidatePath(path)
  return Response.json({ revalidated: paths })
}
