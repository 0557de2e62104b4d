import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createStaff, password } from '../helpers/newsroomData'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

describe('account safety and request limits', () => {
  let newsroom: TestNewsroom
  let staff: Awaited<ReturnType<typeof createStaff>>

  beforeAll(async () => {
    newsroom = await startNewsroom({
      newsroom: {
        // Small windows so the test sees them fill and reset; each test uses its own client address.
        rateLimit: { login: { max: 5, windowMs: 1_500 }, publicReads: { max: 8, windowMs: 1_500 } },
      },
    })
    staff = await createStaff(newsroom.payload, (email, secret) =>
      newsroom.rest.post('/users/login', { body: { email, password: secret }, headers: { 'x-forwarded-for': `10.0.0.${email.length}` } }).then((answer) => answer.body.token),
    )
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const login = (email: string, secret: string, client: string) =>
    newsroom.rest.post('/users/login', { body: { email, password: secret }, headers: { 'x-forwarded-for': `203.0.113.7, ${client}` } })

  it('lets only admins unlock an account', async () => {
    for (const role of ['writer', 'editor', 'ingest'] as const) {
      const answer = await newsroom.rest.post('/users/unlock', { body: { email: 'admin@newsroom.test' }, token: staff[role].token })
      expect(answer.status).toBe(403)
    }
    expect((await newsroom.rest.post('/users/unlock', { body: { email: 'writer@newsroom.test' }, token: staff.admin.token })).status).toBe(200)
  })

  it('answers an unknown email, a wrong password and a locked account alike, in similar time', async () => {
    const victim = await newsroom.payload.create({
      collection: 'users',
      data: { email: 'victim@newsroom.test', name: 'Victim', password, roles: ['writer'] },
    })
    const timed = async (email: string, secret: string, client: string) => {
      const started = performance.now()
      const answer = await login(email, secret, client)
      return { answer, ms: performance.now() - started }
    }
    const unknown: number[] = []
    const wrong: number[] = []
    let unknownAnswer, wrongAnswer
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const a = await timed(`nobody-${attempt}@newsroom.test`, 'guess-123456', `198.51.100.${attempt}`)
      const b = await timed('editor@newsroom.test', `wrong-${attempt}`, `198.51.100.${50 + attempt}`)
      unknown.push(a.ms)
      wrong.push(b.ms)
      unknownAnswer = a.answer
      wrongAnswer = b.answer
    }
    // The victim is locked after five wrong passwords (Payload's lockout)…
    for (let attempt = 0; attempt < 5; attempt += 1) await login('victim@newsroom.test', 'wrong-password', `192.0.2.${attempt}`)
    const lockedStarted = performance.now()
    const locked = await login('victim@newsroom.test', password, '192.0.2.99')
    const lockedMs = performance.now() - lockedStarted

    expect(unknownAnswer!.status).toBe(401)
    expect([wrongAnswer!.status, locked.status]).toEqual([401, 401])
    expect(unknownAnswer!.body).toEqual(wrongAnswer!.body)
    expect(locked.body).toEqual(wrongAnswer!.body)
    // …and the right password no longer works, with the same answer.
    const stored = await newsroom.payload.findByID({ collection: 'users', id: victim.id, showHiddenFields: true })
    expect(stored.lockUntil).toBeTruthy()
    console.log(`login medians: unknown ${median(unknown).toFixed(0)} ms, wrong password ${median(wrong).toFixed(0)} ms, locked ${lockedMs.toFixed(0)} ms`)
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 2)
    expect(lockedMs).toBeGreaterThan(median(wrong) / 2)
  })

  it('refuses the sixth login from one client in the window with a 429, counting nothing against the account', async () => {
    const before = await newsroom.payload.findByID({ collection: 'users', id: staff.writer.id, showHiddenFields: true })
    const answers = []
    for (let attempt = 0; attempt < 6; attempt += 1) answers.push(await login('nobody@newsroom.test', 'x-123456', '198.51.100.200'))
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429])
    const refused = await login('writer@newsroom.test', 'wrong-password', '198.51.100.200')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.errors[0].message).toMatch(/Too many requests/)
    const after = await newsroom.payload.findByID({ collection: 'users', id: staff.writer.id, showHiddenFields: true })
    expect(after.loginAttempts ?? 0).toBe(before.loginAttempts ?? 0)
    // Another client is not affected, and the window resets.
    expect((await login('writer@newsroom.test', password, '198.51.100.201')).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1_600))
    expect((await login('writer@newsroom.test', password, '198.51.100.200')).status).toBe(200)
  })

  it('limits anonymous reads of the feed, REST and GraphQL per client, not signed-in staff', async () => {
    const client = { 'x-forwarded-for': '198.51.100.77' }
    const statuses: number[] = []
    for (let request = 0; request < 4; request += 1) {
      statuses.push((await newsroom.rest.get('/articles/feed/fr', { headers: client })).status)
      statuses.push((await newsroom.rest.get('/articles', { headers: client })).status)
    }
    expect(statuses).toEqual(Array(8).fill(200))
    const limited = await newsroom.rest.get('/articles/feed/fr', { headers: client })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBeTruthy()
    expect((await newsroom.rest.get('/articles', { headers: client, token: staff.editor.token })).status).toBe(200)
  })

  it('counts each ArticleView call towards GraphQL complexity, and refuses a fragment cycle with a 400', async () => {
    const aliases = (count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `a${index}: ArticleView(language: "fr", slug: "x")`).join(' ')} }`
    const started = performance.now()
    const many = await newsroom.graphql(aliases(1000), { token: staff.editor.token })
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(many.body.data).toBeUndefined()
    expect(many.body.errors?.[0].message).toMatch(/complexity/i)
    const few = await newsroom.graphql(aliases(5), { token: staff.editor.token })
    expect(few.body.errors).toBeUndefined()
    expect(Object.keys(few.body.data ?? {})).toHaveLength(5)

    const cycle = await newsroom.graphql('fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }')
    expect(cycle.status).toBe(400)
    expect(cycle.body.errors?.[0].message).toMatch(/spreads itself/)
  })
})
