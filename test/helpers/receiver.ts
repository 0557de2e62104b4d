import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { body: string; headers: IncomingHttpHeaders }

/**
 * A receiver on 127.0.0.1 that answers 500 to its first `failures` requests, then 200; it keeps
 * every request (webhooks, partner pushes).
 */
export const startReceiver = async (failures: number, path = '/revalidate') => {
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, headers: request.headers })
      response.statusCode = received.length <= failures ? 500 : 200
      response.end(received.length <= failures ? 'busy' : 'ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    close: () => new Promise((resolve) => server.close(resolve)),
    received,
    url: `http://127.0.0.1:${port}${path}`,
  }
}
