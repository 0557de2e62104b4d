/**
 * The workflow's refusals as a production build answers them over HTTP (`next start`): each must keep
 * its status, its message and the field it names. Turbopack's production bundle once turned every
 * one of them into "An unknown error occurred." (issue 30), where development and tests did not.
 * Used by test/instances (our app) and test/host-app (strangers' apps, both bundlers).
 */
type Answer = { body: any; status: number }

export type RefusalTargets = {
  /** The API's root, e.g. `http://127.0.0.1:3210/api`. */
  api: string
  /** Our articles collection's slug in this app. */
  articles: string
  /** A draft with an editor's access, and a published article. */
  draft: number | string
  published: number | string
  tokens: { editor: string; writer: string }
}

const call = async (url: string, body: unknown, token: string): Promise<Answer> => {
  const response = await fetch(url, {
    body: JSON.stringify(body),
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    method: 'POST',
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  try {
    return { body: JSON.parse(text), status: response.status }
  } catch {
    return { body: text.slice(0, 500), status: response.status }
  }
}

/** Prints one line per refusal and returns what was wrong (nothing when every refusal said why). */
export const checkProductionRefusals = async ({
  api,
  articles,
  draft,
  published,
  tokens,
}: RefusalTargets): Promise<string[]> => {
  const workflow = (id: number | string, body: Record<string, unknown>, token: string) =>
    call(`${api}/${articles}/${id}/workflow`, body, token)
  const unknownID =
    typeof published === 'number' ? 987654321 : '00000000-0000-4000-8000-000000000000'
  const cases: [string, () => Promise<Answer>, number, string][] = [
    [
      'a writer retracting',
      () => workflow(published, { action: 'retract', note: 'Not mine to retract.' }, tokens.writer),
      403,
      'action',
    ],
    [
      'an editor re-publishing unchanged content',
      () => workflow(published, { action: 'publish' }, tokens.editor),
      409,
      'action',
    ],
    [
      'scheduling a draft (the table allows it from approved only)',
      () =>
        workflow(
          draft,
          { action: 'schedule', publishAt: '2099-01-01T00:00:00.000Z' },
          tokens.editor,
        ),
      400,
      'workflowState',
    ],
    [
      'an action on an article that does not exist',
      () => workflow(unknownID, { action: 'publish' }, tokens.editor),
      404,
      'id',
    ],
  ]
  const problems: string[] = []
  for (const [what, send, status, field] of cases) {
    const answer = await send()
    const error = answer.body?.errors?.[0]
    const message = typeof error?.message === 'string' ? error.message : ''
    const fields: string[] = (error?.data?.errors ?? []).map(
      (entry: { path?: string }) => entry.path,
    )
    const ok =
      answer.status === status &&
      message.length > 0 &&
      !/unknown error|something went wrong/i.test(message) &&
      fields.includes(field)
    console.log(
      `  ${ok ? '✓' : '✗'} ${what}: ${answer.status} “${message.slice(0, 120)}”${fields.length > 0 ? ` on ${fields.join(', ')}` : ''}`,
    )
    if (!ok)
      problems.push(
        `${what}: expected ${status} with its message on ${field}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`,
      )
  }
  // GraphQL says the same refusal its own way: HTTP 200, the status in the error's extensions.
  const idType = typeof published === 'number' ? 'Int!' : 'String!'
  const graphql = await call(
    `${api}/graphql`,
    {
      query: `mutation ($id: ${idType}) { articleWorkflow(id: $id, action: retract, note: "x") { status } }`,
      variables: { id: published },
    },
    tokens.writer,
  )
  const error = graphql.body?.errors?.[0]
  const ok =
    error?.extensions?.statusCode === 403 &&
    typeof error?.message === 'string' &&
    !/unknown error|something went wrong/i.test(error.message)
  console.log(
    `  ${ok ? '✓' : '✗'} GraphQL articleWorkflow retract by a writer: ${error?.extensions?.statusCode} “${String(error?.message).slice(0, 120)}”`,
  )
  if (!ok) problems.push(`GraphQL: ${JSON.stringify(graphql.body).slice(0, 400)}`)
  return problems
}
