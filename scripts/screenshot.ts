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
import { parseCommandLine } from './commandLine'

const { values } = parseCommandLine({
  description:
    "Takes a screenshot of an admin page in Debian's Chromium, logged in as the given user, in the given admin language.",
  options: {
    base: { type: 'string' },
    click: { multiple: true, type: 'string' },
    email: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    password: { type: 'string' },
    path: { type: 'string' },
  },
  usage:
    "  node --import tsx scripts/screenshot.ts --path /admin/… --out docs/x.png --email … --password … [--lang fr] [--click 'Text' …] [--base http://localhost:3000]",
})
const required = (name: 'email' | 'out' | 'password' | 'path'): string => {
  const value = values[name]
  if (typeof value !== 'string') {
    console.error(`missing --${name} (--help for the usage)`)
    process.exit(2)
  }
  return value
}
const base = (values.base as string | undefined) ?? 'http://localhost:3000'
const language = (values.lang as string | undefined) ?? 'en'
const out = required('out')
const [email, password, pagePath] = [required('email'), required('password'), required('path')]
const clicks = (values.click as unknown as string[] | undefined) ?? []

const { close, context } = await launchChromium({ language })
try {
  const page = await context.newPage()
  await loginToAdmin(page, base, email, password)
  await page.goto(`${base}${pagePath}`, { timeout: 180_000 })
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  // Each --click names a visible text to click, in order (a tab, a button…).
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
