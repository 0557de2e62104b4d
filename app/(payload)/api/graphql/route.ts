import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { limitGraphQLRequest } from 'payload-newsroom/http'
export const OPTIONS = REST_OPTIONS(config)
export const POST = limitGraphQLRequest(GRAPHQL_POST(config))
