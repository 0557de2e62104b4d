/**
 * `npm run seed`: a bilingual demo newsroom through the Local API with every hook and rule on.
 * Idempotent (runs again without duplicating anything).
 *
 *   npm run seed                                  create what is missing
 *   npm run seed -- --reset [--yes]               wipe the newsroom's collections first
 *   npm run seed -- --synthetic 10000 [--random-seed 42] [--first-index 0]   bulk articles for load tests
 *                                                 (--first-index 10000 adds the next 10,000 of the same seed)
 *   --force                                       allow NODE_ENV=production
 */
import { createInterface } from 'node:readline/promises'
import { getPayload } from 'payload'

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { databaseAdapterFromEnv } from '../host/database/adapter'
import { createAppConfig } from '../host/appConfig'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { seedNewsroom, wipeNewsroom } from './seedNewsroom'
import { progressReporter } from './progress'
import { ensureReferenceData, syntheticReferences } from './referenceData'
import { generateSyntheticArticles } from './synthetic'
import { parseCommandLine, wholeNumber } from '../scripts/commandLine'

const { values } = parseCommandLine({
  description:
    'Seeds a bilingual demo newsroom through the Local API, every hook and rule on; runs again without duplicating anything.',
  options: {
    'first-index': { type: 'string' },
    force: { type: 'boolean' },
    'random-seed': { type: 'string' },
    reset: { type: 'boolean' },
    synthetic: { type: 'string' },
    yes: { type: 'boolean' },
  },
  usage: [
    '  npm run seed                                         create what is missing',
    "  npm run seed -- --reset [--yes]                      wipe the newsroom's collections first",
    '  npm run seed -- --synthetic 10000 [--random-seed 42] [--first-index 0]',
    '                                                       bulk articles for load tests',
    '  --force                                              allow NODE_ENV=production',
  ].join('\n'),
})
const flag = (name: 'force' | 'reset' | 'yes') => values[name] === true
const synthetic =
  values.synthetic === undefined
    ? undefined
    : {
        count: wholeNumber('synthetic', values.synthetic as string, { fallback: 0, min: 1 }),
        firstIndex: wholeNumber('first-index', values['first-index'] as string | undefined, {
          fallback: 0,
          min: 0,
        }),
        randomSeed: wholeNumber('random-seed', values['random-seed'] as string | undefined, {
          fallback: 42,
          min: 0,
        }),
      }

if (process.env.NODE_ENV === 'production' && !flag('force')) {
  console.error(
    'seed: refusing to run with NODE_ENV=production (add --force if you really mean it).',
  )
  process.exit(1)
}

const confirmed = async (question: string) => {
  if (flag('yes')) return true
  if (!process.stdin.isTTY) {
    console.error('seed: --reset needs a confirmation; add --yes to run it without a terminal.')
    return false
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  const answer = await prompt.question(`${question} [y/N] `)
  prompt.close()
  return /^y(es)?$/i.test(answer.trim())
}

const started = performance.now()
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The app's own config and database; the seed writes one thing at a time, so it can group its
// writes in transactions on SQLite too.
const config = buildConfig(
  createAppConfig({ db: databaseAdapterFromEnv(projectRoot), projectRoot }),
)
const payload = await getPayload({ config })
const options = pluginOptionsOf(payload.config)

if (flag('reset')) {
  if (
    !(await confirmed(
      'This deletes every article, image, section, disclaimer, source, user and workflow event. Continue?',
    ))
  ) {
    await payload.destroy()
    process.exit(1)
  }
  const wiped = await wipeNewsroom(payload, options)
  console.log(
    `reset: deleted ${Object.entries(wiped)
      .map(([collection, count]) => `${count} ${collection}`)
      .join(', ')}`,
  )
}

if (synthetic) {
  const { count, firstIndex, randomSeed } = synthetic
  const references = await ensureReferenceData(payload)
  const progress = progressReporter('synthetic')
  await generateSyntheticArticles(payload, {
    count,
    firstIndex,
    onProgress: progress.update,
    randomSeed,
    references: syntheticReferences(references),
  })
  const { rate, seconds } = progress.finish(count)
  console.log(
    `synthetic: ${count} articles from random seed ${randomSeed} in ${seconds.toFixed(1)} s (${rate.toFixed(0)} articles/s)`,
  )
} else {
  const summary = await seedNewsroom(payload, options)
  console.log(summary.lines.join('\n'))
  console.log(`\nseed: done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

await payload.destroy()
process.exit(0)
