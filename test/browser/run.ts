/**
 * Browser tests against the built app (`npm run build` first): starts `next start` on a fresh,
 * seeded embedded database, drives Debian's Chromium with playwright-core, saves screenshots under
 * docs/screenshots/, and ends with a "N passed, N failed" line.
 *
 *   npm run test:browser
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { sqliteUrlForFile } from '../../host/database/selectDatabase'
import { startBuiltApp } from '../helpers/server'
import { validateHead } from '../helpers/structuredData'
import { projectRoot } from '../testDatabase'
import { launchChromium, loginToAdmin } from './chromium'
import { newProvenanceKeySet } from '../../host/provenanceKeys'
import { verifierCommand } from '../helpers/verifier'

const port = Number(process.env.BROWSER_TEST_PORT ?? 3100)
// BROWSER_TEST_BASE points the checks at a server already running on seeded data (while working on them).
const external = process.env.BROWSER_TEST_BASE
const base = external ?? `http://127.0.0.1:${port}`
const scratch = path.join(projectRoot, '.tmp', `browser-${process.pid}`)
const env = {
  ...process.env,
  DATABASE_URI: sqliteUrlForFile(path.join(scratch, 'newsroom.sqlite')),
  NEWSROOM_DATABASE_ANNOUNCED: '1',
  // The site is this server: absolute URLs in the read model (images, JSON-LD) point at it.
  NEWSROOM_SITE_URL: process.env.NEWSROOM_SITE_URL ?? `http://127.0.0.1:${port}`,
  NEWSROOM_MEDIA_DIR: path.join(scratch, 'media'),
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'browser-test-secret',
  // The seed signs with it and the server verifies with it: one key for the whole run.
  NEWSROOM_PROVENANCE_KEYS:
    process.env.NEWSROOM_PROVENANCE_KEYS ?? newProvenanceKeySet('browser-test'),
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
  const seed = spawnSync(
    process.execPath,
    ['--no-deprecation', '--conditions=development', '--import', 'tsx', 'seed/index.ts'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...env, NODE_ENV: 'development' },
    },
  )
  if (seed.status !== 0) {
    throw new Error(`seed failed: ${seed.stderr || seed.stdout}`)
  }
  server = await startBuiltApp(port, env)
}

const feedArticle = '/fr/articles/moscou-renforce-la-defense-du-venezuela'

check(
  'the reference page renders the seeded French feed article, and its disclaimer link opens the Disclaimer page',
  async () => {
    const { close, context } = await launchChromium({ language: 'fr' })
    try {
      const page = await context.newPage()
      const response = await page.goto(`${base}${feedArticle}`)
      assert(response?.status() === 200, `status ${response?.status()}`)
      assert(
        (await page.locator('h1').innerText()) === 'Moscou renforce la défense du Venezuela',
        'title',
      )
      // In the newsroom's time zone (Paris), named, whatever the server's.
      const publishedAt = await page.getByTestId('published-at').innerText()
      assert(/\d{4} à \d{2}:\d{2} UTC\+[12]$/.test(publishedAt), `published at: ${publishedAt}`)
      const byline = await page.getByTestId('byline').innerText()
      assert(byline.includes('robot') && byline.includes('Généré par IA'), `byline: ${byline}`)
      assert(
        (await page.getByTestId('summary').innerText()) === 'En cours de génération',
        'summary placeholder',
      )
      const original = page.getByTestId('view-original')
      assert((await original.innerText()) === 'Voir l’original', 'view original label')
      const href = await original.getAttribute('href')
      assert(href?.startsWith('https://horizon-presse.example/depeches/'), `original link: ${href}`)
      const disclaimer = page.getByTestId('disclaimer').first()
      assert(
        (await disclaimer.innerText()).includes('Cet article peut contenir du contenu de tiers'),
        'disclaimer text',
      )
      assert((await page.locator('article h2').count()) === 2, 'two body sections')
      // The featured image: drawn by the project, loaded in a size the browser chose, with its alt and credit.
      const figure = page.getByTestId('figure').first()
      const image = figure.locator('img')
      assert(
        (await image.getAttribute('alt'))?.startsWith('Une carte stylisée'),
        `alt: ${await image.getAttribute('alt')}`,
      )
      assert((await image.getAttribute('srcset'))?.includes('640w'), 'srcset lists the card size')
      assert(
        await image.evaluate(
          (element: HTMLImageElement) => element.complete && element.naturalWidth > 0,
        ),
        'the image loaded',
      )
      assert(
        (await figure.getByTestId('credit').innerText()) === 'Illustration : Newsroom (démo)',
        'image credit',
      )
      const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content')
      assert(/-1200x630\.png$/.test(ogImage ?? ''), `og:image: ${ogImage}`)
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      )
      assert(
        jsonLd['@type'] === 'NewsArticle' &&
          jsonLd.headline === 'Moscou renforce la défense du Venezuela',
        'JSON-LD',
      )
      assert(
        jsonLd.image?.[0]?.creditText === 'Illustration : Newsroom (démo)',
        `JSON-LD image: ${JSON.stringify(jsonLd.image)}`,
      )
      const robots = await page.locator('meta[name="robots"]').getAttribute('content')
      assert(robots?.includes('noindex'), `robots: ${robots}`)
      // The page as served, read by an outside validator of Google's and the social networks' rules.
      const served = await (await fetch(`${base}${feedArticle}`)).text()
      const report = await validateHead(served)
      assert(report.failed.length === 0, `head checks failed: ${report.failed.join(', ')}`)
      assert(
        report.metatags['og:url']?.[0] === `${base}${feedArticle}`,
        `og:url ${report.metatags['og:url']}`,
      )
      const logo = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      ).publisher?.logo?.url
      assert((await fetch(logo)).status === 200, `the publisher logo ${logo} is served`)

      const textarea = page.locator('form.comment textarea')
      assert((await textarea.getAttribute('maxlength')) === '400', 'maxlength 400')
      await textarea.fill('x'.repeat(450))
      const typed = await textarea.inputValue()
      assert(typed.length === 400, `kept ${typed.length} characters`)
      assert(
        (await page.getByTestId('comment-counter').innerText()) === '400 / 400 caractères',
        'counter',
      )
      await textarea.fill('Merci pour cet article.')
      fs.mkdirSync(path.join(projectRoot, 'docs', 'screenshots'), { recursive: true })
      await page.screenshot({
        fullPage: true,
        path: path.join(projectRoot, 'docs', 'screenshots', 'reference-article-fr.png'),
      })

      // "Read our Disclaimer page" leads to the disclaimer's own section of the Disclaimer page.
      await disclaimer.locator('a').click()
      await page.waitForURL('**/fr/avertissement#third-party-content')
      const section = page.locator('section#third-party-content')
      assert(
        (await section.locator('h2').innerText()) === 'Contenu de tiers',
        'the disclaimer page section',
      )
      assert(
        (await section.innerText()).includes(
          'Certains articles de cette page proviennent de tiers',
        ),
        'the full text',
      )
      assert((await page.locator('h1').innerText()) === 'Avertissement', 'the page title')
    } finally {
      await close()
    }
  },
)

check(
  'npm run verify-provenance verifies every seeded published article from its page: signatures, links, and the public view',
  async () => {
    const pages: string[] = []
    for (const language of ['fr', 'en']) {
      const feed = (await (
        await fetch(`${base}/api/articles/feed/${language}?limit=50`)
      ).json()) as {
        docs: { language: string; slug: string }[]
      }
      pages.push(...feed.docs.map((item) => `${base}/${item.language}/articles/${item.slug}`))
    }
    assert(pages.length >= 5, `seeded published articles: ${pages.length}`)
    // The page names its chain (PROV-AQ's link); the keys come from the site's well-known path.
    const keys = (await (await fetch(`${base}/.well-known/newsroom-keys.json`)).json()) as {
      keys: { d?: string; kid: string }[]
    }
    assert(keys.keys.length > 0 && keys.keys.every((key) => !key.d), 'public keys only')
    const [command, args] = verifierCommand(...pages)
    const verifier = spawnSync(command, args, {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    })
    const verified = verifier.stdout.split('\n').filter((line) => line.startsWith('✓ article'))
    assert(
      verifier.status === 0 && verified.length === pages.length,
      `verifier (exit ${verifier.status}): ${verifier.stdout}${verifier.stderr}`,
    )
    assert(
      verified.every((line) => line.includes('the public view is what the last one signed')),
      `every page checked against its view: ${verifier.stdout}`,
    )
  },
)

check('the public gets a 404 for an article that is not published', async () => {
  const response = await fetch(`${base}/fr/articles/la-croissance-du-quatrieme-trimestre-attendue`)
  assert(response.status === 404, `status ${response.status}`)
})

check('an article published under a new slug answers permanently at its old path', async () => {
  const [section] = (await api('/sections?where[slug][equals]=monde&limit=1')).docs
  // A seeded article's body, so this script needs none of the plugin's code.
  const [seeded] = (
    await api('/articles?where[slug][equals]=moscou-renforce-la-defense-du-venezuela&depth=0')
  ).docs
  const oldSlug = `ancienne-adresse-${process.pid}`
  const newSlug = `nouvelle-adresse-${process.pid}`
  const created = await api('/articles?draft=true', {
    body: JSON.stringify({
      body: seeded.body,
      language: 'fr',
      section: section.id,
      slug: oldSlug,
      title: 'Un article qui change d’adresse',
    }),
    method: 'POST',
  })
  const id = created.doc.id
  for (const slug of [oldSlug, newSlug]) {
    const published = await api(`/articles/${id}`, {
      body: JSON.stringify({ _status: 'published', slug }),
      method: 'PATCH',
    })
    assert(published.doc?.slug === slug, `published at ${slug}: ${JSON.stringify(published)}`)
  }
  const page = await fetch(`${base}/fr/articles/${oldSlug}`, { redirect: 'manual' })
  assert(page.status === 308, `the old page: status ${page.status}`)
  assert(
    page.headers.get('location')?.endsWith(`/fr/articles/${newSlug}`),
    `the old page: location ${page.headers.get('location')}`,
  )
  const view = await fetch(`${base}/api/articles/view/fr/${oldSlug}`, { redirect: 'manual' })
  assert(view.status === 301, `the old view: status ${view.status}`)
  assert(
    view.headers.get('location') === `/api/articles/view/fr/${newSlug}`,
    `the old view: location ${view.headers.get('location')}`,
  )
  const current = await fetch(`${base}/fr/articles/${newSlug}`)
  assert(current.status === 200, `the new page: status ${current.status}`)
})

check(
  'a reader follows a corrected article’s link to the list of corrections, in French, and finds its feeds',
  async () => {
    const { close, context } = await launchChromium({ language: 'fr' })
    try {
      const page = await context.newPage()
      const article = '/fr/articles/resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces'
      assert((await page.goto(`${base}${article}`))?.status() === 200, 'the corrected article')
      await page.getByTestId('corrections-page').click()
      await page.waitForURL((url) => url.pathname === '/fr/corrections', { timeout: 30_000 })
      assert(
        (await page.locator('h1').innerText()) === 'Corrections et retraits',
        'the list’s title',
      )
      const entries = await page.getByTestId('corrections').locator('li').allInnerTexts()
      assert(
        entries.some((entry) =>
          entry.includes('Résultats trimestriels en hausse pour un fabricant de puces'),
        ) && entries.some((entry) => entry.startsWith('Retrait')),
        `entries: ${JSON.stringify(entries)}`,
      )
      await shot(page, 'corrections-fr.png')
      const rss = await page.locator('link[type="application/rss+xml"]').getAttribute('href')
      const feed = await fetch(new URL(rss ?? '', base))
      assert(
        feed.status === 200 && (await feed.text()).includes('fabricant-de-puces'),
        `the RSS feed ${rss}: ${feed.status}`,
      )
    } finally {
      await close()
    }
  },
)

check(
  'the site serves its trust.txt from the publisher’s options, and the Disclaimer page lists its policies',
  async () => {
    const answer = await fetch(`${base}/trust.txt`)
    const text = await answer.text()
    assert(answer.status === 200, `trust.txt: status ${answer.status}`)
    assert(
      answer.headers.get('content-type')?.startsWith('text/plain'),
      `trust.txt: ${answer.headers.get('content-type')}`,
    )
    for (const line of ['contact=mailto:redaction@newsroom.example', 'datatrainingallowed=no']) {
      assert(text.split('\n').includes(line), `trust.txt lacks ${line}: ${text}`)
    }
    const page = await (await fetch(`${base}/fr/avertissement`)).text()
    assert(
      page.includes('data-testid="publisher-policies"') && page.includes('Politique de correction'),
      'the Disclaimer page lists the corrections policy',
    )
  },
)

/** A session token per seeded user, logged in once (logins are rate-limited, as in production). */
check(
  'a reader follows the byline to the author page, whose head passes the outside validator',
  async () => {
    const { close, context } = await launchChromium({ language: 'fr' })
    try {
      const page = await context.newPage()
      const article = '/fr/articles/la-bce-maintient-ses-taux'
      assert((await page.goto(`${base}${article}`))?.status() === 200, 'the article')
      await page.getByTestId('byline').getByRole('link', { name: 'Edith Editor' }).click()
      await page.waitForURL((url) => url.pathname === '/fr/authors/edith-editor', {
        timeout: 30_000,
      })
      assert((await page.getByTestId('author-name').innerText()) === 'Edith Editor', 'the name')
      const titles = await page.getByTestId('author-articles').locator('h3').allInnerTexts()
      assert(titles.includes('La BCE maintient ses taux'), `articles: ${JSON.stringify(titles)}`)
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      )
      assert(
        jsonLd['@type'] === 'ProfilePage' && jsonLd.mainEntity?.name === 'Edith Editor',
        `JSON-LD: ${JSON.stringify(jsonLd)}`,
      )
      await shot(page, 'author-fr.png')
      const report = await validateHead(
        await (await fetch(`${base}/fr/authors/edith-editor`)).text(),
      )
      assert(report.failed.length === 0, `head checks failed: ${report.failed.join(', ')}`)
      // The writer signed nothing published: no page, nothing said about the account.
      const writer = await fetch(`${base}/fr/authors/walt-writer`)
      assert(writer.status === 404, `the writer's page: status ${writer.status}`)
    } finally {
      await close()
    }
  },
)

check(
  'robots.txt, tdmrep.json and the article view say which articles may be mined, as the licences do',
  async () => {
    const communique = 'resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces'
    const tdmrep = await fetch(`${base}/.well-known/tdmrep.json`)
    assert(tdmrep.status === 200, `tdmrep.json: status ${tdmrep.status}`)
    const rules = await tdmrep.json()
    assert(
      rules[0]?.location === `/fr/articles/${communique}` && rules[0]['tdm-reservation'] === 0,
      `the press release is allowed first: ${JSON.stringify(rules)}`,
    )
    assert(
      rules.some(
        (rule: { location: string; 'tdm-reservation': number }) =>
          rule.location === '/fr/articles/*' && rule['tdm-reservation'] === 1,
      ),
      `the rest is reserved: ${JSON.stringify(rules)}`,
    )
    const robots = await (await fetch(`${base}/robots.txt`)).text()
    assert(
      robots.includes('User-agent: GPTBot') &&
        robots.includes(`Allow: /fr/articles/${communique}$`) &&
        robots.includes('Disallow: /fr/articles/'),
      `robots.txt: ${robots}`,
    )
    const view = await fetch(`${base}/api/articles/view/fr/la-bce-maintient-ses-taux`)
    assert(view.headers.get('tdm-reservation') === '1', 'our article is reserved')
    const allowed = await fetch(`${base}/api/articles/view/fr/${communique}`)
    assert(allowed.headers.get('tdm-reservation') === '0', 'the press release is not')
    const html = await (await fetch(`${base}/fr/articles/la-bce-maintient-ses-taux`)).text()
    assert(
      /<meta content="1" name="tdm-reservation"\/>/.test(html),
      `the page’s meta: ${html.match(/<meta[^>]*tdm[^>]*>/g)}`,
    )
  },
)

const tokens = new Map<string, Promise<string>>()
const tokenOf = (role: string) => {
  if (!tokens.has(role)) {
    tokens.set(
      role,
      fetch(`${base}/api/users/login`, {
        body: JSON.stringify({ email: `${role}@newsroom.test`, password: `newsroom-${role}` }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      }).then(async (login) => ((await login.json()) as { token: string }).token),
    )
  }
  return tokens.get(role)!
}

/** REST as a seeded user, to set up and verify what the browser did. */
const api = async (path: string, init: RequestInit & { as?: string } = {}) => {
  const token = await tokenOf(init.as ?? 'editor')
  const response = await fetch(`${base}/api${path}`, {
    ...init,
    headers: {
      authorization: `JWT ${token}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  })
  return (await response.json()) as Record<string, any>
}
const adminPage = async (role: string, language: string, id: string) => {
  const browser = await launchChromium({ language })
  const page = await browser.context.newPage()
  await loginToAdmin(page, base, `${role}@newsroom.test`, `newsroom-${role}`)
  await page.goto(`${base}/admin/collections/articles/${id}`)
  await page.getByTestId('newsroom-checklist').waitFor({ timeout: 60_000 })
  return { browser, page }
}
/** Polls `condition` every 250 ms for up to 30 s. */
const waitUntil = async (condition: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}
/** Clicks the checklist's Publish button (its label in the admin's language) and reads the refusal's toast. */
const publishRefusedWith = async (page: import('playwright-core').Page, label: string) => {
  await page
    .getByTestId('newsroom-workflow')
    .getByRole('button', { name: label, exact: true })
    .click()
  const toast = page.locator('.toast-error, [data-sonner-toast][data-type="error"]').first()
  await toast.waitFor({ timeout: 30_000 })
  return await toast.innerText()
}
/**
 * A screenshot for the docs, as a 256-colour PNG: an admin page's flat colours and text lose nothing
 * visible, and the file is about half the size (the packed README's images stay small).
 */
const shot = async (page: import('playwright-core').Page, name: string) =>
  await sharp(await page.screenshot({ fullPage: false }))
    .png({ compressionLevel: 9, effort: 10, palette: true })
    .toFile(path.join(projectRoot, 'docs', 'screenshots', name))

/** The API requests of a page that failed, to say why an admin check timed out. */
const failedApiCalls = (page: import('playwright-core').Page) => {
  const failures: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) {
      void response.text().then(
        (body) =>
          failures.push(
            `${response.request().method()} ${response.url()} → ${response.status()} ${body.slice(0, 300)}`,
          ),
        () => undefined,
      )
    }
  })
  return failures
}

/** Picks an option in one of the admin's select or relationship fields (react-select). */
const choose = async (
  page: import('playwright-core').Page,
  fieldID: string,
  option: RegExp | string,
) => {
  await page.locator(`#${fieldID}`).click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}

check(
  'an editor opens the preview link of a draft and sees it; the public gets 404 without a valid token',
  async () => {
    const slug = 'la-croissance-du-quatrieme-trimestre-attendue'
    const found = await api(`/articles?where[slug][equals]=${slug}&draft=true&depth=0`)
    const draft = found.docs[0]
    assert(draft?._status === 'draft', `the seeded draft: ${JSON.stringify(found).slice(0, 200)}`)
    const link = await api(`/articles/${draft.id}/preview-url`)
    assert(typeof link.url === 'string', `preview link: ${JSON.stringify(link)}`)
    // The link names the public site (frontend.siteUrl); this test's site is the app under test.
    const url = new URL(link.url)
    const browser = await launchChromium({ language: 'fr' })
    try {
      const page = await browser.context.newPage()
      const response = await page.goto(`${base}${url.pathname}${url.search}`)
      assert(response?.status() === 200, `preview status ${response?.status()}`)
      await page.getByRole('heading', { level: 1, name: draft.title }).waitFor({ timeout: 30_000 })
      assert(
        (await page.getByRole('status').innerText()).startsWith('Aperçu'),
        'the preview says it is a draft',
      )
      const robots = await page.locator('meta[name="robots"]').getAttribute('content')
      assert(robots?.includes('noindex'), `robots: ${robots}`)
      await shot(page, 'preview-draft-fr.png')
      const forged = await page.goto(
        `${base}${url.pathname}?token=${encodeURIComponent(url.searchParams.get('token')!.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')))}`,
      )
      assert(forged?.status() === 404, `forged token: ${forged?.status()}`)
      const none = await fetch(`${base}/preview`)
      assert(none.status === 404, `no token: ${none.status}`)
    } finally {
      await browser.close()
    }
  },
)

// The writer's article, handed on to the editor's check.
const syndicatedTitle = 'Les marchés asiatiques reculent à l’ouverture'
let syndicatedID: string | undefined

const injection =
  '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

check(
  'a title and an author name carrying </script><script> render as text and run nothing',
  async () => {
    // A writer renames themself: author names are read when the page renders, so no editor sees it.
    const writer = (await api('/users/me', { as: 'writer' })).user
    await api(`/users/${writer.id}`, {
      as: 'writer',
      body: JSON.stringify({ name: `Plume ${injection}` }),
      method: 'PATCH',
    })
    const monde = (await api('/sections?where[slug][equals]=monde&depth=0')).docs[0]
    const title = `Titre piégé ${injection}`
    const created = await api('/articles', {
      body: JSON.stringify({
        _status: 'published',
        byline: { authors: [writer.id] },
        language: 'fr',
        section: monde.id,
        slug: 'titre-piege',
        standfirst: `Chapô ${injection}`,
        title,
      }),
      method: 'POST',
    })
    assert(
      created.doc?._status === 'published',
      `publish: ${JSON.stringify(created).slice(0, 300)}`,
    )
    const { close, context } = await launchChromium({ language: 'fr' })
    try {
      const page = await context.newPage()
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const response = await page.goto(`${base}/fr/articles/titre-piege`)
      assert(response?.status() === 200, `status ${response?.status()}`)
      assert((await page.locator('h1').innerText()) === title, 'the title is shown as text')
      assert(
        (await page.getByTestId('byline').innerText()).includes(`Plume ${injection}`),
        'the author name is shown as text',
      )
      assert(
        (await page.evaluate(() => (window as { __pwned?: number }).__pwned)) === undefined,
        'an injected script ran',
      )
      assert(dialogs.length === 0, `dialogs: ${dialogs.join(', ')}`)
      assert(
        (await page.locator('script[type="application/ld+json"]').count()) === 1,
        'one JSON-LD element, not closed early',
      )
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      )
      assert(jsonLd.headline === title, `JSON-LD headline: ${jsonLd.headline}`)
      const authors = ([] as Array<{ name?: string }>).concat(jsonLd.author ?? [])
      assert(
        authors.some((author) => author.name === `Plume ${injection}`),
        `JSON-LD author names: ${JSON.stringify(authors)}`,
      )
      assert(
        (await page.locator('meta[name="description"]').getAttribute('content')) ===
          `Chapô ${injection}`,
        'meta description',
      )
    } finally {
      await close()
    }
  },
)

check(
  'a writer creates a syndicated draft in the admin form, sees no Publish, and submits it for review',
  async () => {
    const browser = await launchChromium({ language: 'en' })
    try {
      const page = await browser.context.newPage()
      const apiFailures = failedApiCalls(page)
      await loginToAdmin(page, base, 'writer@newsroom.test', 'newsroom-writer')
      // The attribution group appears once Payload's form state, rebuilt on the server after a change,
      // says the origin is syndicated. Now and then that rebuild never comes: Next.js marks a pending
      // server action "discarded" when a navigation overtakes it and never settles it, and Payload's
      // form queue then waits on it until the page is reloaded (a network log of a failed run shows
      // no form-state request after the pick). So a failed attempt starts again on a fresh form.
      page.on('dialog', (dialog) => void dialog.accept())
      for (let attempt = 1; ; attempt++) {
        await page.goto(`${base}/admin/collections/articles/create`)
        await page.locator('#field-title').waitFor({ timeout: 60_000 })
        await page.locator('#field-title').fill(syndicatedTitle)
        // A slug of its own, so that the check can run again on the same database (BROWSER_TEST_BASE).
        await page.locator('#field-slug').fill(`marches-asiatiques-${process.pid}`)
        await choose(page, 'field-language', /^FR$/)
        await choose(page, 'field-section', 'Marchés')
        await page
          .getByText('Origin', { exact: true })
          .first()
          .click({ timeout: 10_000 })
          .catch(async (error) => {
            await shot(page, 'failed-writer-origin.png')
            throw error
          })
        await choose(page, 'field-origin', 'Syndicated (third-party)')
        const shown = await page
          .locator('#field-attribution__source')
          .waitFor({ timeout: 15_000 })
          .then(
            () => true,
            () => false,
          )
        if (shown) break
        console.log(`  (attempt ${attempt}: the attribution group did not appear; a fresh form)`)
        if (attempt === 3) {
          await shot(page, 'failed-writer-attribution.png')
          throw new Error('the attribution group did not appear on three fresh forms')
        }
      }
      await choose(page, 'field-attribution__source', 'Agence Horizon Presse')
      await page
        .locator('#field-attribution__originalUrl')
        .fill('https://horizon-presse.example/depeches/marches-asie')
      await page.locator('#field-attribution__sourceItemId').fill(`AHP-WRITER-${process.pid}`)

      // Drafts are validated, so Payload's admin creates the document on the first Save Draft (not on
      // opening the form); autosave takes over from there.
      await page.getByRole('button', { name: 'Save Draft' }).click()
      await page.waitForURL(
        (url) => /\/collections\/articles\/(?!create$)[^/]+$/.test(url.pathname),
        { timeout: 30_000 },
      )
      const panel = page.getByTestId('newsroom-workflow')
      const submit = panel.getByRole('button', { name: 'Submit for review' })
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('[data-testid="newsroom-workflow"] button')].some(
              (button) => !(button as HTMLButtonElement).disabled,
            ),
          undefined,
          { timeout: 30_000 },
        )
        .catch(async (error) => {
          await shot(page, 'failed-writer.png')
          const invalid = await page.evaluate(() =>
            [...document.querySelectorAll('.field-type.error, .error')].map(
              (element) => `${element.className}: ${element.textContent?.slice(0, 80)}`,
            ),
          )
          throw new Error(
            `${(error as Error).message}; failed API calls: ${apiFailures.join(' | ') || 'none'}; invalid fields: ${invalid.join(' | ') || 'none'}`,
          )
        })
      assert(
        (await page.getByRole('button', { name: /^Publish/ }).count()) === 0,
        'a writer sees a Publish button',
      )
      assert(
        (await panel.getByRole('button').allInnerTexts()).join('|') === 'Submit for review',
        'writer actions',
      )
      syndicatedID = page.url().split('/').pop()
      await shot(page, 'admin-writer-create-syndicated.png')
      await submit.click()
      await panel.getByText('In review').waitFor({ timeout: 30_000 })

      const stored = await api(`/articles/${syndicatedID}?draft=true&depth=0`)
      assert(stored.workflowState === 'in_review', `state ${stored.workflowState}`)
      assert(
        stored.origin === 'syndicated' && stored.language === 'fr',
        `origin ${stored.origin}, language ${stored.language}`,
      )
      assert(
        stored.attribution?.originalUrl === 'https://horizon-presse.example/depeches/marches-asie',
        'original URL stored',
      )
    } finally {
      await browser.close()
    }
  },
)

check(
  'an editor switches the admin to French, sees what is missing, publishes; the public REST API then serves the article',
  async () => {
    assert(syndicatedID, 'the writer’s check did not create the article')
    const browser = await launchChromium({ language: 'en' })
    try {
      const page = await browser.context.newPage()
      await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
      await page.goto(`${base}/admin/account`)
      await page.locator('#language-select').click()
      await page.locator('.rs__option', { hasText: 'Français' }).first().click()
      // Payload stores the choice in its language cookie; every page from then on is in French.
      const deadline = Date.now() + 30_000
      while (
        !(await browser.context.cookies()).some(
          (cookie) => cookie.name === 'payload-lng' && cookie.value === 'fr',
        )
      ) {
        assert(Date.now() < deadline, 'the language choice was not stored')
        await page.waitForTimeout(250)
      }

      await page.goto(`${base}/admin/collections/articles/${syndicatedID}`)
      const checklist = page.getByTestId('newsroom-checklist')
      await checklist.waitFor({ timeout: 60_000 })
      await shot(page, 'admin-editor-panel-fr.png')
      assert(await page.getByText('Avant publication').isVisible(), 'panel title in French')
      assert(
        await page.getByTestId('newsroom-workflow').getByText('En relecture').isVisible(),
        'state in French',
      )
      const lines = await checklist.locator('li').allInnerTexts()
      assert(
        lines.some(
          (line) => line.startsWith('✓ Contenu de tiers') && line.includes('sera joint depuis'),
        ),
        `third-party line: ${lines.join(' / ')}`,
      )
      assert(
        lines.some((line) => line.includes('Pas un conseil financier')),
        `section's kind listed: ${lines.join(' / ')}`,
      )
      // The rich text field renders after the rest of the form.
      await page.getByText('Corps de l’article', { exact: true }).waitFor({ timeout: 30_000 })
      const buttons = (
        await page.getByTestId('newsroom-workflow').getByRole('button').allInnerTexts()
      ).join('|')
      assert(
        buttons.includes('Approuver') && buttons.includes('Demander des modifications'),
        `buttons: ${buttons}`,
      )

      await page
        .getByTestId('newsroom-workflow')
        .getByRole('button', { name: 'Publier', exact: true })
        .click()
      await page.getByTestId('newsroom-workflow').getByText('Publié').waitFor({ timeout: 30_000 })

      const published = (await (
        await fetch(`${base}/api/articles?where[id][equals]=${syndicatedID}&depth=1`)
      ).json()) as {
        docs: Array<{ disclaimers: Array<{ key: string }> }>
      }
      assert(published.docs.length === 1, `public REST: ${published.docs.length} article(s)`)
      const keys = published.docs[0]!.disclaimers.map((disclaimer) => disclaimer.key)
      assert(keys.includes('third-party-content'), `disclaimers served: ${keys.join(', ')}`)
    } finally {
      await browser.close()
    }
  },
)

check('publishing an article the rules reject shows the rule’s message, in French', async () => {
  const sections = await api('/sections?where[slug][equals]=marches&depth=0')
  const sources = await api('/sources?where[slug][equals]=agence-horizon&depth=0')
  const created = await api('/articles?draft=true', {
    body: JSON.stringify({
      attribution: { source: sources.docs[0].id, sourceItemId: `AHP-REJECTED-${process.pid}` },
      language: 'fr',
      origin: 'syndicated',
      section: sections.docs[0].id,
      slug: `marches-asiatiques-en-baisse-${process.pid}`,
      title: 'Les marchés asiatiques ouvrent en baisse',
    }),
    method: 'POST',
  })
  const { browser, page } = await adminPage('editor', 'fr', created.doc.id)
  try {
    assert(
      await page
        .getByText('Un article syndiqué doit indiquer l’URL de l’original')
        .first()
        .isVisible(),
      'checklist names the missing URL',
    )
    const message = await publishRefusedWith(page, 'Publier')
    assert(message.includes('URL de l’original'), `toast: ${message}`)
    await shot(page, 'admin-publish-refused-fr.png')
  } finally {
    await browser.close()
  }
})

check(
  'an editor is warned before new wording bumps the version of a disclaimer that articles use',
  async () => {
    const disclaimer = (await api('/disclaimers?where[key][equals]=third-party-content&depth=0'))
      .docs[0]
    const browser = await launchChromium({ language: 'en' })
    try {
      const page = await browser.context.newPage()
      const apiFailures = failedApiCalls(page)
      await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
      await page.goto(`${base}/admin/collections/disclaimers/${disclaimer.id}`)
      const notice = page.getByTestId('disclaimer-version-notice')
      await notice.waitFor({ timeout: 60_000 })
      const before = /Version (\d+) · used by [1-9]\d* article\(s\)/.exec(await notice.innerText())
      assert(before, `notice: ${await notice.innerText()}`)
      await page.locator('#field-shortText').fill('Reworded third-party notice.')
      await notice
        .getByText(`saving creates version ${Number(before![1]) + 1}`)
        .waitFor({ timeout: 10_000 })
      await shot(page, 'admin-disclaimer-version-warning.png')
      await page.goto(`${base}/admin/collections/articles`)
      await page.locator('table thead').waitFor({ timeout: 60_000 })
      const headers = await page.locator('table thead').innerText()
      assert(
        headers.includes('Workflow state') && headers.includes('Compliance problems'),
        `columns: ${headers}`,
      )
      // Relationship cells load their titles after the table renders.
      await page
        .locator('td.cell-section', { hasText: /Monde|Marchés|Crypto|Technologie|Économie/ })
        .first()
        .waitFor({ timeout: 30_000 })
        .catch((error: Error) => {
          throw new Error(
            `${error.message}; failed API calls: ${apiFailures.join(' | ') || 'none'}`,
          )
        })
      const firstRow = await page.locator('table tbody tr').first().innerText()
      assert(
        firstRow.includes('Syndicated (third-party)') && firstRow.includes('Marchés'),
        `newest row: ${firstRow}`,
      )
      await shot(page, 'admin-articles-list.png')
    } finally {
      await browser.close()
    }
  },
)

check(
  'an editor, in French, sees the wire source’s ingest runs with their counts and first error, and the list of runs',
  async () => {
    const source = (await api('/sources?where[slug][equals]=neo-wire&depth=0')).docs[0]
    assert(source, 'the seed’s Néo-Wire source')
    const browser = await launchChromium({ language: 'fr' })
    try {
      const page = await browser.context.newPage()
      await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
      await page.goto(`${base}/admin/collections/sources/${source.id}`)
      // The join table of runs: the seed's run, partly refused (one item held under embargo).
      const runs = page.locator('.relationship-table, [class*="relationship-table"]').first()
      await runs.waitFor({ timeout: 60_000 })
      await runs
        .getByText(/Partiellement refusée/)
        .first()
        .waitFor({ timeout: 30_000 })
      const text = await runs.innerText()
      assert(
        /embargoed until 2099/.test(text),
        `the first error names the embargo: ${text.slice(0, 500)}`,
      )
      await runs.scrollIntoViewIfNeeded()
      await shot(page, 'admin-source-ingest-runs-fr.png')
      await page.goto(`${base}/admin/collections/newsroom-ingest-runs`)
      // Relationship cells (the source's name) load after the table renders.
      await page.locator('td', { hasText: 'Néo-Wire' }).first().waitFor({ timeout: 60_000 })
      const row = await page.locator('table tbody tr').first().innerText()
      assert(
        row.includes("Contenu d'exemple") && row.includes('Partiellement refusée'),
        `runs list row: ${row.slice(0, 500)}`,
      )
    } finally {
      await browser.close()
    }
  },
)

check(
  'an editor, in French, sees when the wire copy’s embargo lifts and its rights end, and asks for a failed summary again',
  async () => {
    const embargoed = (await api('/articles?where[embargoUntil][exists]=true&depth=0&draft=true'))
      .docs[0]
    assert(
      embargoed?.workflowState === 'scheduled',
      `the seed’s embargoed wire copy is scheduled: ${embargoed?.workflowState}`,
    )
    const { browser, page } = await adminPage('editor', 'fr', String(embargoed.id))
    try {
      const panel = page.getByTestId('newsroom-checklist')
      // The rule's own line: it cannot be published before then, and when that is.
      await panel.getByTestId('newsroom-problem-embargoed').waitFor({ timeout: 30_000 })
      const embargoLine = await panel.getByTestId('newsroom-problem-embargoed').innerText()
      assert(
        embargoLine.includes('Sous embargo jusqu’au 2099-01-01 08:00 UTC'),
        `embargo line: ${embargoLine}`,
      )
      const rights = await panel.getByTestId('newsroom-rights-expiry').innerText()
      assert(
        /Fin des droits : \d{4}-\d\d-\d\d \d\d:\d\d UTC/.test(rights),
        `rights line: ${rights}`,
      )
      await shot(page, 'admin-embargo-rights-fr.png')

      // A summary that failed: the panel offers to generate it again, and the server queues it.
      const article = (await api('/articles?where[slug][equals]=ecb-holds-rates&depth=0')).docs[0]
      await api(`/articles/${article.id}`, {
        body: JSON.stringify({ summary: { error: 'model offline', status: 'failed' } }),
        method: 'PATCH',
      })
      await page.goto(`${base}/admin/collections/articles/${article.id}`)
      const regenerate = page
        .getByTestId('newsroom-checklist')
        .getByRole('button', { name: 'Régénérer le résumé' })
      await regenerate.waitFor({ timeout: 60_000 })
      await regenerate.click()
      const deadline = Date.now() + 30_000
      let status = 'failed'
      while (status !== 'pending' && Date.now() < deadline) {
        await page.waitForTimeout(250)
        status = (await api(`/articles/${article.id}?depth=0`)).summary?.status
      }
      assert(status === 'pending', `summary status after the click: ${status}`)
      // The job it queued: this server runs no jobs by itself, so run the queue as a platform cron would.
      await api('/payload-jobs/run?queue=default&limit=100', { as: 'admin' })
      const summary = (await api(`/articles/${article.id}?depth=0`)).summary
      assert(
        summary?.status === 'ready' && summary.text,
        `summary after the worker ran: ${JSON.stringify(summary)}`,
      )
    } finally {
      await browser.close()
    }
  },
)

check(
  'an editor sees, in the checklist, the image of an English draft that has alt text in French only',
  async () => {
    const token = await tokenOf('editor')
    const form = new FormData()
    const png = await sharp({
      create: { background: '#2a9d8f', channels: 3, height: 900, width: 1600 },
    })
      .png()
      .toBuffer()
    form.append('file', new Blob([png], { type: 'image/png' }), 'french-alt-only.png')
    form.append(
      '_payload',
      JSON.stringify({ alt: 'Une image sans texte anglais', credit: 'Rédaction' }),
    )
    const uploaded = await fetch(`${base}/api/media?locale=fr`, {
      body: form,
      headers: { authorization: `JWT ${token}` },
      method: 'POST',
    })
    assert(uploaded.status === 201, `upload: ${uploaded.status}`)
    const image = ((await uploaded.json()) as { doc: { id: string } }).doc
    const section = (await api('/sections?where[slug][equals]=monde&depth=0')).docs[0]
    const draft = await api('/articles?draft=true', {
      body: JSON.stringify({
        featuredImage: image.id,
        language: 'en',
        section: section.id,
        title: 'A draft with a French-only image',
      }),
      method: 'POST',
    })
    assert(draft.doc?.id, `draft: ${JSON.stringify(draft).slice(0, 300)}`)
    const { browser, page } = await adminPage('editor', 'en', String(draft.doc.id))
    try {
      const line = page.getByTestId('newsroom-problem-imageAltMissing')
      await line.waitFor({ timeout: 30_000 })
      const text = await line.innerText()
      assert(
        /french-alt-only(-\d+)?\.png/.test(text) && text.includes('alt text in EN'),
        `image line: ${text}`,
      )
      await shot(page, 'admin-image-checklist-en.png')
    } finally {
      await browser.close()
    }
  },
)

/** The admin language for the session: Payload keeps it in its `payload-lng` cookie. */
const inAdminLanguage = async (
  context: import('playwright-core').BrowserContext,
  language: string,
) => context.addCookies([{ name: 'payload-lng', url: base, value: language }])

check(
  'an editor sees the seeded in-review article on the desk and approves it from there, by keyboard; the desk in English and French',
  async () => {
    const title = 'La publicité financière en ligne bientôt encadrée'
    for (const language of ['fr', 'en']) {
      const browser = await launchChromium({ language })
      try {
        await inAdminLanguage(browser.context, language)
        const page = await browser.context.newPage()
        await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
        await page.goto(`${base}/admin`)
        const queue = page.getByTestId('newsroom-desk-inReview')
        await queue.waitFor({ timeout: 60_000 })
        await shot(page, `admin-desk-${language}.png`)
        if (language === 'en') continue
        assert(
          (await queue.locator('h3').innerText()).startsWith('En attente de relecture'),
          'queue title in French',
        )
        const item = queue.getByTestId('newsroom-desk-item').filter({ hasText: title })
        assert(
          (await item.count()) === 1,
          `the in-review article on the desk: ${await queue.innerText()}`,
        )
        // The list link filters the same way: the count it shows is the list's.
        const listLink = await queue.getByTestId('newsroom-desk-count').getAttribute('href')
        assert(
          listLink?.includes('where') && listLink.includes('in_review'),
          `list link: ${listLink}`,
        )
        const approve = item.getByRole('button', { name: /^Approuver/ })
        await approve.focus()
        await page.keyboard.press('Enter')
        await page
          .getByTestId('newsroom-desk-approved')
          .getByText(title)
          .waitFor({ timeout: 30_000 })
      } finally {
        await browser.close()
      }
    }
    const found = await api(
      `/articles?where[title][equals]=${encodeURIComponent(title)}&draft=true&depth=0`,
    )
    assert(
      found.docs[0]?.workflowState === 'approved',
      `stored state: ${found.docs[0]?.workflowState}`,
    )
  },
)

check('a writer sees the article sent back to them on their desk', async () => {
  const browser = await launchChromium({ language: 'en' })
  try {
    await inAdminLanguage(browser.context, 'en')
    const page = await browser.context.newPage()
    await loginToAdmin(page, base, 'writer@newsroom.test', 'newsroom-writer')
    await page.goto(`${base}/admin`)
    const queue = page.getByTestId('newsroom-desk-changesRequested')
    await queue.waitFor({ timeout: 60_000 })
    assert(
      (await queue.locator('h3').innerText()).startsWith('Sent back to you'),
      'the writer’s queue title',
    )
    assert(
      await queue.getByText('Flaw found in a widely used image library').isVisible(),
      `sent back: ${await queue.innerText()}`,
    )
    // No editor queue, no button the server would refuse a writer.
    assert(
      (await page.getByTestId('newsroom-desk-approved').count()) === 0,
      'no approved queue for a writer',
    )
    const buttons = await page.getByTestId('newsroom-desk').getByRole('button').allInnerTexts()
    assert(
      buttons.every((label) => label === 'Submit for review'),
      `writer's buttons: ${buttons.join(', ')}`,
    )
  } finally {
    await browser.close()
  }
})

check(
  'an editor requests changes with a note entered in the drawer; an empty note is refused there by the server’s rule',
  async () => {
    const section = (await api('/sections?where[slug][equals]=monde&depth=0')).docs[0]
    const draft = await api('/articles?draft=true', {
      body: JSON.stringify({ language: 'fr', section: section.id, title: 'Un papier à reprendre' }),
      method: 'POST',
    })
    assert(
      (
        await api(`/articles/${draft.doc.id}/workflow`, {
          body: JSON.stringify({ action: 'submit' }),
          method: 'POST',
        })
      ).doc,
      'submitted',
    )
    const { browser, page } = await adminPage('editor', 'en', String(draft.doc.id))
    try {
      await page
        .getByTestId('newsroom-workflow')
        .getByRole('button', { name: 'Request changes' })
        .click()
      const drawer = page.getByTestId('newsroom-action-drawer')
      await drawer.waitFor({ timeout: 30_000 })
      await drawer.getByRole('button', { name: 'Request changes' }).click()
      const errors = await drawer.getByTestId('newsroom-action-errors').innerText()
      assert(errors.includes('needs a note'), `empty note: ${errors}`)
      await drawer.getByLabel('Note').fill('Ajoutez la source du chiffre cité.')
      await drawer.getByRole('button', { name: 'Request changes' }).click()
      await page
        .getByTestId('newsroom-workflow')
        .getByText('Changes requested')
        .waitFor({ timeout: 30_000 })
    } finally {
      await browser.close()
    }
    const events = await api(
      `/workflow-events?where[article][equals]=${draft.doc.id}&where[action][equals]=request_changes&depth=0`,
    )
    assert(
      events.docs[0]?.note === 'Ajoutez la source du chiffre cité.',
      `audit note: ${JSON.stringify(events.docs[0])}`,
    )
  },
)

check(
  'a bulk publish of three articles publishes the two complete ones and names the third’s missing original URL',
  async () => {
    const section = (await api('/sections?where[slug][equals]=monde&depth=0')).docs[0]
    const source = (await api('/sources?where[slug][equals]=agence-horizon&depth=0')).docs[0]
    const titles = [
      'Lot A : dépêche complète',
      'Lot B : dépêche sans lien',
      'Lot C : dépêche complète',
    ]
    const ids: string[] = []
    for (const [index, title] of titles.entries()) {
      const attribution = {
        source: source.id,
        sourceItemId: `bulk-${Date.now()}-${index}`,
        ...(index === 1 ? {} : { originalUrl: `https://horizon-presse.example/lot/${index}` }),
      }
      const created = await api('/articles?draft=true', {
        body: JSON.stringify({
          attribution,
          language: 'fr',
          origin: 'syndicated',
          section: section.id,
          title,
        }),
        method: 'POST',
      })
      assert(created.doc?.id, `draft ${title}: ${JSON.stringify(created).slice(0, 300)}`)
      ids.push(created.doc.id)
    }
    const browser = await launchChromium({ language: 'en' })
    try {
      await inAdminLanguage(browser.context, 'en')
      const page = await browser.context.newPage()
      await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
      await page.goto(`${base}/admin/collections/articles?where[title][like]=Lot&limit=10`)
      await page.locator('tbody tr').first().waitFor({ timeout: 60_000 })
      assert(
        (await page.locator('tbody tr').count()) === 3,
        `rows: ${await page.locator('tbody tr').count()}`,
      )
      await page.locator('#select-all').check()
      const bar = page.getByTestId('newsroom-bulk')
      await bar.getByRole('combobox').selectOption('publish')
      await bar.getByRole('button', { name: 'Apply to 3' }).click()
      const results = bar.getByTestId('newsroom-bulk-results')
      await results.waitFor({ timeout: 60_000 })
      assert(
        (await results.locator('p').innerText()) === '2 done, 1 refused.',
        `summary: ${await results.innerText()}`,
      )
      const refused = await bar.getByTestId('newsroom-bulk-refused').innerText()
      assert(
        refused.startsWith('Lot B : dépêche sans lien') && /original/i.test(refused),
        `refused: ${refused}`,
      )
      await shot(page, 'admin-bulk-publish-en.png')
    } finally {
      await browser.close()
    }
    const stored = await Promise.all(ids.map((id) => api(`/articles/${id}?draft=true&depth=0`)))
    assert(
      stored.map((doc) => doc.workflowState).join(',') === 'published,draft,published',
      `states: ${stored.map((doc) => doc.workflowState).join(',')}`,
    )
  },
)

check('the articles list names every seeded article’s section, in every row', async () => {
  const browser = await launchChromium({ language: 'en' })
  try {
    await inAdminLanguage(browser.context, 'en')
    const page = await browser.context.newPage()
    await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
    await page.goto(`${base}/admin/collections/articles?limit=100&locale=en`)
    await page.locator('tbody tr').first().waitFor({ timeout: 60_000 })
    const seeded = await api('/articles?limit=100&depth=1&draft=true&locale=en')
    // Sections load as the rows mount, one batched request: wait for the last of them.
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('td.cell-section')].some((cell) =>
          /Loading|<No /.test(cell.textContent ?? ''),
        ),
      undefined,
      { timeout: 30_000 },
    )
    const cells = await page.locator('td.cell-section').allInnerTexts()
    assert(
      cells.length === seeded.docs.length,
      `rows ${cells.length}, articles ${seeded.docs.length}`,
    )
    const expected = new Set(seeded.docs.map((doc: any) => doc.section?.name))
    assert(
      cells.every((cell) => expected.has(cell.trim())),
      `section cells: ${cells.join(' | ')}`,
    )
  } finally {
    await browser.close()
  }
})

check(
  'two editors in two browsers edit one article: the later autosave is refused with the first one’s name, and keeps its text',
  async () => {
    const created = await api('/articles?draft=true', {
      body: JSON.stringify({
        language: 'fr',
        section: (await api('/sections?limit=1&depth=0')).docs[0].id,
        title: 'Deux éditeurs, un article',
      }),
      method: 'POST',
    })
    const id = String(created.doc.id)
    // Both open the same version; the editor (French admin) saves first, the admin (English admin) after.
    const first = await adminPage('editor', 'fr', id)
    const second = await adminPage('admin', 'en', id)
    try {
      await first.page.locator('#field-standfirst').fill('Le chapô de l’éditeur')
      // Autosave (every 2 s) writes the editor's text, as the editor.
      await waitUntil(
        async () =>
          (await api(`/articles/${id}?draft=true&depth=0`)).standfirst === 'Le chapô de l’éditeur',
        'the editor’s autosave',
      )
      await first.page.locator('#field-standfirst').fill('Le chapô de l’éditeur, complété')
      await waitUntil(
        async () =>
          (await api(`/articles/${id}?draft=true&depth=0`)).standfirst ===
          'Le chapô de l’éditeur, complété',
        'the editor’s second autosave (its own version moved on)',
      )

      const adminText = 'The admin’s standfirst, written on the old version'
      const failures = failedApiCalls(second.page)
      await second.page.locator('#field-standfirst').fill(adminText)
      // The seeded editor's name, as the refusal gives it.
      const editorName = (await api('/users?where[email][equals]=editor@newsroom.test&depth=0'))
        .docs[0].name as string
      await second.page
        .getByText(`${editorName} saved a newer version at`, { exact: false })
        .first()
        .waitFor({ timeout: 30_000 })
        .catch((error: Error) => {
          throw new Error(
            `${error.message.split('\n')[0]}; failed API calls: ${failures.join(' | ') || 'none'}`,
          )
        })
      await shot(second.page, 'admin-stale-save-en.png')
      assert(
        (await second.page.locator('#field-standfirst').inputValue()) === adminText,
        'the admin’s text is still in the form',
      )
      const stored = await api(`/articles/${id}?draft=true&depth=0`)
      assert(
        stored.standfirst === 'Le chapô de l’éditeur, complété',
        `stored standfirst: ${stored.standfirst}`,
      )
    } finally {
      await Promise.all([first.browser.close(), second.browser.close()])
    }
  },
)

// Last: it creates the newest article, which the list checks above read as theirs.
check(
  'an open task refuses the publication in the admin, named in French; once ticked, the article publishes; the sidebar lists it in English',
  async () => {
    const sections = await api('/sections?where[slug][equals]=monde&depth=0')
    const created = await api('/articles?draft=true', {
      body: JSON.stringify({
        language: 'fr',
        section: sections.docs[0].id,
        slug: `tache-ouverte-${process.pid}`,
        title: 'Un article qui attend sa vérification',
      }),
      method: 'POST',
    })
    const id = String(created.doc.id)
    const task = await api('/newsroom-tasks', {
      body: JSON.stringify({ article: id, text: 'Vérifier le cours cité au deuxième paragraphe' }),
      method: 'POST',
    })
    assert(task.doc?.id, `task: ${JSON.stringify(task).slice(0, 300)}`)
    const french = await adminPage('editor', 'fr', id)
    try {
      const { page } = french
      const message = await publishRefusedWith(page, 'Publier')
      assert(
        message.includes(
          'La tâche « Vérifier le cours cité au deuxième paragraphe » est encore ouverte',
        ),
        `toast: ${message}`,
      )
      await shot(page, 'admin-task-blocks-publication-fr.png')
      const stored = await api(`/articles/${id}?depth=0`)
      assert(stored._status === 'draft', `still a draft: ${stored._status}`)
    } finally {
      await french.browser.close()
    }
    await api(`/newsroom-tasks/${task.doc.id}`, {
      body: JSON.stringify({ done: true }),
      method: 'PATCH',
    })
    const english = await adminPage('editor', 'en', id)
    try {
      const { page } = english
      await page.getByText('Vérifier le cours cité au deuxième paragraphe').first().waitFor()
      await page
        .getByTestId('newsroom-workflow')
        .getByRole('button', { name: 'Publish', exact: true })
        .click()
      await waitUntil(
        async () => (await api(`/articles/${id}?depth=0`))._status === 'published',
        'the article published once its task was done',
      )
      // The published article, its done task listed in the sidebar (after the view's own reload).
      await page.waitForLoadState('load')
      await page.waitForTimeout(1_000)
      await page.goto(`${base}/admin/collections/articles/${id}`)
      await page.getByTestId('newsroom-checklist').waitFor({ timeout: 60_000 })
      await page.getByText('Vérifier le cours cité au deuxième paragraphe').first().waitFor()
      await shot(page, 'admin-task-done-published-en.png')
    } finally {
      await english.browser.close()
    }
  },
)

check(
  'a writer’s submission rings the editors’ bell (French); opening it marks it read and opens the article; an assignment in English; the account’s notification settings',
  async () => {
    const sections = await api('/sections?where[slug][equals]=monde&depth=0')
    const title = 'Le régulateur publie ses lignes directrices'
    const created = await api('/articles?draft=true', {
      as: 'writer',
      body: JSON.stringify({
        language: 'fr',
        section: sections.docs[0].id,
        slug: `cloche-${process.pid}`,
        title,
      }),
      method: 'POST',
    })
    const id = String(created.doc?.id)
    const submitted = await api(`/articles/${id}/workflow`, {
      as: 'writer',
      body: JSON.stringify({ action: 'submit' }),
      method: 'POST',
    })
    assert(
      submitted.doc?.workflowState === 'in_review',
      `submitted: ${JSON.stringify(submitted).slice(0, 300)}`,
    )
    const french = await launchChromium({ language: 'fr' })
    try {
      await inAdminLanguage(french.context, 'fr')
      const page = await french.context.newPage()
      await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
      await page.goto(`${base}/admin`)
      const bell = page.locator('.newsroom-bell')
      await bell.waitFor({ timeout: 60_000 })
      const count = Number(await page.locator('.newsroom-bell__count').innerText())
      assert(count >= 1, `unread count: ${count}`)
      await bell.click()
      const item = page
        .locator('.newsroom-bell__item')
        // The writer's name is whatever an earlier check left (it renames them): the title says which.
        .filter({ hasText: `a soumis « ${title} » à relecture.` })
      await item.waitFor({ timeout: 30_000 })
      assert((await item.getAttribute('data-unread')) === 'true', 'shown unread')
      await shot(page, 'admin-notification-bell-fr.png')
      await item.click()
      await page.waitForURL(`**/admin/collections/articles/${id}`, { timeout: 30_000 })
      await waitUntil(async () => {
        const latest = await api('/newsroom-notifications/bell')
        const mine = latest.docs.find((doc: any) => String(doc.article) === id)
        return Boolean(mine?.readAt) && latest.unread === count - 1
      }, 'the notification marked read')
    } finally {
      await french.close()
    }
    // An admin assigns it to the editor: told in English, under the bell.
    const assigned = await api(`/articles/${id}?draft=true`, {
      as: 'admin',
      body: JSON.stringify({ assignedTo: (await api('/users/me')).user.id }),
      method: 'PATCH',
    })
    assert(assigned.doc, `assigned: ${JSON.stringify(assigned).slice(0, 300)}`)
    const english = await launchChromium({ language: 'en' })
    try {
      await inAdminLanguage(english.context, 'en')
      const page = await english.context.newPage()
      await loginToAdmin(page, base, 'editor@newsroom.test', 'newsroom-editor')
      await page.goto(`${base}/admin/account`)
      await page.locator('.newsroom-bell').click()
      await page
        .locator('.newsroom-bell__item')
        .filter({ hasText: `assigned “${title}” to you.` })
        .waitFor({ timeout: 30_000 })
      await shot(page, 'admin-notification-bell-en.png')
      await page.keyboard.press('Escape')
      const settings = page.locator('#field-notificationSettings__emailDigest')
      await settings.scrollIntoViewIfNeeded()
      // No more emails of submissions: chosen in the account, saved, stored.
      await choose(page, 'field-notificationSettings__mutedEmail', 'Submitted for review')
      await page.locator('#field-notificationSettings__emailDigest').check()
      await shot(page, 'admin-notification-settings-en.png')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await waitUntil(async () => {
        const { user } = await api('/users/me')
        return (
          user?.notificationSettings?.mutedEmail?.join() === 'submitted' &&
          user.notificationSettings.emailDigest === true
        )
      }, 'the notification settings saved')
    } finally {
      await english.close()
    }
  },
)

const main = async () => {
  const started = Date.now()
  let passed = 0
  let failed = 0
  try {
    if (!external) await startServer()
    // BROWSER_TEST_ONLY=<words> runs the checks whose name contains them (while working on one).
    const only = process.env.BROWSER_TEST_ONLY
    for (const { name, run } of checks.filter((entry) => !only || entry.name.includes(only))) {
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
