import config from '@payload-config'
import { getPayload } from 'payload'
import { pluginOptionsOf, trustTxtOf } from 'payload-newsroom/rules'

export const dynamic = 'force-dynamic'

/** The site's trust.txt, from the plugin's `frontend.publisher` (JournalList's format). */
export async function GET() {
  const payload = await getPayload({ config })
  return new Response(trustTxtOf(pluginOptionsOf(payload.config).frontend.publisher), {
    headers: {
      'Cache-Control': 'public, max-age=3600',
      'Content-Type': 'text/plain; charset=utf-8',
    },
  })
}
