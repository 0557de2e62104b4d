import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'

/**
 * Debian's Chromium (never a downloaded browser), headless, with a throwaway profile and HOME so
 * nothing is written outside a temporary folder, and without the background traffic these
 * machines refuse.
 */
export const launchChromium = async ({ language = 'en' }: { language?: string } = {}) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: profile },
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: language,
    viewport: { height: 1100, width: 1440 },
  })
  return {
    close: async () => {
      await context.close()
      fs.rmSync(profile, { force: true, recursive: true })
    },
    context,
  }
}

/** Logs in through the admin's own login form and waits until it has left the login page. */
export const loginToAdmin = async (page: Page, base: string, email: string, password: string) => {
  await page.goto(`${base}/admin/login`, { timeout: 180_000 })
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 120_000 })
}
