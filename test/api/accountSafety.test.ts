import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { limitGraphQLRequest } from 'payload-newsroom/http'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createStaff, password } from '../helpers/newsroomData'

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Each request its own client address unless a test says otherwise, so only the rate-limit tests fill a window. */
let clientCounter = 0
const freshClient = () => `198.18.${Math.floor(++clientCounter / 250)}.${clientCounter % 250}`

describe('account safety and request limits', () => {
  let newsroom: TestNewsroom
  let staff: Awaited<ReturnType<typeof createStaff>>
  let graphqlRoute: (request: Request) => Promise<Response>

  const windowMs = 4_000
  beforeAll(async () => {
    newsroom = await startNewsroom({
      // Small windows so the tests see them fill and reset (the other test files turn the limiter off).
      newsroom: { rateLimit: { login: { max: 5, windowMs }, publicReads: { max: 8, windowMs } } },
    })
    staff = await createStaff(newsroom.payload, (email, secret) =>
      newsroom.rest.login(email, secret),
    )
    graphqlRoute = limitGraphQLRequest(GRAPHQL_POST(newsroom.config))
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  /** The client sits behind our one trusted proxy, which appended its address to whatever the client sent. */
  const asClient = (client: string, sent?: string) => ({
    'x-forwarded-for': sent ? `${sent}, ${client}` : client,
  })
  const login = (email: string, secret: string, client = freshClient(), sent?: string) =>
    newsroom.rest.post('/users/login', {
      body: { email, password: secret },
      headers: asClient(client, sent),
    })
  const graphql = async (
    query: string,
    { client = freshClient(), token }: { client?: string; token?: string } = {},
  ) => {
    const response = await graphqlRoute(
      new Request('http://localhost/api/graphql', {
        body: JSON.stringify({ query }),
        headers: {
          'content-type': 'application/json',
          ...asClient(client),
          ...(token ? { authorization: `JWT ${token}` } : {}),
        },
        method: 'POST',
      }),
    )
    return { body: await response.json(), headers: response.headers, status: response.status }
  }
  const graphqlLogin = (email: string, secret: string, client?: string) =>
    graphql(
      `mutation { loginUser(email: ${JSON.stringify(email)}, password: ${JSON.stringify(secret)}) { token } }`,
      { client },
    )
  const stored = (id: number | string) =>
    newsroom.payload.findByID({ collection: 'users', id, showHiddenFields: true }) as Promise<
      Record<string, any>
    >
  const createUser = (email: string) =>
    newsroom.payload.create({
      collection: 'users',
      data: { email, name: email, password, roles: ['writer'] } as any,
    })
  const lock = async (email: string) => {
    const answers = []
    for (let attempt = 0; attempt < 5; attempt += 1)
      answers.push(await login(email, `wrong-${attempt}`))
    return answers
  }

  it('lets only admins unlock an account, over REST and GraphQL; a refused unlock leaves the lock in place', async () => {
    const user = await createUser('locked-out@newsroom.test')
    await lock('locked-out@newsroom.test')
    const lockedState = await stored(user.id)
    expect(lockedState.lockUntil).toBeTruthy()
    expect(lockedState.loginAttempts).toBe(5)

    for (const role of ['writer', 'editor', 'ingest'] as const) {
      const rest = await newsroom.rest.post('/users/unlock', {
        body: { email: 'locked-out@newsroom.test' },
        token: staff[role].token,
      })
      expect(rest.status).toBe(403)
      const viaGraphql = await graphql(
        'mutation { unlockUser(email: "locked-out@newsroom.test") }',
        { token: staff[role].token },
      )
      expect(viaGraphql.body.errors?.[0].extensions.statusCode).toBe(403)
    }
    const stillLocked = await stored(user.id)
    expect([stillLocked.lockUntil, stillLocked.loginAttempts]).toEqual([lockedState.lockUntil, 5])
    expect((await login('locked-out@newsroom.test', password)).status).toBe(401)

    expect(
      (
        await newsroom.rest.post('/users/unlock', {
          body: { email: 'locked-out@newsroom.test' },
          token: staff.admin.token,
        })
      ).status,
    ).toBe(200)
    const unlocked = await stored(user.id)
    expect(unlocked.lockUntil ?? null).toBeNull()
    expect(unlocked.loginAttempts).toBe(0)
    expect((await login('locked-out@newsroom.test', password)).status).toBe(200)
  })

  it('answers an unknown email, a wrong password and a locked account alike, in similar time', async () => {
    const tries = 7
    // Seven accounts for the wrong passwords (one each: a fifth would lock it) and one locked account.
    const accounts = []
    for (let index = 0; index < tries; index += 1)
      accounts.push(await createUser(`wrong-${index}@newsroom.test`))
    const victim = await createUser('victim@newsroom.test')
    const lockingAnswers = await lock('victim@newsroom.test')
    const usersBefore = await newsroom.payload.count({ collection: 'users' })

    const timed = async (email: string, secret: string) => {
      const started = performance.now()
      const answer = await login(email, secret)
      return { answer, ms: performance.now() - started }
    }
    const unknown = []
    const wrong = []
    const locked = []
    // Interleaved, so a slow moment on the machine falls on all three alike.
    for (let attempt = 0; attempt < tries; attempt += 1) {
      unknown.push(await timed(`nobody-${attempt}@newsroom.test`, password))
      wrong.push(await timed(`wrong-${attempt}@newsroom.test`, `not-the-password-${attempt}`))
      // The right password half the time: a locked account refuses it too.
      locked.push(await timed('victim@newsroom.test', attempt % 2 ? password : `guess-${attempt}`))
    }

    const expected = { errors: [{ message: 'The email or password provided is incorrect.' }] }
    for (const { answer } of [...unknown, ...wrong, ...locked]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual(expected)
    }
    // The attempt that locked the account (the fifth) answered like the others.
    expect(lockingAnswers.map((answer) => [answer.status, answer.body])).toEqual(
      Array(5).fill([401, expected]),
    )

    const medians = {
      locked: median(locked.map((entry) => entry.ms)),
      unknown: median(unknown.map((entry) => entry.ms)),
      wrong: median(wrong.map((entry) => entry.ms)),
    }
    console.log(
      `login medians over ${tries} tries: unknown ${medians.unknown.toFixed(0)} ms, wrong password ${medians.wrong.toFixed(0)} ms, locked ${medians.locked.toFixed(0)} ms`,
    )
    expect(medians.unknown).toBeGreaterThanOrEqual(medians.wrong / 2)
    expect(medians.locked).toBeGreaterThanOrEqual(medians.wrong / 2)

    // Nothing was created for the unknown emails; each wrong password counted once; the lock held.
    expect(await newsroom.payload.count({ collection: 'users' })).toEqual(usersBefore)
    for (const account of accounts) expect((await stored(account.id)).loginAttempts).toBe(1)
    const victimNow = await stored(victim.id)
    expect(victimNow.lockUntil).toBeTruthy()
    expect(new Date(victimNow.lockUntil).getTime()).toBeGreaterThan(Date.now())
  })

  it('answers alike over GraphQL: unknown email, wrong password, locked account', async () => {
    await createUser('graphql-wrong@newsroom.test')
    await createUser('graphql-locked@newsroom.test')
    await lock('graphql-locked@newsroom.test')
    const answers = [
      await graphqlLogin('nobody-graphql@newsroom.test', password),
      await graphqlLogin('graphql-wrong@newsroom.test', 'not-the-password'),
      await graphqlLogin('graphql-locked@newsroom.test', password),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.body.data).toEqual({ loginUser: null })
    }
    expect(answers[0].body.errors[0]).toMatchObject({
      extensions: { name: 'AuthenticationError', statusCode: 401 },
      message: 'The email or password provided is incorrect.',
    })
    expect(answers[1].body).toEqual(answers[0].body)
    expect(answers[2].body).toEqual(answers[0].body)
  })

  // Wrong passwords sent in parallel race past Payload's lock: those counted after the fifth are
  // refused with Payload's LockedAuth ("This user is locked…"), which would confirm the account exists.
  const race = <T>(email: string, send: (email: string, secret: string) => Promise<T>) =>
    Promise.all(Array.from({ length: 10 }, (_, attempt) => send(email, `wrong-${attempt}`)))

  it('answers wrong passwords racing past the lock like any wrong password (REST)', async () => {
    const user = await createUser('racing-rest@newsroom.test')
    const answers = await race('racing-rest@newsroom.test', (email, secret) => login(email, secret))
    const unknown = await login('nobody-racing@newsroom.test', password)
    for (const answer of answers)
      expect([answer.status, answer.body]).toEqual([unknown.status, unknown.body])
    expect((await stored(user.id)).lockUntil).toBeTruthy()
  })

  // Payload's GraphQL route runs only the config's global afterError hooks, where the plugin adds its answer.
  it('answers wrong passwords racing past the lock like any wrong password (GraphQL)', async () => {
    const user = await createUser('racing-graphql@newsroom.test')
    const answers = await race('racing-graphql@newsroom.test', (email, secret) =>
      graphqlLogin(email, secret),
    )
    const unknown = await graphqlLogin('nobody-racing@newsroom.test', password)
    for (const answer of answers) expect(answer.body).toEqual(unknown.body)
    expect((await stored(user.id)).lockUntil).toBeTruthy()
  })

  it('refuses the sixth login from one client in the window with a 429, counting and writing nothing', async () => {
    const client = '203.0.113.60'
    const before = await stored(staff.writer.id)
    const started = Date.now()
    const answers = []
    // The client makes up the left part of x-forwarded-for each time: it still counts as one client.
    for (let attempt = 0; attempt < 5; attempt += 1)
      answers.push(
        await login(`nobody-${attempt}@newsroom.test`, password, client, `10.9.8.${attempt}`),
      )
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401])

    const refused = await login('writer@newsroom.test', 'wrong-password', client, '10.9.8.99')
    const refusedRight = await login('writer@newsroom.test', password, client)
    const refusedGraphql = await graphqlLogin('writer@newsroom.test', password, client)
    // The window is long enough for these requests on a slow machine; if not, the test is wrong, not the code.
    expect(Date.now() - started).toBeLessThan(windowMs)

    for (const answer of [refused, refusedRight]) {
      expect(answer.status).toBe(429)
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(windowMs / 1000)
      expect(answer.body.errors[0].message).toMatch(/^Too many requests: try again in \d+ s\.$/)
    }
    expect(refusedGraphql.body.data).toEqual({ loginUser: null })
    expect(refusedGraphql.body.errors[0]).toMatchObject({
      extensions: { statusCode: 429 },
      message: expect.stringMatching(/^Too many requests/),
    })
    expect(Number(refusedGraphql.headers.get('retry-after'))).toBeGreaterThan(0)

    // No attempt counted against the account, no session opened.
    const after = await stored(staff.writer.id)
    expect(after.loginAttempts ?? 0).toBe(before.loginAttempts ?? 0)
    expect(after.sessions?.length ?? 0).toBe(before.sessions?.length ?? 0)

    // Another client is not affected, and the window resets.
    expect((await login('writer@newsroom.test', password, '203.0.113.61')).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() - started) + 200))
    expect((await login('writer@newsroom.test', password, client)).status).toBe(200)
  })

  it('limits anonymous reads of the feed, the article view, REST and GraphQL per client', async () => {
    const client = '203.0.113.77'
    const headers = asClient(client)
    const started = Date.now()
    const statuses: number[] = []
    for (let request = 0; request < 3; request += 1) {
      statuses.push((await newsroom.rest.get('/articles/feed/fr', { headers })).status)
      statuses.push((await newsroom.rest.get('/articles', { headers })).status)
    }
    statuses.push(
      (await newsroom.rest.get('/articles/view/fr/no-such-article', { headers })).status,
    )
    statuses.push(
      (
        await graphql('{ ArticleView(language: "fr", slug: "no-such-article") { jsonLd } }', {
          client,
        })
      ).status,
    )
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 404, 200])

    const limited = await newsroom.rest.get('/articles/feed/fr', { headers })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body.errors[0].message).toMatch(/^Too many requests/)
    expect((await newsroom.rest.get('/articles/view/fr/no-such-article', { headers })).status).toBe(
      429,
    )
    // Every read of a refused request is refused, not only the first.
    const limitedGraphql = await graphql(
      '{ Articles { docs { id } } ArticleView(language: "fr", slug: "x") { jsonLd } }',
      { client },
    )
    expect(limitedGraphql.body.data).toEqual({ Articles: null, ArticleView: null })
    expect(limitedGraphql.body.errors.map((error: any) => error.extensions.statusCode)).toEqual([
      429, 429,
    ])
    expect(Date.now() - started).toBeLessThan(windowMs)

    // Other clients are not limited.
    expect(
      (await newsroom.rest.get('/articles/feed/fr', { headers: asClient('203.0.113.78') })).status,
    ).toBe(200)
  })

  it('never limits signed-in staff, nor signs them out, when their address is over the anonymous limit', async () => {
    const headers = asClient('203.0.113.79')
    for (let request = 0; request < 9; request += 1)
      await newsroom.rest.get('/articles/feed/fr', { headers })
    expect((await newsroom.rest.get('/articles/feed/fr', { headers })).status).toBe(429)
    const asEditor = { headers, token: staff.editor.token }
    expect((await newsroom.rest.get('/articles/feed/fr', asEditor)).status).toBe(200)
    expect((await newsroom.rest.get('/articles', asEditor)).status).toBe(200)
    expect((await newsroom.rest.get('/users/me', asEditor)).body.user?.email).toBe(
      'editor@newsroom.test',
    )
    const viaGraphql = await graphql('{ Articles { docs { id } } }', {
      client: '203.0.113.79',
      token: staff.editor.token,
    })
    expect(viaGraphql.body.errors).toBeUndefined()
  })
})
