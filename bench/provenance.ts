/**
 * `npm run bench:provenance`: what signed provenance manifests cost (issue 36). One run, one scratch
 * database, two app instances on it: one signing manifests, one with `provenance: false`.
 *
 * - a publish with and without its manifest, alternating (medians, statements per publish);
 * - an edit of a live article whose chain is already long (the manifest reads only the last link);
 * - verifying a long chain (`verifyProvenanceChain`: every signature, every link).
 *
 *   npm run bench:provenance [-- --publishes 40] [--chain 200]
 */
import { verifyProvenanceChain } from 'payload-newsroom/rules'
import { loadProvenanceKeys } from 'payload-newsroom/server'

import { ensureReferenceData } from '../seed/referenceData'
import { benchCommandLine } from './cli'
import { describeMachine, openBenchDatabase, readMachine } from './environment'
import { formatMs, formatRatio, summarize } from './stats'

const { commandLine, positiveInteger } = benchCommandLine({
  description:
    'Publish cost of signed provenance manifests, on against off, and chain verification.',
  options: { chain: { type: 'string' }, publishes: { type: 'string' } },
  usage: '  npm run bench:provenance [-- --publishes 40] [--chain 200]',
})
const publishes = positiveInteger('publishes', 40)
const chainLength = positiveInteger('chain', 200)

const machine = readMachine()
const started = Date.now()
const database = await openBenchDatabase('provenance')
const signing = await database.start()
const unsigned = await database.start({ key: 'unsigned', newsroom: { provenance: false } })

type Payload = typeof signing.payload
try {
  const references = await ensureReferenceData(signing.payload)
  const section = references.sections.get('monde')!
  let serial = 0
  const timed = async (work: () => Promise<unknown>) => {
    const before = database.queryLog.count()
    const start = performance.now()
    await work()
    return { ms: performance.now() - start, queries: database.queryLog.count() - before }
  }
  const publishOne = async (payload: Payload) => {
    const draft = await payload.create({
      collection: 'articles',
      data: { language: 'fr', section, title: `Article signé ${++serial}` } as never,
      depth: 0,
      draft: true,
    })
    return await timed(() =>
      payload.update({
        id: draft.id,
        collection: 'articles',
        data: { _status: 'published' } as never,
        depth: 0,
      }),
    )
  }
  type Sample = Awaited<ReturnType<typeof publishOne>>
  const medians = (samples: Sample[]) => ({
    ms: summarize(samples.map((sample) => sample.ms)).median,
    queries: summarize(samples.map((sample) => sample.queries)).median,
  })
  // Warm-up (JIT, caches, the key's import), then alternating, so drift hits both alike.
  for (let index = 0; index < 10; index++) {
    await publishOne(signing.payload)
    await publishOne(unsigned.payload)
  }
  const on: Sample[] = []
  const off: Sample[] = []
  for (let index = 0; index < publishes; index++) {
    on.push(await publishOne(signing.payload))
    off.push(await publishOne(unsigned.payload))
  }

  // One live article edited until its chain is `chainLength` long.
  const live = await signing.payload.create({
    collection: 'articles',
    data: { _status: 'published', language: 'fr', section, title: 'Chaîne longue' } as never,
    depth: 0,
  })
  const edits: Sample[] = []
  for (let index = 1; index < chainLength; index++) {
    edits.push(
      await timed(() =>
        signing.payload.update({
          id: live.id,
          collection: 'articles',
          data: { title: `Chaîne longue, version ${index + 1}` } as never,
          depth: 0,
        }),
      ),
    )
  }
  const { docs: chain } = await signing.payload.find({
    collection: 'newsroom-provenance' as never,
    pagination: false,
    sort: 'sequence',
    where: { articleRef: { equals: String(live.id) } },
  })
  if (chain.length !== chainLength) {
    throw new Error(`${chain.length} manifests, expected ${chainLength}`)
  }
  const keys = await loadProvenanceKeys(signing.payload)
  const entries = (chain as unknown as { jws: string; manifest: unknown }[]).map(
    ({ jws, manifest }) => ({
      jws,
      manifest,
    }),
  )
  const verifyStart = performance.now()
  const verdict = await verifyProvenanceChain({ entries, keys })
  const verifyMs = performance.now() - verifyStart
  if (verdict.problems.length) {
    throw new Error(verdict.problems[0])
  }

  const withManifest = medians(on)
  const without = medians(off)
  const early = medians(edits.slice(0, 20))
  const late = medians(edits.slice(-20))
  machine.loadAverage.end = (await import('node:os')).loadavg()[0]
  console.log(
    [
      '',
      `### Provenance manifests (${database.testDatabase.kind})`,
      '',
      `- Command: \`${commandLine('bench:provenance')}\``,
      `- Run: ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((Date.now() - started) / 1000)} s in all`,
      `- Machine: ${describeMachine(machine)}; load average ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end?.toFixed(2)} at the end`,
      '',
      '| case | median | statements | ratio |',
      '| --- | --- | --- | --- |',
      `| publish, \`provenance: false\` (${publishes}, alternating) | ${formatMs(without.ms)} | ${without.queries} | 1.00× |`,
      `| publish with its signed manifest (${publishes}) | ${formatMs(withManifest.ms)} | ${withManifest.queries} | ${formatRatio(withManifest.ms / without.ms)} |`,
      `| edit of a live article, chain of 2–21 manifests | ${formatMs(early.ms)} | ${early.queries} | 1.00× |`,
      `| edit of a live article, chain of ${chainLength - 19}–${chainLength} manifests | ${formatMs(late.ms)} | ${late.queries} | ${formatRatio(late.ms / early.ms)} |`,
      '',
      `Verifying the ${chainLength}-manifest chain (every Ed25519 signature, every link): ${formatMs(verifyMs)} (${formatMs(verifyMs / chainLength)} a manifest).`,
      '',
    ].join('\n'),
  )
} finally {
  await database.close()
}
process.exit(0)
