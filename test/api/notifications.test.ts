import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { createLocalReq } from 'payload'
import {
  inTransaction,
  pruneNotifications,
  runWorkflowAction,
  sendNotificationDigests,
  warnOfEndingRights,
} from 'payload-newsroom/server'

import { smtpEmailAdapter } from '../../host/emailAdapter'
import { ingestSources, newsroomSuite } from '../helpers/newsroomSuite'
import { startSmtpSink } from '../helpers/smtpSink'

type Doc = Record<string, any>
type ID = number | string

const password = 'correct-horse-battery-9'
let summaryFails = false

/**
 * Notifications (issue 37, item 1): the desk is told of what concerns it, under the admin's bell and
 * by email through Payload's email adapter, here to a real SMTP server on 127.0.0.1.
 */
describe('notifications: the bell and email', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>
  const smtpUrl = { current: '' }
  beforeAll(async () => {
    smtp = await startSmtpSink()
    smtpUrl.current = smtp.url
  })
  afterAll(async () => {
    await smtp?.close()
  })
  const suite = newsroomSuite({
    configure: (config) => ({
      ...config,
      // The URL is known once the sink listens, which is before the app starts (both in beforeAll).
      email: (args) =>
        smtpEmailAdapter({ from: 'Rédaction <desk@newsroom.test>', url: smtpUrl.current })(args),
    }),
    newsroom: {
      notifications: { retries: 1 },
      summaries: {
        retries: 0,
        summarize: async () => {
          if (summaryFails) throw new Error('model offline')
          return { model: 'test-model', text: 'Un résumé.' }
        },
      },
    },
  })
  const run = process.pid.toString(36)
  let serial = 0
  const payload = () => suite.newsroom.payload
  const rest = () => suite.newsroom.rest

  const person = async (
    name: string,
    roles: string[],
    notificationSettings: Doc = {},
  ): Promise<{ email: string; id: ID; token: string }> => {
    const email = `${name}-${run}@newsroom.test`
    const user = await payload().create({
      collection: 'users',
      data: { email, name, notificationSettings, password, roles } as never,
    })
    return { email, id: user.id, token: await rest().login(email, password) }
  }
  const notificationsOf = async (recipient: ID, where: Doc = {}) =>
    (
      await payload().find({
        collection: 'newsroom-notifications' as never,
        depth: 0,
        limit: 100,
        sort: 'createdAt',
        where: { and: [{ recipient: { equals: recipient } }, where] },
      })
    ).docs as Doc[]
  const workflow = async (token: string, id: ID, action: string, note?: string) => {
    const answer = await rest().post(`/articles/${id}/workflow`, { body: { action, note }, token })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  }
  const runJobs = () => payload().jobs.run({ limit: 100, queue: 'default' })

  let desk: { fr: Awaited<ReturnType<typeof person>>; en: Awaited<ReturnType<typeof person>> }
  let writer: Awaited<ReturnType<typeof person>>
  let section: Doc
  beforeAll(async () => {
    desk = {
      en: await person('desk-en', ['editor'], { language: 'en' }),
      fr: await person('desk-fr', ['editor'], { language: 'fr' }),
    }
    writer = await person('plume', ['writer'], { language: 'fr' })
    section = await suite.basics.make.section({
      editors: [desk.fr.id, desk.en.id],
      name: `Desk Crypto ${run}`,
    })
  })
  const writersDraft = async (title: string, data: Doc = {}) => {
    const answer = await rest().post('/articles?draft=true', {
      body: {
        _status: 'draft',
        body: {
          root: { children: [], direction: null, format: '', indent: 0, type: 'root', version: 1 },
        },
        language: 'fr',
        origin: 'original',
        section: section.id,
        slug: `notif-${run}-${++serial}`,
        title,
        ...data,
      },
      token: writer.token,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    return answer.body.doc as Doc
  }

  it('tells the section’s desk of a submission, each in their language, by bell and by email with a link; never the writer who acted', async () => {
    const article = await writersDraft('Le bitcoin dépasse 100 000 dollars')
    await workflow(writer.token, article.id, 'submit')

    for (const editor of [desk.fr, desk.en]) {
      expect(await notificationsOf(editor.id, { article: { equals: article.id } })).toEqual([
        expect.objectContaining({
          actorName: 'plume',
          articleTitle: 'Le bitcoin dépasse 100 000 dollars',
          email: 'pending',
          inAdmin: true,
          kind: 'submitted',
        }),
      ])
    }
    expect(await notificationsOf(writer.id)).toEqual([])

    await runJobs()
    const link = `http://localhost:3000/admin/collections/articles/${article.id}`
    const [fr] = smtp.to(desk.fr.email)
    expect(fr?.mail.subject).toBe(
      'plume a soumis « Le bitcoin dépasse 100 000 dollars » à relecture.',
    )
    expect(fr?.mail.from?.value[0]).toMatchObject({
      address: 'desk@newsroom.test',
      name: 'Rédaction',
    })
    expect(fr?.mail.text).toContain(`Ouvrir l’article: ${link}`)
    expect(fr?.mail.html).toContain(`href="${link}"`)
    const [en] = smtp.to(desk.en.email)
    expect(en?.mail.subject).toBe(
      'plume submitted “Le bitcoin dépasse 100 000 dollars” for review.',
    )
    expect(en?.mail.text).toContain(`Open the article: ${link}`)
    expect(smtp.to(writer.email)).toEqual([])
    // Sent once: the notifications say so, and running the queue again sends nothing more.
    expect(await notificationsOf(desk.fr.id, { article: { equals: article.id } })).toEqual([
      expect.objectContaining({ email: 'sent', emailedAt: expect.any(String) }),
    ])
    const before = smtp.received.length
    await runJobs()
    expect(smtp.received.length).toBe(before)
  })

  it('tells the authors when changes are requested (with the note) and when the piece is approved; the editor who acted is not told', async () => {
    const article = await writersDraft('Ethereum : la mise à jour reportée')
    await workflow(writer.token, article.id, 'submit')
    await workflow(
      suite.staff.editor.token,
      article.id,
      'request_changes',
      'Sourcez le deuxième chiffre.',
    )
    await workflow(writer.token, article.id, 'submit')
    await workflow(desk.fr.token, article.id, 'approve')

    const told = await notificationsOf(writer.id, { article: { equals: article.id } })
    expect(told.map((notification) => [notification.kind, notification.note])).toEqual([
      ['changes_requested', 'Sourcez le deuxième chiffre.'],
      ['approved', null],
    ])
    // desk.fr approved: told of the two submissions, not of their own approval.
    expect(
      (await notificationsOf(desk.fr.id, { article: { equals: article.id } })).map((n) => n.kind),
    ).toEqual(['submitted', 'submitted'])

    await runJobs()
    // The queue runs jobs side by side: the two emails may arrive in either order.
    const mails = smtp.to(writer.email).map((entry) => entry.mail)
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'desk-fr a approuvé « Ethereum : la mise à jour reportée ».',
      'editor user demande des modifications à « Ethereum : la mise à jour reportée ».',
    ])
    expect(mails.find((mail) => mail.subject?.startsWith('editor user'))?.text).toContain(
      '« Sourcez le deuxième chiffre. »',
    )
  })

  it('tells an editor an article is assigned to them, and the desk when it is handed to the desk; an unchanged assignment tells nobody', async () => {
    const article = await writersDraft('Solana : panne du réseau')
    const assign = async (data: Doc) => {
      const answer = await rest().patch(`/articles/${article.id}?draft=true`, {
        body: data,
        token: suite.staff.editor.token,
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    }
    const assigned = async (who: ID) =>
      (
        await notificationsOf(who, {
          and: [{ article: { equals: article.id } }, { kind: { equals: 'assigned' } }],
        })
      ).length

    await assign({ assignedTo: desk.en.id })
    expect([await assigned(desk.en.id), await assigned(desk.fr.id)]).toEqual([1, 0])
    await assign({ title: 'Solana : panne du réseau (mise à jour)' })
    await assign({ assignedTo: desk.en.id })
    expect(await assigned(desk.en.id)).toBe(1)
    // Reassigned: the new assignee is told.
    await assign({ assignedTo: desk.fr.id })
    expect([await assigned(desk.en.id), await assigned(desk.fr.id)]).toEqual([1, 1])
    // Handed to the desk: each of its editors.
    await assign({ assignedTo: null, assignedToDesk: true })
    expect([await assigned(desk.en.id), await assigned(desk.fr.id)]).toEqual([2, 2])
    await runJobs()
    expect(smtp.to(desk.en.email).map((entry) => entry.mail.subject)).toContain(
      'editor user assigned “Solana : panne du réseau (mise à jour)” to you.',
    )
  })

  it('keeps each person’s choices per channel: bell only, email only, or a daily digest sent once', async () => {
    const bellOnly = await person('cloche', ['editor'], { mutedEmail: ['submitted'] })
    const emailOnly = await person('courriel', ['editor'], { mutedInAdmin: ['submitted'] })
    const digest = await person('resume', ['editor'], { emailDigest: true, language: 'fr' })
    const silent = await person('muet', ['editor'], {
      mutedEmail: ['submitted'],
      mutedInAdmin: ['submitted'],
    })
    const own = await suite.basics.make.section({
      editors: [bellOnly.id, emailOnly.id, digest.id, silent.id],
      name: `Desk Choix ${run}`,
    })
    const first = await writersDraft('Premier sujet', { section: own.id })
    const second = await writersDraft('Second sujet', { section: own.id })
    await workflow(writer.token, first.id, 'submit')
    await workflow(writer.token, second.id, 'submit')
    await runJobs()

    expect((await notificationsOf(bellOnly.id)).map((n) => [n.inAdmin, n.email])).toEqual([
      [true, 'none'],
      [true, 'none'],
    ])
    expect(smtp.to(bellOnly.email)).toEqual([])
    expect((await notificationsOf(emailOnly.id)).map((n) => [n.inAdmin, n.email])).toEqual([
      [false, 'sent'],
      [false, 'sent'],
    ])
    expect(smtp.to(emailOnly.email)).toHaveLength(2)
    const bell = await rest().get('/newsroom-notifications/bell', { token: emailOnly.token })
    expect(bell.body).toEqual({ docs: [], unread: 0 })
    expect(await notificationsOf(silent.id)).toEqual([])
    // The digest: nothing until it runs, then one email listing both, then nothing more.
    expect(smtp.to(digest.email)).toEqual([])
    expect(
      await sendNotificationDigests(payload(), pluginOptionsOf(payload().config)),
    ).toMatchObject({
      sent: 1,
    })
    const [mail] = smtp.to(digest.email).map((entry) => entry.mail)
    expect(mail?.subject).toBe('Rédaction : 2 événements depuis le dernier récapitulatif')
    expect(mail?.text).toContain('plume a soumis « Premier sujet » à relecture.')
    expect(mail?.text).toContain('plume a soumis « Second sujet » à relecture.')
    expect(
      await sendNotificationDigests(payload(), pluginOptionsOf(payload().config)),
    ).toMatchObject({
      sent: 0,
    })
    expect(smtp.to(digest.email)).toHaveLength(1)
  })

  it('answers the bell with one’s own notifications only; marks read; refuses others’ and bad input with 4xx', async () => {
    const article = await writersDraft('Cardano : vote de gouvernance')
    await workflow(writer.token, article.id, 'submit')
    const bell = await rest().get('/newsroom-notifications/bell', { token: desk.en.token })
    expect(bell.status).toBe(200)
    expect(bell.body.unread).toBeGreaterThan(0)
    expect(bell.body.docs[0]).toMatchObject({ article: article.id, kind: 'submitted' })
    const mine = bell.body.docs[0] as Doc

    // Another user sees none of it, reads nothing by ID, changes nothing.
    expect(
      (await rest().get(`/newsroom-notifications/${mine.id}`, { token: desk.fr.token })).status,
    ).toBe(404)
    const theirs = await rest().patch(`/newsroom-notifications/${mine.id}`, {
      body: { readAt: new Date().toISOString() },
      token: desk.fr.token,
    })
    expect([403, 404]).toContain(theirs.status)
    expect((await rest().get('/newsroom-notifications/bell')).status).toBe(401)
    expect((await rest().get(`/newsroom-notifications/${mine.id}`)).status).toBe(403)

    // The recipient changes only `readAt`: a forged kind or recipient is ignored.
    await rest().patch(`/newsroom-notifications/${mine.id}`, {
      body: { kind: 'approved', recipient: desk.fr.id },
      token: desk.en.token,
    })
    const stored = await payload().findByID({
      id: mine.id,
      collection: 'newsroom-notifications' as never,
      depth: 0,
    })
    expect(stored).toMatchObject({ kind: 'submitted', recipient: desk.en.id, readAt: null })

    for (const ids of [
      [],
      'all',
      [{}],
      Array.from({ length: 101 }, (_, i) => i + 1),
      ['\u0000'],
      ['x'.repeat(101)],
    ]) {
      const answer = await rest().post('/newsroom-notifications/read', {
        body: { ids },
        token: desk.en.token,
      })
      expect(answer.status, JSON.stringify(ids).slice(0, 40)).toBe(400)
      expect(answer.body.errors[0].data.errors[0].path).toBe('ids')
    }
    // Marking another's notification read through the endpoint marks nothing.
    expect(
      (
        await rest().post('/newsroom-notifications/read', {
          body: { ids: [mine.id] },
          token: desk.fr.token,
        })
      ).body,
    ).toEqual({ read: 0 })
    expect(
      (
        await rest().post('/newsroom-notifications/read', {
          body: { ids: [mine.id] },
          token: desk.en.token,
        })
      ).body,
    ).toEqual({ read: 1 })
    const after = await rest().get('/newsroom-notifications/bell', { token: desk.en.token })
    expect(after.body.unread).toBe(bell.body.unread - 1)
    expect(
      (await rest().post('/newsroom-notifications/read', { body: {}, token: desk.en.token })).body
        .read,
    ).toBe(after.body.unread)
    expect(
      (await rest().get('/newsroom-notifications/bell', { token: desk.en.token })).body.unread,
    ).toBe(0)
  })

  it('tells nobody of an action that is refused or rolled back, and tells each of twenty concurrent submissions once', async () => {
    const article = await writersDraft('Refusé')
    const refused = await rest().post(`/articles/${article.id}/workflow`, {
      body: { action: 'approve' },
      token: writer.token,
    })
    expect(refused.status).toBe(400)
    expect(await notificationsOf(desk.fr.id, { article: { equals: article.id } })).toEqual([])
    // A submission whose transaction fails after it (a later step of the same write) tells nobody.
    const writerUser = await payload().findByID({ id: writer.id, collection: 'users' })
    const req = await createLocalReq(
      { user: { ...writerUser, collection: 'users' } as never },
      payload(),
    )
    await expect(
      inTransaction(req, async () => {
        await runWorkflowAction(req, pluginOptionsOf(payload().config), {
          action: 'submit',
          id: article.id,
        })
        throw new Error('a later step failed')
      }),
    ).rejects.toThrow('a later step failed')
    expect(await notificationsOf(desk.fr.id, { article: { equals: article.id } })).toEqual([])
    expect(
      (await payload().findByID({ id: article.id, collection: 'articles', draft: true }))
        .workflowState,
    ).toBe('draft')

    // Earlier tests' emails first, so what is counted below is these submissions' only.
    await runJobs()
    const before = smtp.to(desk.en.email).length
    const articles = await Promise.all(
      Array.from({ length: 20 }, (_, index) => writersDraft(`Concurrence ${index}`)),
    )
    const answers = await Promise.all(
      articles.map((each) =>
        rest().post(`/articles/${each.id}/workflow`, {
          body: { action: 'submit' },
          token: writer.token,
        }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(articles.map(() => 200))
    const ids = articles.map((each) => each.id)
    expect(await notificationsOf(desk.en.id, { article: { in: ids } })).toHaveLength(20)
    await runJobs()
    expect(smtp.to(desk.en.email).length - before).toBe(20)
  })

  it('retries an email the mail server refuses, then records it failed; the action itself never fails', async () => {
    smtp.refuse(true)
    try {
      const article = await writersDraft('Serveur de courriel en panne')
      await workflow(writer.token, article.id, 'submit')
      await runJobs()
      await runJobs()
      const [told] = await notificationsOf(desk.fr.id, { article: { equals: article.id } })
      expect(told).toMatchObject({ email: 'failed', emailError: expect.stringContaining('550') })
    } finally {
      smtp.refuse(false)
    }
  })

  it('tells the authors when a summary fails, and the desk once when a piece’s rights end within the week', async () => {
    summaryFails = true
    try {
      const article = await writersDraft('Résumé impossible', { summary: { status: 'pending' } })
      await runJobs()
      expect(
        (await notificationsOf(writer.id, { article: { equals: article.id } })).map((n) => [
          n.kind,
          n.note,
        ]),
      ).toEqual([['summary_failed', 'model offline']])
    } finally {
      summaryFails = false
    }

    const ending = await suite.basics.syndicated({
      _status: 'published',
      attribution: {
        originalUrl: 'https://horizon-presse.example/depeches/droits',
        rightsExpireAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        source: suite.basics.source.id,
        sourceItemId: `droits-${run}`,
      },
      section: section.id,
      title: 'Droits qui expirent',
    })
    const options = pluginOptionsOf(payload().config)
    expect(await warnOfEndingRights(payload(), options)).toEqual({ warned: 1 })
    expect(await warnOfEndingRights(payload(), options)).toEqual({ warned: 0 })
    expect(
      (await notificationsOf(desk.fr.id, { article: { equals: ending.id } })).map((n) => n.kind),
    ).toEqual(['rights_ending'])
  })

  it('escapes what people wrote in the email’s HTML and keeps the subject to one line', async () => {
    const article = await writersDraft('<img src=x onerror=alert(1)> & </script>')
    await workflow(writer.token, article.id, 'submit')
    await runJobs()
    const mail = smtp.to(desk.en.email).find((entry) => entry.mail.subject?.includes('<img'))!.mail
    expect(mail.subject).toBe(
      'plume submitted “<img src=x onerror=alert(1)> & </script>” for review.',
    )
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/script&gt;')
    expect(mail.html).not.toContain('<img')
  })

  it('tells the desk when the agency kills a copy the ingest took in, naming the ingest run', async () => {
    const source = await ingestSources(suite, { name: `Agence Notif ${run}` })()
    const ingest = (item: Doc) =>
      rest().post('/articles/ingest', {
        body: { format: 'newsroom', item, source: source.slug },
        token: suite.staff.ingest.token,
      })
    const item = {
      id: `kill-${run}`,
      title: 'Dépêche à retirer',
      url: 'https://horizon-presse.example/kill',
    }
    expect((await ingest(item)).body.items[0].outcome).toBe('created')
    // Its arrival in review tells nobody: a wire brings hundreds a day.
    const copy = await payload().find({
      collection: 'articles',
      depth: 0,
      draft: true,
      where: { 'attribution.sourceItemId': { equals: item.id } },
    })
    const id = copy.docs[0]!.id
    expect(await notificationsOf(desk.fr.id, { article: { equals: id } })).toEqual([])
    expect((await ingest({ ...item, killed: true })).body.items[0]).toMatchObject({
      outcome: 'withdrawn',
    })
    const [told] = await notificationsOf(desk.fr.id, { article: { equals: id } })
    expect(told).toMatchObject({ kind: 'ingest_withdrawn', articleTitle: 'Dépêche à retirer' })
    expect(told!.actorName).toBe('ingest user')
  })

  // Last: it deletes every notification of the file.
  it('deletes notifications once they are older than keepDays (90), in batches, and none younger', async () => {
    const options = pluginOptionsOf(payload().config)
    const count = async () =>
      (await payload().count({ collection: 'newsroom-notifications' as never })).totalDocs
    const all = await count()
    expect(all).toBeGreaterThan(0)
    const day = 86_400_000
    expect(await pruneNotifications(payload(), options, new Date(Date.now() + 89 * day))).toEqual({
      deleted: 0,
    })
    expect(await count()).toBe(all)
    expect(await pruneNotifications(payload(), options, new Date(Date.now() + 91 * day))).toEqual({
      deleted: Math.min(all, 500),
    })
    expect(await count()).toBe(Math.max(0, all - 500))
  })
})
