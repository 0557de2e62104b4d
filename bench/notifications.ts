/**
 * `npm run bench:notifications`: what telling the desk costs (issue 37). One run, one scratch
 * database, two app instances on it: one notifying, one with `notifications: false`.
 *
 * - a writer's submission in a section whose desk has 20 editors, with and without notifications,
 *   alternating (medians, statements per submission): the fan-out written in the action's transaction;
 * - the queue sending those emails to a real SMTP server on 127.0.0.1 (emails per second).
 *
 *   npm run bench:notifications [-- --submissions 30] [--editors 20]
 */
import { createLocalReq } from 'payload'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { inTransaction, runWorkflowAction } from 'payload-newsroom/server'

import { startSmtpSink } from '../test/helpers/smtpSink'
import { benchCommandLine } from './cli'
import { describeMachine, openBenchDatabase, readMachine } from './environment'
import { formatMs, formatRatio, summarize } from './stats'

const { commandLine, positiveInteger } = benchCommandLine({
  description:
    'Cost of notifying a 20-editor desk of a submission, on against off, and of emailing it.',
  options: { editors: { type: 'string' }, submissions: { type: 'string' } },
  usage: '  npm run bench:notifications [-- --submissions 30] [--editors 20]',
})
const submissions = positiveInteger('submissions', 30)
const editors = positiveInteger('editors', 20)

const machine = readMachine()
const started = Date.now()
const smtp = await startSmtpSink()
// The demo's own email adapter (host/emailAdapter.ts), pointed at the sink.
process.env.NEWSROOM_SMTP_URL = smtp.url
const database = await openBenchDatabase('notifications')
const notifying = await database.start()
const quiet = await database.start({ key: 'quiet', newsroom: { notifications: false } })

type Payload = typeof notifying.payload
try {
  const { payload } = notifying
  const desk = []
  for (let index = 0; index < editors; index++) {
    desk.push(
      await payload.create({
        collection: 'users',
        data: {
          email: `desk-${index}@bench.test`,
          name: `Editor ${index}`,
          password: 'correct-horse-battery-1',
          roles: ['editor'],
        } as never,
      }),
    )
  }
  const writer = await payload.create({
    collection: 'users',
    data: {
      email: 'writer@bench.test',
      name: 'Writer',
      password: 'correct-horse-battery-1',
      roles: ['writer'],
    } as never,
  })
  const section = await payload.create({
    collection: 'sections',
    data: { editors: desk.map((user) => user.id), name: 'Desk', slug: 'desk' } as never,
  })
  let serial = 0
  const submitOne = async (instance: Payload) => {
    // The writer's own draft, written as them (a writer reaches only their own).
    const req = await createLocalReq(
      { user: { ...writer, collection: 'users' } as never },
      instance,
    )
    const draft = await instance.create({
      collection: 'articles',
      data: { language: 'fr', section: section.id, title: `Soumis ${++serial}` } as never,
      depth: 0,
      draft: true,
      overrideAccess: false,
      req,
    })
    const before = database.queryLog.count()
    const start = performance.now()
    await inTransaction(req, () =>
      runWorkflowAction(req, pluginOptionsOf(instance.config), { action: 'submit', id: draft.id }),
    )
    return { ms: performance.now() - start, queries: database.queryLog.count() - before }
  }
  type Sample = Awaited<ReturnType<typeof submitOne>>
  const medians = (samples: Sample[]) => ({
    ms: summarize(samples.map((sample) => sample.ms)).median,
    queries: summarize(samples.map((sample) => sample.queries)).median,
  })
  for (let index = 0; index < 10; index++) {
    await submitOne(notifying.payload)
    await submitOne(quiet.payload)
  }
  const on: Sample[] = []
  const off: Sample[] = []
  for (let index = 0; index < submissions; index++) {
    on.push(await submitOne(notifying.payload))
    off.push(await submitOne(quiet.payload))
  }

  // Every submission's emails, sent by the queue as a worker would.
  const expected = (submissions + 10) * editors
  const sendStart = performance.now()
  while (smtp.received.length < expected) {
    const { noJobsRemaining } = await payload.jobs.run({ limit: 100, queue: 'default' })
    if (noJobsRemaining && smtp.received.length < expected) {
      throw new Error(`${smtp.received.length} emails received, expected ${expected}`)
    }
  }
  const sendMs = performance.now() - sendStart

  const told = medians(on)
  const silent = medians(off)
  machine.loadAverage.end = (await import('node:os')).loadavg()[0]
  console.log(
    [
      '',
      `### Notifications (${database.testDatabase.kind})`,
      '',
      `- Command: \`${commandLine('bench:notifications')}\``,
      `- Run: ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((Date.now() - started) / 1000)} s in all`,
      `- Machine: ${describeMachine(machine)}; load average ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end?.toFixed(2)} at the end`,
      '',
      '| case | median | statements | ratio |',
      '| --- | --- | --- | --- |',
      `| submit, \`notifications: false\` (${submissions}, alternating) | ${formatMs(silent.ms)} | ${silent.queries} | 1.00× |`,
      `| submit, a desk of ${editors} told (${submissions}) | ${formatMs(told.ms)} | ${told.queries} | ${formatRatio(told.ms / silent.ms)} |`,
      '',
      `A recipient costs a submission ${formatMs((told.ms - silent.ms) / editors)} and ${((told.queries - silent.queries) / editors).toFixed(1)} statements. The queue then sent ${expected} emails to the SMTP server on 127.0.0.1 in ${formatMs(sendMs)} (${Math.round((expected / sendMs) * 1000)} a second).`,
      '',
    ].join('\n'),
  )
} finally {
  await database.close()
  await smtp.close()
}
process.exit(0)
