/**
 * `npm run compliance`: lists every published article that breaks the publish rules, or whose
 * disclaimer snapshot is out of date. Exits 1 when it finds any, so it can gate a deploy or a cron.
 */
import { createLocalReq, getPayload } from 'payload'

import config from '../payload.config'
import { checkCompliance } from 'payload-newsroom/server'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { parseCommandLine } from './commandLine'

parseCommandLine({
  description:
    'Lists every published article that breaks the publish rules or whose disclaimer snapshot is out of date; exits 1 when it finds any.',
  options: {},
  usage: '  npm run compliance',
})

const payload = await getPayload({ config })
const options = pluginOptionsOf(payload.config)
const findings = await checkCompliance(payload, options, await createLocalReq({}, payload))

if (findings.length === 0) {
  console.log('compliance: every published article passes the publish rules.')
} else {
  console.log(`compliance: ${findings.length} published article(s) with problems:`)
  for (const finding of findings) {
    console.log(`- [${finding.language}] ${finding.title} (${finding.slug}, id ${finding.id})`)
    for (const problem of finding.problems) {
      console.log(`    ${problem.path}: ${problem.message}`)
    }
  }
}
await payload.destroy()
process.exit(findings.length === 0 ? 0 : 1)
