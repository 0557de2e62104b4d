import { buildSchema, parse, validate } from 'graphql/index.js'
import { describe, expect, it } from 'vitest'
import { depthLimit, fieldLimit, fragmentLimit } from 'payload-newsroom/http'
// White-box: the fragment analysis, the rate limiter and the GraphQL login answer are internal.
import { analyseFragments } from '../../src/limits/graphqlLimits'
import { answerLockedLoginLikeWrongPasswordInGraphQL } from '../../src/limits/accountSafety'
import { clientAddress, createRateLimiter, unknownClient } from '../../src/limits/rateLimit'

const headers = (values: Record<string, string>) => ({ headers: new Headers(values) })

describe('the rate limiter', () => {
  it('allows max requests per client in a fixed window, then says how long to wait', () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 10_000 })
    const at = (ms: number, key = 'a') => limiter(key, 1_000_000 + ms)
    expect([at(0), at(1), at(2)].map((answer) => answer.allowed)).toEqual([true, true, true])
    expect(at(2_500)).toEqual({ allowed: false, retryAfterSeconds: 8 })
    expect(at(0, 'b').allowed).toBe(true)
    expect(at(9_999).allowed).toBe(false)
    // The window opened at 0 closes at 10,000: a new one starts.
    expect(at(10_000).allowed).toBe(true)
  })

  it('keeps at most maxClients windows, forgetting the oldest first', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 60_000 }, 3)
    for (const key of ['a', 'b', 'c', 'd']) limiter(key, 0)
    // 'a' was forgotten (a fresh window), 'd' is still counted.
    expect(limiter('a', 1).allowed).toBe(true)
    expect(limiter('d', 1).allowed).toBe(false)
  })
})

describe('the client address', () => {
  it('is the entry the nearest trusted proxy added to x-forwarded-for, whatever the client wrote before it', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }), 1)).toBe('203.0.113.9')
    expect(clientAddress(headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }), 1)).toBe(
      '203.0.113.9',
    )
    expect(clientAddress(headers({ 'x-forwarded-for': 'spoofed, 203.0.113.9, 10.0.0.2' }), 2)).toBe(
      '203.0.113.9',
    )
  })

  it('is one shared key when it cannot be known: no header, fewer entries than proxies, or no trusted proxy', () => {
    expect(clientAddress(headers({}), 1)).toBe(unknownClient)
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }), 2)).toBe(unknownClient)
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe(unknownClient)
    // Any client can send these: never read.
    expect(clientAddress(headers({ 'x-real-ip': '203.0.113.9' }), 1)).toBe(unknownClient)
  })
})

describe('the GraphQL document rules', () => {
  const schema = buildSchema('type Query { name: String, self: Query }')
  const errorsOf = (query: string) =>
    validate(schema, parse(query), [fragmentLimit(), fieldLimit(), depthLimit(10)]).map(
      (error) => error.message,
    )
  const chain = (length: number) =>
    Array.from(
      { length },
      (_, index) =>
        `fragment F${index} on Query { ${index + 1 < length ? `...F${index + 1}` : 'name'} }`,
    ).join(' ') + ' query { ...F0 }'
  const diamond = (levels: number) =>
    Array.from(
      { length: levels },
      (_, index) =>
        `fragment F${index} on Query { ${index + 1 < levels ? `a: self { ...F${index + 1} } b: self { ...F${index + 1} }` : 'name'} }`,
    ).join(' ') + ' query { ...F0 }'

  it('finds cycles, chain lengths and the fields a document expands to, without recursion', () => {
    expect(
      analyseFragments(
        parse('fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }'),
      ).cycle,
    ).toEqual(['A', 'B', 'A'])
    expect(analyseFragments(parse(chain(20_000)))).toEqual({
      cycle: undefined,
      depth: 20_000,
      expandedFields: 1,
    })
    // Each level doubles what a rule that follows fragments without remembering them walks through.
    expect(analyseFragments(parse(diamond(40))).expandedFields).toBeGreaterThan(2 ** 40)
  })

  it('refuses cycles, long chains, too many fields and deep nesting, first error first', () => {
    expect(
      errorsOf('fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }')[0],
    ).toBe('Fragment "A" spreads itself (A → B → A).')
    expect(errorsOf(chain(51))[0]).toBe(
      'Fragments spread each other 51 levels deep; the limit is 50.',
    )
    expect(errorsOf(chain(50))).toEqual([])
    expect(errorsOf(diamond(40))[0]).toBe('The query selects too many fields; the limit is 2000.')
    expect(
      errorsOf(
        `{ ${Array.from({ length: 2_001 }, (_, index) => `a${index}: __typename`).join(' ')} }`,
      ),
    ).toEqual(['The query selects 2001 fields; the limit is 2000.'])
    expect(errorsOf(`{ ${'self { '.repeat(11)}name${' }'.repeat(11)} }`)).toEqual([
      'The query is 11 levels deep; the limit is 10.',
    ])
    expect(errorsOf(`{ ${'self { '.repeat(10)}name${' }'.repeat(10)} }`)).toEqual([])
  })

  it('measures depth through fragments as if they were written out', () => {
    const query =
      'fragment Two on Query { self { self { name } } } query { self { ...Two self { ...Two } } }'
    expect(validate(schema, parse(query), [depthLimit(3)]).map((error) => error.message)).toEqual([
      'The query is 4 levels deep; the limit is 3.',
    ])
    expect(validate(schema, parse(query), [depthLimit(4)])).toEqual([])
  })
})

describe('the GraphQL answer to a login that locks the account', () => {
  const req = {
    context: { newsroomGuardedLogin: true },
    t: (key: string) =>
      key === 'error:emailOrPasswordIncorrect'
        ? 'The email or password provided is incorrect.'
        : key,
  }
  const locked = {
    extensions: { name: 'LockedAuth', statusCode: 401 },
    locations: [{ column: 12, line: 1 }],
    message: 'This user is locked due to having too many failed login attempts.',
    path: ['loginUser'],
  }

  it('is the wrong-password answer', async () => {
    const answer = await answerLockedLoginLikeWrongPasswordInGraphQL({
      context: req.context,
      error: Object.assign(new Error(locked.message), { originalError: { name: 'LockedAuth' } }),
      graphqlResult: locked,
      req: req as never,
    })
    expect(answer).toEqual({
      graphqlResult: {
        ...locked,
        extensions: { name: 'AuthenticationError', statusCode: 401 },
        message: 'The email or password provided is incorrect.',
      },
    })
  })

  it('leaves other errors, and logins the plugin does not guard, alone', async () => {
    const other = Object.assign(new Error('x'), { originalError: { name: 'Forbidden' } })
    expect(
      await answerLockedLoginLikeWrongPasswordInGraphQL({
        context: req.context,
        error: other,
        graphqlResult: locked,
        req: req as never,
      }),
    ).toBeUndefined()
    const unguarded = { ...req, context: {} }
    const lockedError = Object.assign(new Error(locked.message), {
      originalError: { name: 'LockedAuth' },
    })
    expect(
      await answerLockedLoginLikeWrongPasswordInGraphQL({
        context: {},
        error: lockedError,
        graphqlResult: locked,
        req: unguarded as never,
      }),
    ).toBeUndefined()
  })
})
