/**
 * `npm run bench:partners`: what partners cost (issue 35). One run, one scratch database:
 *
 * - the publish cost added by having partners: own articles published one by one through the Local
 *   API with no partner, then with `--partners` push partners, then as many pull-only ones (medians,
 *   statements per publish);
 * - a kill fanned out: an item every push partner received is deleted, and the jobs queue is run
 *   as a worker would until every partner's receiver on 127.0.0.1 answered and every kill receipt is
 *   written: the time that takes, and the deliveries per second.
 *
 *   npm run bench:partners [-- --partners 100] [--publishes 30]
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { ensureReferenceData } from '../seed/referenceData'
import { benchCommandLine } from './cli'
import { describeMachine, openBenchDatabase, readMachine } from './environment'
import { formatMs, formatRatio, summarize } from './stats'

const { commandLine, positiveInteger } = benchCommandLine({
  description: 'Publish cost with partners, and one kill fanned out to every push partner.',
  options: { partners: { type: 'string' }, publishes: { type: 'string' } },
  usage: '  npm run bench:partners [-- --partners 100] [--publishes 30]',
})
const partnerCount = positiveInteger('partners', 100)
const publishes = positiveInteger('publishes', 30)

const machine = readMachine()
const started = Date.now()
const database = await openBenchDatabase('partners')
const { payload } = await database.start({
  newsroom: { outbound: { allowAddresses: ['127.0.0.1'] }, webhooks: { backoffMs: 100 } },
})

/** One receiver per partner on 127.0.0.1, each answering 200 and counting what it got. */
const receivers: { count: number; server: Server; url: string }[] = []
for (let index = 0; index < partnerCount; index++) {
  const receiver = { count: 0, server: createServer(), url: '' }
  receiver.server.on('request', (request, response) => {
    request.resume()
    request.on('end', () => {
      receiver.count++
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/ninjs`
  receivers.push(receiver)
}

try {
  const references = await ensureReferenceData(payload)
  const section = references.sections.get('monde')!
  let serial = 0
  const publishOne = async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { language: 'fr', section, title: `Article partenaires ${++serial}` } as never,
      depth: 0,
      draft: true,
    })
    const before = database.queryLog.count()
    const start = performance.now()
    await payload.update({
      id: draft.id,
      collection: 'articles',
      data: { _status: 'published' } as never,
      depth: 0,
    })
    return {
      id: draft.id,
      ms: performance.now() - start,
      queries: database.queryLog.count() - before,
    }
  }
  type Sample = Awaited<ReturnType<typeof publishOne>>
  const publishMany = async (): Promise<Sample[]> => {
    for (let index = 0; index < 10; index++) await publishOne() // warm-up: JIT, caches
    const samples = []
    for (let index = 0; index < publishes; index++) samples.push(await publishOne())
    return samples
  }
  const medians = (samples: Sample[]) => ({
    ms: summarize(samples.map((sample) => sample.ms)).median,
    queries: summarize(samples.map((sample) => sample.queries)).median,
  })
  const addPartners = async (push: boolean) => {
    const ids = []
    for (const [index, receiver] of receivers.entries()) {
      const partner = await payload.create({
        collection: 'partners',
        data: {
          formats: ['ninjs-3'],
          name: `${push ? 'Push' : 'Pull'} partner ${index}`,
          ...(push ? { pushUrl: receiver.url } : {}),
        } as never,
        depth: 0,
      })
      ids.push(partner.id)
    }
    return ids
  }
  const drainQueue = async () => {
    for (let round = 0; round < 1_000; round++) {
      const { totalDocs } = await payload.count({
        collection: 'payload-jobs',
        where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      })
      if (totalDocs === 0) return
      await payload.jobs.run({ limit: 100, queue: 'default' })
    }
    throw new Error('jobs still waiting after 1,000 runs of the queue')
  }

  const noneBefore = await publishMany()
  const pushPartners = await addPartners(true)
  const withPush = medians(await publishMany())
  await drainQueue()
  const pullPartners = await addPartners(false)
  const withPull = medians(await publishMany())
  await drainQueue()

  // An item every push partner received, then killed.
  const { id: killed } = await publishOne()
  await drainQueue()
  const countKillReceipts = async () =>
    (
      await payload.count({
        collection: 'newsroom-partner-receipts',
        where: {
          and: [
            { 'items.articleRef': { equals: String(killed) } },
            { 'items.notice': { equals: 'kill' } },
            { channel: { equals: 'push' } },
          ],
        },
      })
    ).totalDocs
  const killStart = performance.now()
  await payload.delete({ id: killed, collection: 'articles' })
  const queuedMs = performance.now() - killStart
  await drainQueue()
  const fanOutMs = performance.now() - killStart
  const killReceipts = await countKillReceipts()
  if (killReceipts !== pushPartners.length) {
    throw new Error(`${killReceipts} kill receipts for ${pushPartners.length} push partners`)
  }
  // Partners that were sent items cannot be deleted (kills must reach them): the run without
  // partners is the first one only.
  const none = medians(noneBefore)

  machine.loadAverage.end = (await import('node:os')).loadavg()[0]
  console.log(
    [
      '',
      `### Partners (${database.testDatabase.kind}, ${partnerCount} push partners and ${pullPartners.length} pull-only ones)`,
      '',
      `- Command: \`${commandLine('bench:partners')}\``,
      `- Run: ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((Date.now() - started) / 1000)} s in all`,
      `- Machine: ${describeMachine(machine)}; load average ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end?.toFixed(2)} at the end; receivers on 127.0.0.1 in the same process`,
      '',
      '| case | median | statements | vs no partner |',
      '| --- | --- | --- | --- |',
      `| publish, no partner (measured first) | ${formatMs(none.ms)} | ${none.queries} | 1.00× |`,
      `| publish, ${partnerCount} push partners (one fan-out job in the publishing transaction) | ${formatMs(withPush.ms)} | ${withPush.queries} | ${formatRatio(withPush.ms / none.ms)} |`,
      `| publish, and ${pullPartners.length} pull-only partners more (nothing queued for them) | ${formatMs(withPull.ms)} | ${withPull.queries} | ${formatRatio(withPull.ms / none.ms)} |`,
      '',
      `One kill (a delete) of an item all ${pushPartners.length} push partners had: the delete took ${formatMs(queuedMs)}; every receiver answered and every kill receipt written ${formatMs(fanOutMs)} after the delete began (${((pushPartners.length / fanOutMs) * 1000).toFixed(0)} deliveries/s, \`payload.jobs.run\` with limit 100 in a loop, as one worker).`,
      '',
    ].join('\n'),
  )
} finally {
  await Promise.all(
    receivers.map((receiver) => new Promise((resolve) => receiver.server.close(resolve))),
  )
  await database.close()
}
process.exit(0)
