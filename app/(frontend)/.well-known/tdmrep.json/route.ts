import config from '@payload-config'
import { createLocalReq, getPayload } from 'payload'
import { pluginOptionsOf, tdmrepJson } from 'payload-newsroom/rules'
import { loadTextAndDataMiningRules } from 'payload-newsroom/server'

export const dynamic = 'force-dynamic'

/** TDMRep's site-wide file: which article paths are reserved from text and data mining. */
export async function GET() {
  const payload = await getPayload({ config })
  const options = pluginOptionsOf(payload.config)
  const rules = await loadTextAndDataMiningRules(await createLocalReq({}, payload), options)
  return Response.json(tdmrepJson(rules), {
    headers: { 'Cache-Control': 'public, max-age=300' },
  })
}
