/**
 * Browser tests against the built app (`npm run build` first): starts `next start` on a fresh,
 * seeded embedded database, drives Debian's Chromium with playwright-core, saves screenshots under
 * docs/screenshots/, and ends with a "N passed, N failed" line.
 *
 *   npm run test:browser
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { sqliteUrlForFile } from '../../src/database/selectDatabase'
import { projectRoot } from '../testDatabase'
import { launchChromium } from './chromium'

const port = Number(process.env.BROWSER_TEST_PORT ?? 3100)
const base = `http://127.0.0.1:${port}`
const scratch = path.join(projectRoot, '.tmp', `browser-${process.pid}`)
const env = {
  ...process.env,
  DATABASE_URI: sqliteUrlForFile(path.join(scratch, 'newsroom.sqlite')),
  NEWSROOM_DATABASE_ANNOUNCED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'browser-test-secret',
}

type Check = { name: string; run: () => Promise<void> }
const checks: Check[] = []
const check = (name: string, run: () => Promise<void>) => checks.push({ name, run })
const assert = (condition: unknown, message: string) => {
  if (!condition) throw new Error(message)
}

let server: ChildProcess | undefined
const stop = () => {
  server?.kill('SIGTERM')
  fs.rmSync(scratch, { force: true, recursive: true })
}

const startServer = async () => {
  fs.mkdirSync(scratch, { recursive: true })
  // Schema and demo content: the seed runs in development mode, where Payload pushes the schema.
  const seed = spawnSync(process.execPath, ['--no-deprecation', '--import', 'tsx', 'seed/index.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...env, NODE_ENV: 'development' },
  })
  if (seed.status !== 0) {
    throw new Error(`seed failed: ${seed.stderr || seed.stdout}`)
  }
  server = spawn(path.join(projectRoot, 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    cwd: projectRoot,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/sections`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`next start did not answer on ${base} within 60 s (did you run npm run build?)`)
}

const feedArticle = '/fr/articles/moscou-renforce-la-defense-du-venezuela'

check('the reference page renders the seeded French feed article', async () => {
  const { close, context } = await launchChromium({ language: 'fr' })
  try {
    const page = await context.newPage()
    const response = await page.goto(`${base}${feedArticle}`)
    assert(response?.status() === 200, `status ${response?.status()}`)
    assert((await page.locator('h1').innerText()) === 'Moscou renforce la défense du Venezuela', 'title')
    const byline = await page.getByTestId('byline').innerText()
    assert(byline.includes('robot') && byline.includes('Généré par IA'), `byline: ${byline}`)
    assert((await page.getByTestId('summary').innerText()) === 'En cours de génération', 'summary placeholder')
    const original = page.getByTestId('view-original')
    assert((await original.innerText()) === 'Voir l’original', 'view original label')
    const href = await original.getAttribute('href')
    assert(href?.startsWith('https://horizon-presse.example/depeches/'), `original link: ${href}`)
    const disclaimer = page.getByTestId('disclaimer').first()
    assert((await disclaimer.innerText()).includes('Cet article peut contenir du contenu de tiers'), 'disclaimer text')
    assert((await disclaimer.locator('a').getAttribute('href')) === '/avertissement', 'disclaimer link')
    assert((await page.locator('article h2').count()) === 2, 'two body sections')
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    assert(jsonLd['@type'] === 'NewsArticle' && jsonLd.headline === 'Moscou renforce la défense du Venezuela', 'JSON-LD')
    const robots = await page.locator('meta[name="robots"]').getAttribute('content')
    assert(robots?.includes('noindex'), `robots: ${robots}`)

    const textarea = page.locator('form.comment textarea')
    assert((await textarea.getAttribute('maxlength')) === '400', 'maxlength 400')
    await textarea.fill('x'.repeat(450))
    const typed = await textarea.inputValue()
    assert(typed.length === 400, `kept ${typed.length} characters`)
    assert((await page.getByTestId('comment-counter').innerText()) === '400 / 400 caractères', 'counter')
    await textarea.fill('Merci pour cet article.')
    fs.mkdirSync(path.join(projectRoot, 'docs', 'screenshots'), { recursive: true })
    await page.screenshot({ fullPage: true, path: path.join(projectRoot, 'docs', 'screenshots', 'reference-article-fr.png') })
  } finally {
    await close()
  }
})

check('the public gets a 404 for an article that is not published', async () => {
  const response = await fetch(`${base}/fr/articles/la-croissance-du-quatrieme-trimestre-attendue`)
  assert(response.status === 404, `status ${response.status}`)
})

const main = async () => {
  const started = Date.now()
  let passed = 0
  let failed = 0
  try {
    await startServer()
    for (const { name, run } of checks) {
      try {
        await run()
        passed++
        console.log(`✓ ${name}`)
      } catch (error) {
        failed++
        console.log(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  } catch (error) {
    failed = checks.length - passed
    console.log(`✗ setup: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    stop()
  }
  console.log(`browser tests in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}

void main()
