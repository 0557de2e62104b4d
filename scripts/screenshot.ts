/**
 * Takes a screenshot of an admin page with Debian's Chromium (never a downloaded browser), logged in
 * as the given user, in the given admin language.
 *
 *   node --import tsx scripts/screenshot.ts --path /admin/collections/articles/ID --out docs/x.png \
 *     --email editor@example.com --password … [--lang fr] [--click 'Text' …] [--base http://localhost:3000]
 */
import fs from 'node:fs'
import path from 'node:path'

import { launchChromium, loginToAdmin } from '../test/browser/chromium'

const argument = (name: string, fallback?: string) => {
  const index = process.argv.indexOf(`--${name}`)
  const value = index >= 0 ? process.argv[index + 1] : fallback
  if (value === undefined) {
    throw new Error(`missing --${name}`)
  }
  return value
}

const base = argument('base', 'http://localhost:3000')
const language = argument('lang', 'en')
const out = argument('out')

const { close, context } = await launchChromium({ language })
try {
  const page = await context.newPage()
  await loginToAdmin(page, base, argument('email'), argument('password'))
  await page.goto(`${base}${argument('path')}`, { timeout: 180_000 })
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  // Each --click names a visible text to click, in order (a tab, a button…).
  const clicks = process.argv.flatMap((arg, index, all) => (all[index - 1] === '--click' ? [arg] : []))
  for (const text of clicks) {
    await page.getByText(text).first().click()
    await page.waitForTimeout(1500)
  }
  await page.waitForTimeout(1500)
  fs.mkdirSync(path.dirname(out), { recursive: true })
  await page.screenshot({ fullPage: true, path: out })
  console.log(`screenshot: ${out}`)
} finally {
  await close()
}
