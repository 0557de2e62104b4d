/**
 * The checks every host's scenario is written with, copied into each scratch app as `harness.ts` by
 * test/host-app/run.ts: REST and GraphQL through the app's own route files (Payload's handlers wrapped
 * by the plugin's limits, exactly as Next serves them), and one printed line per check.
 */
import * as graphqlRoute from './app/(payload)/api/graphql/route'
import * as restRoute from './app/(payload)/api/[...slug]/route'

let failures = 0
let label = ''

/** Names the part of the run the next lines belong to (`[enabled]`, `[plain]`). */
export const useLabel = (name: string) => {
  label = name
}

export const failed = () => failures

export const check = (name: string, ok: boolean, detail?: unknown) => {
  if (ok) {
    console.log(`  ✓ ${name}`)
    return
  }
  failures += 1
  const shown = typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)
  console.log(
    `  ✗ ${name}${detail === undefined ? '' : `\n      ${(shown ?? '').split('\n').slice(0, 40).join('\n      ')}`}`,
  )
}

export const section = (title: string) => console.log(`\n[${label}] ${title}`)

/** A step that must succeed for the next ones to mean anything. */
export class Stop extends Error {}

export const must = <T>(name: string, value: T | null | undefined, detail?: unknown): T => {
  check(name, value !== null && value !== undefined && value !== false, detail)
  if (value === null || value === undefined || value === false) throw new Stop(name)
  return value
}

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'
export type Answer = { body: any; status: number; text: string }

const handlers: Record<
  Method,
  (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
> = {
  DELETE: restRoute.DELETE,
  GET: restRoute.GET,
  PATCH: restRoute.PATCH,
  POST: restRoute.POST,
}

const parse = (text: string) => {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

export const rest = async (
  method: Method,
  route: string,
  {
    body,
    headers = {},
    query = {},
    token,
  }: {
    body?: unknown
    headers?: Record<string, string>
    query?: Record<string, string>
    token?: string
  } = {},
): Promise<Answer> => {
  const url = new URL(`http://localhost/api${route}`)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  const response = await handlers[method](
    new Request(url, {
      body: body === undefined ? undefined : JSON.stringify(body),
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
  return { body: parse(text), status: response.status, text: text.slice(0, 2000) }
}

export const graphql = async (
  query: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<Answer> => {
  const response = await graphqlRoute.POST(
    new Request('http://localhost/api/graphql', {
      body: JSON.stringify({ query, variables }),
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      method: 'POST',
    }),
  )
  const text = await response.text()
  return { body: parse(text), status: response.status, text: text.slice(0, 2000) }
}

export const login = async (
  usersSlug: string,
  email: string,
  password: string,
): Promise<string> => {
  const answer = await rest('POST', `/${usersSlug}/login`, { body: { email, password } })
  return must(
    `log in as ${email} through POST /api/${usersSlug}/login`,
    answer.status === 200 ? (answer.body?.token as string) : null,
    answer,
  )
}

export const fieldNames = (fields: readonly any[]): string[] =>
  fields.flatMap((field) =>
    'name' in field && field.name
      ? [field.name]
      : 'fields' in field
        ? fieldNames(field.fields)
        : 'tabs' in field
          ? field.tabs.flatMap((tab: any) => (tab.name ? [tab.name] : fieldNames(tab.fields)))
          : [],
  )

/** The fields a refusal names (`errors[0].data.errors[].path`). */
export const pathsOf = (answer: Answer): string[] =>
  (answer.body?.errors ?? []).flatMap((error: any) =>
    (error?.data?.errors ?? []).map((inner: any) => inner.path),
  )

/** Runs a scenario and exits 1 when any check failed (or it stopped early). */
export const runScenario = async (
  name: string,
  body: () => Promise<void>,
  after?: () => Promise<void>,
) => {
  const started = Date.now()
  try {
    await body()
  } catch (error) {
    if (!(error instanceof Stop)) {
      failures += 1
      console.log(
        `  ✗ unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
    }
  }
  await after?.()
  console.log(
    `\nscenario (${name}): ${failures === 0 ? 'all checks passed' : `${failures} check(s) failed`} in ${Date.now() - started} ms`,
  )
  process.exit(failures === 0 ? 0 : 1)
}

/**
 * What readers of a published article are shown of its disclaimer, on every surface: the REST view,
 * GraphQL `ArticleView` and the Disclaimer page. `expected` is the approved wording, whole.
 */
export const readersSeeDisclaimer = async (
  slugs: { articles: string; disclaimers: string },
  article: { language: string; slug: string },
  expected: { shortText: string; title: string },
) => {
  const view = await rest('GET', `/${slugs.articles}/view/${article.language}/${article.slug}`)
  const shown = view.body?.article?.disclaimers?.[0]
  check(
    `readers of the REST view are shown the whole disclaimer (“${expected.title}”)`,
    view.status === 200 && shown?.title === expected.title && shown?.text === expected.shortText,
    { disclaimers: view.body?.article?.disclaimers, status: view.status },
  )
  const viaGraphQL = await graphql(
    'query ($language: String!, $slug: String!) { ArticleView(language: $language, slug: $slug) { article { disclaimers { title text } } } }',
    {
      variables: article,
    },
  )
  const shownGraphQL = viaGraphQL.body?.data?.ArticleView?.article?.disclaimers?.[0]
  check(
    'readers of GraphQL ArticleView are shown the same disclaimer',
    shownGraphQL?.title === expected.title && shownGraphQL?.text === expected.shortText,
    viaGraphQL.body,
  )
  const page = await rest('GET', `/${slugs.disclaimers}/page/${article.language}`)
  const entry = page.body?.disclaimers?.find((candidate: any) => candidate.title === expected.title)
  check(
    'the Disclaimer page lists it with its text',
    page.status === 200 && entry?.shortText === expected.shortText,
    page.body,
  )
}
