import type { Config, Payload } from 'payload'

import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'
import { password } from '../helpers/newsroomData'

/**
 * Payload's own operations, not ours: every REST auth operation, every collection operation on the
 * plugin's collections and on a collection of the host's, their GraphQL equivalents, preferences,
 * document locks and the jobs endpoint. Each is fired ten at once, in two rounds: no answer may be a
 * 5xx (on the embedded SQLite database every write, Payload's included, takes its turn), and the
 * database is read after each burst for what the operation should have left there.
 */

const burst = 10
const rounds = 2

/** A collection of the host's own, beside the plugin's. */
const withHostNotes = (config: Config): Config => ({
  ...config,
  collections: [
    ...(config.collections ?? []),
    {
      access: {
        create: ({ req }) => Boolean(req.user),
        delete: ({ req }) => Boolean(req.user),
        read: () => true,
        update: ({ req }) => Boolean(req.user),
      },
      fields: [{ name: 'body', type: 'text' }],
      slug: 'notes',
    },
  ],
})

type Answer = { status: number; text: string }
type Operation = {
  name: string
  /** Runs once before each burst. */
  prepare?: (round: number) => Promise<void>
  /** The i-th request of a burst in a round. */
  send: (index: number, round: number) => Promise<Answer>
  /** What the database must hold after the burst (answers in the order sent). */
  check: (answers: Answer[], round: number) => Promise<void>
}

const pngImage = (seed: number) =>
  sharp({
    create: { background: { b: seed % 255, g: 90, r: 30 }, channels: 3, height: 700, width: 1200 },
  })
    .png()
    .toBuffer()

describe('Payload’s own operations, ten at once', () => {
  const suite = newsroomSuite({ configure: withHostNotes })
  const payload = (): Payload => suite.newsroom.payload
  const rest = () => suite.newsroom.rest
  const token = () => suite.staff.admin.token
  const statusesSeen: Record<string, number[]> = {}

  const asAnswer = (answer: { status: number; text: string }): Answer => ({
    status: answer.status,
    text: answer.text,
  })
  /** GraphQL answers 200 with `errors`: the status is the first error's, as a client reads it. */
  /** As the admin, or anonymously with `null`. */
  const gql = async (
    query: string,
    variables?: Record<string, unknown>,
    authToken: null | string = token(),
  ): Promise<Answer> => {
    const answer = await suite.newsroom.graphql(query, { token: authToken ?? undefined, variables })
    const status = answer.body.errors?.length
      ? (answer.body.errors[0].extensions?.statusCode ?? 400)
      : answer.status
    return { status, text: JSON.stringify(answer.body) }
  }
  const count = async (collection: string, where?: Record<string, unknown>) =>
    (
      await payload().count({
        collection: collection as never,
        overrideAccess: true,
        where: where as never,
      })
    ).totalDocs
  const userByEmail = async (email: string) =>
    (
      await payload().find({
        collection: 'users',
        limit: 1,
        overrideAccess: true,
        showHiddenFields: true,
        where: { email: { equals: email } },
      })
    ).docs[0] as Record<string, any>
  const makeUser = async (email: string) =>
    payload().create({
      collection: 'users',
      data: { email, name: email, password, roles: ['writer'] } as never,
    })
  const expectAll = (answers: Answer[], status: number) =>
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => status))
  const ids = new Map<string, Array<number | string>>()
  const remember = (
    key: string,
    answers: Answer[],
    pick: (body: any) => number | string = (body) => body.doc.id,
  ) =>
    ids.set(
      key,
      answers.map((answer) => pick(JSON.parse(answer.text))),
    )

  const operations: Operation[] = []
  const add = (
    name: string,
    send: Operation['send'],
    check: Operation['check'],
    prepare?: Operation['prepare'],
  ) => operations.push({ check, name, prepare, send })

  // --- REST auth -------------------------------------------------------------------------------
  add(
    'REST login (right password)',
    () =>
      rest()
        .post('/users/login', { body: { email: 'admin@newsroom.test', password } })
        .then(asAnswer),
    async (answers) => {
      expectAll(answers, 200)
      const admin = await userByEmail('admin@newsroom.test')
      expect(admin.loginAttempts ?? 0).toBe(0)
      // Payload alone keeps one or two of the ten (payloadcms/payload#16027): every token must work.
      expect((admin.sessions ?? []).length).toBeGreaterThanOrEqual(burst)
      const me = await Promise.all(
        answers.map((answer) => rest().get('/users/me', { token: JSON.parse(answer.text).token })),
      )
      expect(me.map((answer) => answer.body?.user?.email)).toEqual(
        answers.map(() => 'admin@newsroom.test'),
      )
    },
  )
  add(
    'REST login (wrong password) locks the account',
    () =>
      rest()
        .post('/users/login', {
          body: { email: 'lock-me@newsroom.test', password: 'wrong-password-123' },
        })
        .then(asAnswer),
    async (answers) => {
      expectAll(answers, 401)
      const user = await userByEmail('lock-me@newsroom.test')
      expect(new Date(user.lockUntil).getTime()).toBeGreaterThan(Date.now())
    },
    async (round) => {
      if (round === 0) await makeUser('lock-me@newsroom.test')
    },
  )
  add(
    'REST unlock',
    () =>
      rest()
        .post('/users/unlock', { body: { email: 'lock-me@newsroom.test' }, token: token() })
        .then(asAnswer),
    async (answers) => {
      expectAll(answers, 200)
      const user = await userByEmail('lock-me@newsroom.test')
      expect(user.lockUntil ?? null).toBeNull()
      expect(user.loginAttempts ?? 0).toBe(0)
    },
  )
  add(
    'REST forgot-password (known email)',
    () =>
      rest()
        .post('/users/forgot-password', { body: { email: 'forgetful@newsroom.test' } })
        .then(asAnswer),
    async (answers) => {
      expectAll(answers, 200)
      const user = await userByEmail('forgetful@newsroom.test')
      expect(user.resetPasswordToken).toMatch(/^[0-9a-f]{40}$/)
      expect(new Date(user.resetPasswordExpiration).getTime()).toBeGreaterThan(Date.now())
    },
    async (round) => {
      if (round === 0) await makeUser('forgetful@newsroom.test')
      // Payload lets one request through per interval (15 s by default): the second round starts afresh.
      else
        await payload().db.updateOne({
          collection: 'users',
          data: { resetPasswordRequestedAt: null },
          where: { email: { equals: 'forgetful@newsroom.test' } },
        })
    },
  )
  add(
    'REST forgot-password (unknown email)',
    (index) =>
      rest()
        .post('/users/forgot-password', { body: { email: `nobody-${index}@newsroom.test` } })
        .then(asAnswer),
    async (answers) => {
      expectAll(answers, 200)
      expect(await count('users', { email: { like: 'nobody-' } })).toBe(0)
    },
  )
  add(
    'REST reset-password (one token, ten tries)',
    async (index, round) => {
      const user = await userByEmail('forgetful@newsroom.test')
      if (index === 0 && !user.resetPasswordToken) throw new Error('no reset token stored')
      return rest()
        .post('/users/reset-password', {
          body: {
            password: `new-password-${round}-${index}-long`,
            token: user.resetPasswordToken ?? 'spent',
          },
        })
        .then(asAnswer)
    },
    async (answers, round) => {
      expect(
        answers.every(
          (answer) => answer.status === 200 || (answer.status >= 400 && answer.status < 500),
        ),
      ).toBe(true)
      const winners = answers.flatMap((answer, index) => (answer.status === 200 ? [index] : []))
      expect(winners.length).toBeGreaterThanOrEqual(1)
      const user = await userByEmail('forgetful@newsroom.test')
      expect(new Date(user.resetPasswordExpiration).getTime()).toBeLessThanOrEqual(Date.now())
      // The token is spent, and a winner's password signs in.
      const again = await rest().post('/users/reset-password', {
        body: { password: 'yet-another-password-1', token: user.resetPasswordToken },
      })
      expect(again.status).toBeGreaterThanOrEqual(400)
      const logins = await Promise.all(
        winners.map((index) =>
          rest().post('/users/login', {
            body: {
              email: 'forgetful@newsroom.test',
              password: `new-password-${round}-${index}-long`,
            },
          }),
        ),
      )
      expect(logins.some((login) => login.status === 200)).toBe(true)
    },
  )
  add(
    'REST me, refresh-token, access',
    async (index) => {
      const route = ['/users/me', '/users/refresh-token', '/access'][index % 3]
      return (
        index % 3 === 1
          ? rest().post(route, { token: token() })
          : rest().get(route, { token: token() })
      ).then(asAnswer)
    },
    async (answers) => {
      expectAll(answers, 200)
      expect(JSON.parse(answers[0].text).user.email).toBe('admin@newsroom.test')
    },
  )
  add(
    'REST logout',
    async () => {
      const session = await rest().login('writer@newsroom.test', password)
      return rest().post('/users/logout', { token: session }).then(asAnswer)
    },
    async (answers) => {
      expectAll(answers, 200)
      const writer = await userByEmail('writer@newsroom.test')
      // Only the suite's own session is left: the ten logged out removed theirs.
      expect((writer.sessions ?? []).length).toBeLessThanOrEqual(1)
    },
  )
  add(
    'REST first-register when users exist, verify with a made-up token',
    (index) =>
      (index % 2 === 0
        ? rest().post('/users/first-register', {
            body: { email: `first-${index}@newsroom.test`, password },
          })
        : rest().post(`/users/verify/${'f'.repeat(40)}`)
      ).then(asAnswer),
    async (answers) => {
      expect(answers.every((answer) => answer.status >= 400 && answer.status < 500)).toBe(true)
      expect(await count('users', { email: { like: 'first-' } })).toBe(0)
    },
  )

  // --- REST collection operations on the plugin's collections and the host's ------------------
  const bodies: Record<string, (index: number, round: number) => Record<string, unknown>> = {
    notes: (index, round) => ({ body: `note ${round}-${index}` }),
    sections: (index, round) => ({ name: `Rubrique ${round}-${index}-${Date.now()}` }),
    sources: (index, round) => ({
      category: 'wire',
      creditLine: 'Agence',
      name: `Source ${round}-${index}-${Date.now()}`,
    }),
  }
  for (const collection of Object.keys(bodies)) {
    const body = bodies[collection]
    add(
      `REST create ${collection}`,
      (index, round) =>
        rest()
          .post(`/${collection}`, { body: body(index, round), token: token() })
          .then(asAnswer),
      async (answers, round) => {
        expectAll(answers, 201)
        remember(`${collection}-${round}`, answers)
        for (const id of ids.get(`${collection}-${round}`)!)
          expect(await count(collection, { id: { equals: id } })).toBe(1)
      },
    )
    add(
      `REST update one ${collection} ten times`,
      (index, round) =>
        rest()
          .patch(`/${collection}/${ids.get(`${collection}-${round}`)![0]}`, {
            body: body(index, round),
            token: token(),
          })
          .then(asAnswer),
      async (answers, round) => {
        expectAll(answers, 200)
        const stored = await payload().findByID({
          collection: collection as never,
          id: ids.get(`${collection}-${round}`)![0],
          overrideAccess: true,
        })
        const written = answers.map((answer) =>
          JSON.stringify(JSON.parse(answer.text).doc.updatedAt),
        )
        expect(written).toContain(JSON.stringify((stored as any).updatedAt))
      },
    )
    add(
      `REST bulk update ${collection}`,
      (index, round) =>
        rest()
          .patch(`/${collection}`, {
            body: body(index + 100, round),
            query: { 'where[id][in]': ids.get(`${collection}-${round}`)!.slice(1, 4).join(',') },
            token: token(),
          })
          .then(asAnswer),
      async (answers) => {
        expectAll(answers, 200)
        expect(answers.every((answer) => JSON.parse(answer.text).errors.length === 0)).toBe(true)
      },
    )
    add(
      `REST delete ten ${collection}`,
      (index, round) =>
        rest()
          .delete(`/${collection}/${ids.get(`${collection}-${round}`)![index]}`, { token: token() })
          .then(asAnswer),
      async (answers, round) => {
        expectAll(answers, 200)
        expect(await count(collection, { id: { in: ids.get(`${collection}-${round}`)! } })).toBe(0)
      },
    )
  }

  add(
    'REST create a draft article, duplicate it, bulk-delete the copies',
    (index, round) =>
      rest()
        .post(`/articles/${ids.get(`article-${round}`)![0]}/duplicate`, {
          query: { draft: 'true' },
          token: token(),
        })
        .then(asAnswer),
    async (answers, round) => {
      // Payload answers a duplicate with 200, not 201.
      expectAll(answers, 200)
      remember(`copies-${round}`, answers)
      expect(await count('articles', { id: { in: ids.get(`copies-${round}`)! } })).toBe(burst)
      const removed = await rest().delete('/articles', {
        query: { 'where[id][in]': ids.get(`copies-${round}`)!.join(',') },
        token: token(),
      })
      expect(removed.status).toBe(200)
      expect(await count('articles', { id: { in: ids.get(`copies-${round}`)! } })).toBe(0)
    },
    async (round) => {
      ids.set(`article-${round}`, [
        (await suite.basics.make.article({ section: suite.basics.world.id }, { draft: true })).id,
      ])
    },
  )
  add(
    'REST restore an article version',
    async (index, round) => {
      const articleId = ids.get(`article-${round}`)![0]
      const { docs } = await payload().findVersions({
        collection: 'articles',
        limit: 1,
        overrideAccess: true,
        sort: 'createdAt',
        where: { parent: { equals: articleId } },
      })
      return rest()
        .post(`/articles/versions/${docs[0].id}`, { query: { draft: 'true' }, token: token() })
        .then(asAnswer)
    },
    async (answers, round) => {
      expect(answers.every((answer) => answer.status === 200)).toBe(true)
      const articleId = ids.get(`article-${round}`)![0]
      expect(
        await payload().countVersions({
          collection: 'articles',
          overrideAccess: true,
          where: { parent: { equals: articleId } },
        }),
      ).toMatchObject({
        totalDocs: expect.any(Number),
      })
    },
  )
  add(
    'REST upload an image',
    async (index, round) => {
      const form = new FormData()
      form.set(
        'file',
        new Blob([new Uint8Array(await pngImage(round * burst + index))], { type: 'image/png' }),
        `image-${round}-${index}.png`,
      )
      form.set('_payload', JSON.stringify({ alt: `Image ${round}-${index}`, credit: 'Rédaction' }))
      return rest()
        .post('/media', { query: { locale: 'fr' }, rawBody: form, token: token() })
        .then(asAnswer)
    },
    async (answers, round) => {
      expectAll(answers, 201)
      remember(`media-${round}`, answers)
      expect(await count('media', { id: { in: ids.get(`media-${round}`)! } })).toBe(burst)
    },
  )

  // --- Preferences, document locks, jobs -------------------------------------------------------
  add(
    'REST preferences: the same key written ten times',
    (index, round) =>
      rest()
        .post('/payload-preferences/matrix-columns', {
          body: { value: { round, width: index } },
          token: token(),
        })
        .then(asAnswer),
    async (answers) => {
      expect(answers.every((answer) => answer.status === 200 || answer.status === 201)).toBe(true)
      expect(await count('payload-preferences', { key: { equals: 'matrix-columns' } })).toBe(1)
    },
  )
  add(
    'REST document locks on one article',
    (index, round) =>
      rest()
        .post('/payload-locked-documents', {
          body: {
            document: { relationTo: 'articles', value: ids.get(`article-${round}`)![0] },
            globalSlug: null,
            user: { relationTo: 'users', value: suite.staff.admin.id },
          },
          token: token(),
        })
        .then(asAnswer),
    async (answers, round) => {
      expect(
        answers.every(
          (answer) => answer.status === 201 || (answer.status >= 400 && answer.status < 500),
        ),
      ).toBe(true)
      expect(
        await count('payload-locked-documents', {
          'document.value': { equals: ids.get(`article-${round}`)![0] },
        }),
      ).toBeGreaterThanOrEqual(1)
    },
  )
  add(
    'REST jobs run while jobs are queued',
    async (index) => {
      if (index % 2 === 0) {
        await payload().jobs.queue({
          input: { article: ids.get('article-0')![0] } as never,
          task: 'newsroomGenerateSummary' as never,
        })
      }
      return rest().get('/payload-jobs/run', { token: token() }).then(asAnswer)
    },
    async (answers) => {
      expectAll(answers, 200)
      // Every job queued ran once and completed; none failed, not even on a first attempt.
      const summaryJobs = async () =>
        (
          await payload().find({
            collection: 'payload-jobs',
            overrideAccess: true,
            pagination: false,
            where: { taskSlug: { equals: 'newsroomGenerateSummary' } },
          })
        ).docs.filter((job: any) => job.input?.article === ids.get('article-0')![0]) as any[]
      for (let run = 0; run < 5 && (await summaryJobs()).some((job) => !job.completedAt); run += 1)
        await rest().get('/payload-jobs/run', { token: token() })
      // Payload deletes a job once it completes: none is left, none failed, and the summary is written.
      expect(await summaryJobs()).toEqual([])
      expect(
        await count('payload-jobs', {
          or: [{ hasError: { equals: true } }, { totalTried: { greater_than: 0 } }],
        }),
      ).toBe(0)
      const article = await payload().findByID({
        collection: 'articles',
        draft: true,
        id: ids.get('article-0')![0],
        overrideAccess: true,
      })
      expect((article as any).summary).toMatchObject({ status: 'ready' })
    },
    async () => {
      // A pending summary: the first job writes it, the others find nothing to do.
      await payload().update({
        collection: 'articles',
        data: { summary: { status: 'pending' } } as never,
        draft: true,
        id: ids.get('article-0')![0],
      })
    },
  )

  // --- GraphQL ---------------------------------------------------------------------------------
  add(
    'GraphQL create, update and delete sections',
    async (index, round) => {
      const created = await gql(
        'mutation ($data: mutationSectionInput!) { createSection(data: $data) { id } }',
        { data: bodies.sections(index, round + 10) },
      )
      if (created.status !== 200) return created
      const id = JSON.parse(created.text).data.createSection.id
      const updated = await gql(
        'mutation ($id: String!) { updateSection(id: $id, data: { description: "mise à jour" }) { id } }',
        { id },
      )
      if (updated.status !== 200) return updated
      return gql('mutation ($id: String!) { deleteSection(id: $id) { id } }', { id })
    },
    async (answers, round) => {
      expectAll(answers, 200)
      expect(await count('sections', { name: { like: `Rubrique ${round + 10}-` } })).toBe(0)
    },
  )
  add(
    'GraphQL verifyEmail on a collection that does not verify',
    () => gql(`mutation { verifyEmailUser(token: "${'f'.repeat(40)}") }`, undefined, null),
    async (answers) => {
      expectAll(answers, 404)
      expect(JSON.parse(answers[0].text).errors[0].message).toBe(
        'This collection does not verify email addresses.',
      )
    },
  )
  add(
    'GraphQL auth: login, me, refresh, forgot-password, logout',
    async (index) => {
      const login = await gql(
        'mutation { loginUser(email: "editor@newsroom.test", password: "' +
          password +
          '") { token } }',
        undefined,
        null,
      )
      if (login.status !== 200) return login
      const session = JSON.parse(login.text).data.loginUser.token
      for (const query of [
        '{ meUser { user { email } } }',
        'mutation { refreshTokenUser { refreshedToken } }',
      ]) {
        const answer = await gql(query, undefined, session)
        if (answer.status !== 200) return answer
      }
      const forgot = await gql(
        `mutation { forgotPasswordUser(email: "nobody-gql-${index}@newsroom.test") }`,
        undefined,
        null,
      )
      if (forgot.status !== 200) return forgot
      return gql('mutation { logoutUser }', undefined, session)
    },
    async (answers) => {
      expectAll(answers, 200)
      const editor = await userByEmail('editor@newsroom.test')
      expect((editor.sessions ?? []).length).toBeLessThanOrEqual(1)
    },
  )

  it(
    `answers ${burst} concurrent calls of each operation without a 5xx, ${rounds} rounds`,
    { timeout: 600_000 },
    async () => {
      expect(operations.length).toBeGreaterThanOrEqual(25)
      for (let round = 0; round < rounds; round += 1) {
        for (const operation of operations) {
          await operation.prepare?.(round)
          const answers = await Promise.all(
            Array.from({ length: burst }, (_, index) => operation.send(index, round)),
          )
          statusesSeen[operation.name] = [
            ...(statusesSeen[operation.name] ?? []),
            ...answers.map((answer) => answer.status),
          ]
          const serverErrors = answers.filter((answer) => answer.status >= 500)
          expect(
            serverErrors.map(
              (answer) => `${operation.name}: ${answer.status} ${answer.text.slice(0, 300)}`,
            ),
          ).toEqual([])
          await operation.check(answers, round).catch((error: Error) => {
            error.message = `${operation.name} (round ${round + 1}): ${error.message}`
            throw error
          })
        }
      }
      const sent = Object.values(statusesSeen).flat()
      console.log(
        `operations matrix: ${operations.length} operations × ${burst} at once × ${rounds} rounds = ${sent.length} requests, 5xx: ${sent.filter((status) => status >= 500).length}`,
      )
    },
  )
})
