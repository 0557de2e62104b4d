import { createHash } from 'node:crypto'

import { demoWireFeed } from '../../../../seed/seedNewsroom'

/**
 * The fictional Néo-Wire's ninjs feed (the seed's fixture), so that in development the source the seed
 * creates is polled by the jobs queue like a real agency's: with an ETag, and a 304 when nothing changed.
 */
export const GET = (request: Request) => {
  const body = JSON.stringify(demoWireFeed())
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
  if (request.headers.get('if-none-match') === etag)
    return new Response(null, { headers: { etag }, status: 304 })
  return new Response(body, {
    headers: { 'content-type': 'application/json; charset=utf-8', etag },
  })
}
