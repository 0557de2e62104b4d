import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { databaseAdapterFromEnv } from './host/database/adapter'
import { createAppConfig } from './host/appConfig'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig(
  createAppConfig({
    db: databaseAdapterFromEnv(projectRoot),
    projectRoot,
  }),
)
