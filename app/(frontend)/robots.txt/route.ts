import config from '@payload-config'
import { createLocalReq, getPayload } from 'payload'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadRobotsTxt } from 'payload-newsroom/server'

export const dynamic = 'force-dynamic'

/** robots.txt: AI crawlers kept off reserved articles (see `loadRobotsTxt`), and the sitemaps. */
export async function GET() {
  const payload = await getPayload({ config })
  const text = await loadRobotsTxt(
    await createLocalReq({}, payload),
    pluginOptionsOf(payload.config),
  )
  return new Response(text, {
    headers: {
      'Cache-Control': 'public, max-age=300',
      'Content-Type': 'text/plain; charset=utf-8',
    },
  })
}
