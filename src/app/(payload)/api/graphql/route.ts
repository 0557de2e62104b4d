import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { limitRequestBody } from '../../../../http/limitRequestBody'

export const OPTIONS = REST_OPTIONS(config)
export const POST = limitRequestBody(GRAPHQL_POST(config))
