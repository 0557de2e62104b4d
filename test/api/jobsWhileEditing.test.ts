import type { Config } from 'payload'

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { TestNewsroom } from '../helpers/newsroom'

import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * As `npm run dev` runs: the jobs queue runs itself (`jobs.autoRun`, here every second) while editors
 * write. Summaries, feed polls, webhook deliveries, rights expiry and scheduled publishes run beside
 * twenty concurrent edits and publishes; no job may end in error for a database reason, and each
 * leaves its effect once. On PostgreSQL a second app instance runs the queue too.
 */
const autoRunEverySecond = (config: Config): Config => ({
  ...config,
  jobs: {
    ...config.jobs,
    autoRun: [{ allQueues: true, cron: '* * * * * *' }],
    tasks: config.jobs?.tasks ?? [],
  },
})

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title><link>https://wire.example/</link><description>Fil</description>
<item><guid>auto-1</guid><title>Dépêche automatique</title><link>https://wire.example/auto-1</link><description>Texte de la dépêche.</description><pubDate>Sat, 05 Dec 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`

describe('the jobs queue running itself while editors write', () => {
  const suite = newsroomSuite({ configure: autoRunEverySecond })
  let receiver: Server
  let received = 0
  let feedUrl = ''
  let other: Awaited<ReturnType<TestNewsroom['startAnotherInstance']>> | undefined
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      if (request.url === '/feed.xml')
        return void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss)
      received += 1
      request.resume().on('end', () => response.writeHead(200).end('ok'))
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    feedUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/feed.xml`
    if (inject('testDatabase').kind !== 'sqlite')
      other = await suite.newsroom.startAnotherInstance()
  })
  afterAll(async () => {
    await other?.stop()
    await new Promise((resolve) => receiver.close(resolve))
  })

  it(
    'runs summaries, polls, webhooks, rights expiry and scheduled publishes beside 20 concurrent edits: no job fails',
    { timeout: 120_000 },
    async () => {
      const payload = suite.newsroom.payload
      const editor = suite.staff.editor.token
      await payload.create({
        collection: 'newsroom-webhooks',
        data: {
          events: ['article.published'],
          name: 'Front',
          url: feedUrl.replace('feed.xml', 'hook'),
        } as never,
      })
      const source = await payload.create({
        collection: 'sources',
        data: {
          category: 'wire',
          creditLine: 'Fil',
          ingest: {
            defaultLanguage: 'fr',
            defaultSection: suite.basics.world.id,
            feed: { format: 'rss', url: feedUrl },
            user: suite.staff.ingest.id,
          },
          name: 'Fil auto',
        } as never,
        locale: 'fr',
      })
      await payload.jobs.queue({
        input: { source: String(source.id) } as never,
        task: 'newsroomPollFeed' as never,
      })
      // Its schedule is each minute: queued now, it runs beside the rest.
      await payload.jobs.queue({ input: {} as never, task: 'newsroomExpireRights' as never })
      const scheduled = await Promise.all(
        Array.from({ length: 5 }, () => suite.basics.syndicated({}, { draft: true })),
      )
      for (const article of scheduled) {
        for (const action of ['submit', 'approve'])
          expect(
            (
              await suite.newsroom.rest.post(`/articles/${article.id}/workflow`, {
                body: { action },
                token: editor,
              })
            ).status,
          ).toBe(200)
        const answer = await suite.newsroom.rest.post(`/articles/${article.id}/workflow`, {
          body: { action: 'schedule', publishAt: new Date(Date.now() + 1_500).toISOString() },
          token: editor,
        })
        expect(answer.status).toBe(200)
      }
      const summarised = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          suite.basics.make.article(
            {
              section: suite.basics.world.id,
              standfirst: `Un chapô de plusieurs mots, numéro ${index}.`,
              summary: { status: 'pending' },
            },
            { draft: true },
          ),
        ),
      )
      // Twenty editors' writes at once: ten publishes, ten edits.
      const drafts = await Promise.all(
        Array.from({ length: 20 }, () => suite.basics.syndicated({}, { draft: true })),
      )
      const answers = await Promise.all(
        drafts.map((draft, index) =>
          index % 2 === 0
            ? suite.newsroom.rest.post(`/articles/${draft.id}/workflow`, {
                body: { action: 'publish' },
                token: editor,
              })
            : suite.newsroom.rest.patch(`/articles/${draft.id}`, {
                body: { standfirst: `Édité ${index}` },
                query: { draft: 'true' },
                token: editor,
              }),
        ),
      )
      expect(answers.map((answer) => answer.status)).toEqual(drafts.map(() => 200))

      // The queue, running itself, catches up.
      const deadline = Date.now() + 60_000
      // Jobs due now or within seconds; the scheduled tasks' next minute is not waited for.
      const pending = async () =>
        (
          await payload.count({
            collection: 'payload-jobs',
            where: {
              and: [
                { completedAt: { exists: false } },
                {
                  or: [
                    { waitUntil: { exists: false } },
                    { waitUntil: { less_than: new Date(Date.now() + 5_000).toISOString() } },
                  ],
                },
              ],
            },
          })
        ).totalDocs
      while (Date.now() < deadline && (await pending()) > 0)
        await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await pending()).toBe(0)

      const failed = await payload.find({
        collection: 'payload-jobs',
        pagination: false,
        where: { or: [{ hasError: { equals: true } }, { totalTried: { greater_than: 1 } }] },
      })
      expect(
        failed.docs.map((job: any) => [
          job.taskSlug,
          JSON.stringify(job.error ?? job.log?.at(-1)?.error).slice(0, 200),
        ]),
      ).toEqual([])
      for (const article of scheduled) {
        const stored = await payload.findByID({ collection: 'articles', id: article.id })
        expect(stored).toMatchObject({ _status: 'published', workflowState: 'published' })
        expect(
          (
            await payload.count({
              collection: 'workflow-events',
              where: {
                and: [{ article: { equals: article.id } }, { action: { equals: 'publish' } }],
              },
            })
          ).totalDocs,
        ).toBe(1)
      }
      for (const article of summarised) {
        expect(
          ((await payload.findByID({ collection: 'articles', draft: true, id: article.id })) as any)
            .summary.status,
        ).toBe('ready')
      }
      // The poll queued here and the one the every-minute schedule queues may both run, even at once:
      // together they create the item once, and neither fails.
      const runs = (
        await payload.find({
          collection: 'newsroom-ingest-runs',
          pagination: false,
          where: { source: { equals: source.id } },
        })
      ).docs as any[]
      expect(runs.reduce((created, run) => created + run.counts.created, 0)).toBe(1)
      expect(
        runs
          .map((run) => run.status)
          .filter((status) => status !== 'succeeded' && status !== 'not-modified'),
      ).toEqual([])
      expect(
        (
          await payload.count({
            collection: 'articles',
            where: { 'attribution.source': { equals: source.id } },
          })
        ).totalDocs,
      ).toBe(1)
      // One delivery per publication (ten publishes, five scheduled), each delivered once.
      const deliveries = await payload.find({
        collection: 'newsroom-webhook-deliveries',
        pagination: false,
      })
      expect(deliveries.docs.map((delivery: any) => [delivery.status, delivery.attempts])).toEqual(
        deliveries.docs.map(() => ['delivered', 1]),
      )
      expect(deliveries.docs.length).toBe(15)
      expect(received).toBe(15)
    },
  )
})
