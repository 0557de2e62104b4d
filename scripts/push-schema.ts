/** Brings the embedded SQLite schema up to date (Payload pushes it on connect outside production). */
import { getPayload } from 'payload'

import config from '../payload.config'

const payload = await getPayload({ config })
await payload.destroy()
process.exit(0)
