import type { SanitizedConfig } from 'payload'

import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { limitRequestBody } from 'payload-newsroom/http'
type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'

export type RestResponse<T = any> = { body: T; headers: Headers; status: number; text: string }

/** The answer's JSON, or null when it is empty or not JSON (the raw text stays in `text`). */
const parseJSON = (text: string) => {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

export type RestRequestOptions = {
  body?: unknown
  /** Sent as it is (malformed JSON, multipart forms): for hostile-input tests. */
  rawBody?: BodyInit
  headers?: Record<string, string>
  /** Query parameters in Payload's bracket notation, e.g. `{ 'where[slug][equals]': 'world' }`. */
  query?: Record<string, string>
  /** A session token from `login`, sent as `Authorization: JWT …`. */
  token?: string
}

/** Calls the REST route handlers as the app's route file composes them, with standard Request objects. */
export const restClient = (config: Promise<SanitizedConfig>) => {
  const handlers = {
    DELETE: limitRequestBody(REST_DELETE(config)),
    GET: limitRequestBody(REST_GET(config)),
    PATCH: limitRequestBody(REST_PATCH(config)),
    POST: limitRequestBody(REST_POST(config)),
  }

  const request = async <T = any>(
    method: Method,
    route: string,
    { body, headers = {}, query, rawBody, token }: RestRequestOptions = {},
  ): Promise<RestResponse<T>> => {
    const url = new URL(`http://localhost/api${route}`)
    for (const [key, value] of Object.entries(query ?? {})) {
      url.searchParams.set(key, value)
    }
    const response = await handlers[method](
      new Request(url, {
        body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `JWT ${token}` } : {}),
          ...headers,
        },
        method,
      }),
      { params: Promise.resolve({ slug: url.pathname.split('/').filter(Boolean).slice(1) }) },
    )
    const text = await response.text()
    return { body: parseJSON(text), headers: response.headers, status: response.status, text }
  }

  return {
    delete: <T = any>(route: string, options?: RestRequestOptions) =>
      request<T>('DELETE', route, options),
    get: <T = any>(route: string, options?: RestRequestOptions) =>
      request<T>('GET', route, options),
    /** Logs in through the REST API and returns the session token. */
    login: async (email: string, password: string, usersSlug = 'users'): Promise<string> => {
      const { body, status } = await request('POST', `/${usersSlug}/login`, {
        body: { email, password },
      })
      if (status !== 200 || !body?.token) {
        throw new Error(`login as ${email} failed with ${status}: ${JSON.stringify(body)}`)
      }
      return body.token as string
    },
    patch: <T = any>(route: string, options?: RestRequestOptions) =>
      request<T>('PATCH', route, options),
    post: <T = any>(route: string, options?: RestRequestOptions) =>
      request<T>('POST', route, options),
  }
}
