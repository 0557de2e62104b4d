import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

type Served = { body: Buffer; contentType: string }

/** Fixture feeds on 127.0.0.1 with ETag validation; a path's content can be replaced between polls. */
export const startFeedServer = async () => {
  const feeds = new Map<string, Served>()
  const requests: { ifNoneMatch?: string; path: string; status: number }[] = []
  const server: Server = createServer((request, response) => {
    const served = feeds.get(request.url ?? '')
    const etag =
      served && `"${createHash('sha256').update(served.body).digest('hex').slice(0, 16)}"`
    const ifNoneMatch = request.headers['if-none-match']
    const status = !served ? 404 : ifNoneMatch === etag ? 304 : 200
    requests.push({ ifNoneMatch, path: request.url ?? '', status })
    response.statusCode = status
    if (served && etag) response.setHeader('etag', etag)
    if (status === 200) response.setHeader('content-type', served!.contentType)
    response.end(status === 200 ? served!.body : undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    close: () => new Promise((resolve) => server.close(resolve)),
    requests,
    serve: (path: string, body: Buffer | string, contentType = 'application/xml') =>
      feeds.set(path, { body: Buffer.from(body), contentType }),
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
  }
}

/** A feed server for one test file: started before its tests, closed after them. */
export const feedServerForSuite = () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>> | undefined
  beforeAll(async () => {
    feeds = await startFeedServer()
  })
  afterAll(async () => {
    await feeds?.close()
  })
  return () => feeds!
}
