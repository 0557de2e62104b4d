import config from '@payload-config'
import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'

// Served outside production only (graphQL.disablePlaygroundInProduction).
export const GET = GRAPHQL_PLAYGROUND_GET(config)
