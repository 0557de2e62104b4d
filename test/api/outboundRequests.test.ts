import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { newsroomSuite, type NewsroomSuite } from '../helpers/newsroomSuite'

/**
 * Outgoing requests (feed polls, webhook deliveries) reach public addresses only, unless the host
 * allows more (`outbound.allowAddresses`). Real servers listen on loopback addresses here; each one
 * counts what it received, so a refusal is shown to happen before any byte leaves.
 */

type Hits = { close: () => Promise<unknown>; hits: string[]; port: number }

/** An HTTP server on `host` answering with `answer(path)`; it records every request it receives. */
type Answer = { body?: string; headers?: Record<string, string>; status: number }

const listen = async (host: string, answer: (path: string) => Answer): Promise<Hits> => {
  const hits: string[] = []
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '')
    const { body, headers = {}, status } = answer(request.url ?? '')
    response.writeHead(status, headers).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return {
    close: () => new Promise((resolve) => server.close(resolve)),
    hits,
    port: (server.address() as AddressInfo).port,
  }
}

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title><link>https://wire.example/</link><description>Fil</description>
<item><guid>item-1</guid><title>Dépêche</title><link>https://wire.example/1</link><description>Texte</description><pubDate>Sat, 05 Dec 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`

/** Polls a source whose feed is at `url`, through the jobs queue, and returns its ingest run. */
const pollFeed = async (suite: NewsroomSuite, url: string) => {
  const payload = suite.newsroom.payload
  const source = await payload.create({
    collection: 'sources',
    data: {
      category: 'wire',
      creditLine: 'Fil',
      ingest: {
        defaultLanguage: 'fr',
        defaultSection: suite.basics.world.id,
        feed: { format: 'rss', url },
        user: suite.staff.ingest.id,
      },
      name: `Fil ${Math.random()}`,
    } as never,
    locale: 'fr',
  })
  await payload.jobs.queue({
    input: { source: String(source.id) } as never,
    task: 'newsroomPollFeed' as never,
  })
  await payload.jobs.run({ queue: 'default' })
  const { docs } = await payload.find({
    collection: 'newsroom-ingest-runs',
    depth: 0,
    limit: 1,
    sort: '-startedAt',
    where: { source: { equals: source.id } },
  })
  return docs[0] as Record<string, any>
}

const failureOf = (run: Record<string, any>) => JSON.stringify(run.errors ?? run.error ?? run)

describe('outgoing requests', () => {
  const suite = newsroomSuite({
    newsroom: { outbound: { allowAddresses: [] }, webhooks: { retries: 0 } },
  })
  /** The plugin reads its resolved options at each request: one app serves both settings. */
  const allowAddresses = (addresses: string[]) => {
    pluginOptionsOf(suite.newsroom.payload.config).outbound.allowAddresses = addresses
  }

  describe('with no address allowed: loopback by name, link-local, IPv6 loopback', () => {
    let server: Hits
    beforeAll(async () => {
      server = await listen('127.0.0.1', () => ({
        body: rss,
        headers: { 'content-type': 'application/rss+xml' },
        status: 200,
      }))
    })
    afterAll(async () => {
      await server.close()
    })

    it('refuses a feed at a name that resolves to 127.0.0.1, and at the cloud metadata address, before connecting', async () => {
      const byName = await pollFeed(suite, `http://localhost:${server.port}/feed.xml`)
      expect(byName.status).toBe('failed')
      expect(failureOf(byName)).toMatch(
        /loopback address: outgoing requests only reach public addresses/,
      )
      const metadata = await pollFeed(suite, 'http://169.254.169.254/latest/meta-data/')
      expect(failureOf(metadata)).toMatch(/linkLocal address/)
      const ipv6 = await pollFeed(suite, `http://[::1]:${server.port}/feed.xml`)
      expect(failureOf(ipv6)).toMatch(/loopback address/)
      expect(server.hits).toEqual([])
      expect(
        await suite.newsroom.payload.count({
          collection: 'articles',
          where: { 'attribution.sourceItemId': { equals: 'item-1' } },
        }),
      ).toMatchObject({ totalDocs: 0 })
    })

    it('refuses a webhook delivery to a loopback receiver, and logs why', async () => {
      const payload = suite.newsroom.payload
      await payload.create({
        collection: 'newsroom-webhooks',
        data: {
          events: ['article.published'],
          name: 'Interne',
          url: `http://localhost:${server.port}/hook`,
        } as never,
      })
      await suite.basics.make.article({ _status: 'published', section: suite.basics.world.id })
      await payload.jobs.run({ queue: 'default' })
      const { docs } = await payload.find({
        collection: 'newsroom-webhook-deliveries',
        depth: 0,
        pagination: false,
      })
      expect(docs.map((delivery: any) => delivery.status)).toEqual(['failed'])
      expect(docs[0]!.lastError).toMatch(/loopback address/)
      expect(server.hits).toEqual([])
    })
  })

  describe('with 127.0.0.1 allowed: redirects are checked again', () => {
    let internal: Hits
    let front: Hits
    beforeAll(async () => {
      allowAddresses(['127.0.0.1'])
      // Another loopback address, not allowed: what a redirect must not reach.
      internal = await listen('127.0.0.2', () => ({
        body: rss,
        headers: { 'content-type': 'application/rss+xml' },
        status: 200,
      }))
      front = await listen('127.0.0.1', (path): Answer =>
        path === '/to-internal'
          ? { headers: { location: `http://127.0.0.2:${internal.port}/feed.xml` }, status: 302 }
          : path === '/to-metadata'
            ? { headers: { location: 'http://169.254.169.254/latest/meta-data/' }, status: 301 }
            : { body: rss, headers: { 'content-type': 'application/rss+xml' }, status: 200 },
      )
    })
    afterAll(async () => {
      await Promise.all([internal.close(), front.close()])
    })

    it('polls the allowed address, and refuses redirects from it to loopback and link-local addresses', async () => {
      const allowed = await pollFeed(suite, `http://127.0.0.1:${front.port}/feed.xml`)
      expect(allowed).toMatchObject({ counts: { created: 1 }, status: 'succeeded' })
      const toInternal = await pollFeed(suite, `http://127.0.0.1:${front.port}/to-internal`)
      expect(toInternal.status).toBe('failed')
      expect(failureOf(toInternal)).toMatch(/127\.0\.0\.2 is a loopback address/)
      const toMetadata = await pollFeed(suite, `http://127.0.0.1:${front.port}/to-metadata`)
      expect(failureOf(toMetadata)).toMatch(/169\.254\.169\.254 is a linkLocal address/)
      expect(front.hits).toEqual(['/feed.xml', '/to-internal', '/to-metadata'])
      expect(internal.hits).toEqual([])
    })
  })
})
