import config from '@payload-config'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import { limitRequestBody } from 'payload-newsroom/http'
// Payload's REST API: /api/<collection>[/<id>], /api/<collection>/login, …, with bounded request bodies.
export const DELETE = limitRequestBody(REST_DELETE(config))
export const GET = limitRequestBody(REST_GET(config))
export const OPTIONS = REST_OPTIONS(config)
export const PATCH = limitRequestBody(REST_PATCH(config))
export const POST = limitRequestBody(REST_POST(config))
export const PUT = limitRequestBody(REST_PUT(config))
