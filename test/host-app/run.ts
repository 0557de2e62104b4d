/**
 * "Works in a stranger's app" (issues 15 and 30): packs payload-newsroom as npm would publish it and
 * installs the tarball, as the README's "Add it to your Payload app" says, into a matrix of separate
 * Payload apps (test/host-app/hosts/<name>/ over the route files of test/host-app/template/, copied
 * to a temporary directory):
 *
 * - `localized`: the lowest versions the peer ranges claim (payload 3.90.1, Next 16.3.3, React
 *   19.0.1), SQLite, English and German, its own `staff` users and `pages`, other slugs for our
 *   collections, plugin-seo and plugin-search beside ours; `next build` with Turbopack (the default);
 * - `plain`: the highest (payload 3.90.2, Next 16.5.0, React 19.3.1), Payload's blank template on
 *   PostgreSQL with integer IDs, migrations, no localization, its own `users` and `media`;
 *   `next build --webpack`.
 *
 * Each host generates its import map and types, type-checks, runs its scenario through its own route
 * handlers (what is stored, what readers are served), and in CI (CI=true, or HOST_APP_NEXT_BUILD=1)
 * builds for production and answers the workflow's refusals over HTTP from `next start`.
 *
 *   npm run test:host-app                       # every host
 *   npm run test:host-app -- plain              # one host
 *   KEEP_HOST_APP=1 npm run test:host-app       # keep the temporary apps to look around
 *
 * The install needs the npm registry, the plain host a PostgreSQL server (POSTGRES_ADMIN_URI, default
 * the local one). Every child process has a timeout; on any failure the runner prints the step's name
 * and the tail of its output, and exits 1.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { checkProductionRefusals } from '../helpers/productionRefusals'
import { newProvenanceKeySet } from '../../host/provenanceKeys'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

const keep = process.env.KEEP_HOST_APP === '1'
const withNextBuild = process.env.CI === 'true' || process.env.HOST_APP_NEXT_BUILD === '1'

/**
 * Node options of the app's own processes (Payload's CLI, the scenario). `--conditions=development`
 * works around an upstream deadlock, not ours: outside production, lexical 0.50's Node entries
 * (`lexical/dist/Lexical.node.mjs`, `@lexical/*`) pick their build with a top-level
 * `await import('./X.dev.mjs')`, and on Node 20 loading them through @payloadcms/richtext-lexical
 * leaves that await unsettled in about half the runs: a script exits 13 without a word, and
 * `payload generate:importmap` / `generate:types` (whose config import is not top-level) exit 0
 * having written nothing. With the condition Node resolves the `.dev.mjs` files directly, as
 * bundlers do. (`import '@payloadcms/richtext-lexical'` alone reproduces it, in this repo too.)
 */
const nodeOptions = '--no-deprecation --conditions=development'

const minutes = (count: number) => count * 60_000
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------------
// Child processes: bounded in time, killed with their whole process group

/** Environment variables (Next's types make NodeJS.ProcessEnv require NODE_ENV). */
type Env = Record<string, string | undefined>

type RunResult = { code: null | number; output: string; stdout: string }
type RunOptions = { cwd: string; echo?: boolean; env?: Env; timeoutMs: number }

class StepFailure extends Error {
  constructor(
    message: string,
    readonly output = '',
    /** The output was already shown as it came. */
    readonly echoed = false,
  ) {
    super(message)
  }
}

let running: import('node:child_process').ChildProcess | undefined

const killGroup = (child: import('node:child_process').ChildProcess) => {
  if (child.pid === undefined || child.exitCode !== null) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

/**
 * The environment of the runner minus what `npm run` adds for the repo's own package, so that npm
 * and Payload in the app see the app, not payload-newsroom.
 */
const hostAppProvenanceKeys = newProvenanceKeySet('host-app')

const baseEnv = (): Env => {
  const env: Env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^npm_(package_|lifecycle_|config_local_prefix$)/i.test(key) ||
      key === 'INIT_CWD' ||
      key === 'NODE_OPTIONS'
    )
      continue
    env[key] = value
  }
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: 'host-app-fixture-secret-not-for-production',
    // `next start` refuses to start without a provenance signing key, as a stranger's production would.
    NEWSROOM_PROVENANCE_KEYS: hostAppProvenanceKeys,
  }
}

const run = (
  command: string,
  args: string[],
  { cwd, echo = false, env = baseEnv(), timeoutMs }: RunOptions,
): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      detached: true,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running = child
    let output = ''
    let stdout = ''
    const take = (chunk: Buffer, isStdout: boolean) => {
      const text = chunk.toString()
      output += text
      if (isStdout) stdout += text
      if (echo) process.stdout.write(text.replace(/^(?=.)/gm, '    '))
    }
    child.stdout!.on('data', (chunk: Buffer) => take(chunk, true))
    child.stderr!.on('data', (chunk: Buffer) => take(chunk, false))
    const timer = setTimeout(() => {
      killGroup(child)
      reject(
        new StepFailure(
          `${command} ${args.join(' ')} timed out after ${seconds(timeoutMs)}`,
          output,
        ),
      )
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new StepFailure(`${command} could not start: ${error.message}`, output))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      running = undefined
      resolve({ code, output, stdout })
    })
  })

const runOrFail = async (
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> => {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new StepFailure(
      `${path.basename(command)} ${args.join(' ')} exited with ${result.code}`,
      result.output,
      options.echo,
    )
  }
  return result
}

/** A long-running child (`next start`), killed with its group when the host is done or the run stops. */
const servers = new Set<import('node:child_process').ChildProcess>()
const startServer = (command: string, args: string[], { cwd, env }: { cwd: string; env: Env }) => {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  servers.add(child)
  return {
    output: () => output,
    stop: () => {
      killGroup(child)
      servers.delete(child)
    },
  }
}

// ---------------------------------------------------------------------------------------------------
// Steps: timed, printed; a failing step names itself and shows the tail of its output

type StepRecord = { ms: number; name: string; ok: boolean }
const steps: StepRecord[] = []
/** The scenarios' failed checks (their `✗` lines), repeated in the summary. */
const failedChecks: string[] = []
const startedAt = Date.now()
let workDir: string | undefined
/** Run when the run ends, however it ends (databases to drop). */
const finalisers: (() => Promise<void>)[] = []

const tail = (text: string, lines = 60) => text.trimEnd().split('\n').slice(-lines).join('\n')

const cleanUp = async () => {
  for (const server of servers) killGroup(server)
  for (const finalise of finalisers.splice(0))
    await finalise().catch((error) => console.log(`clean-up: ${error}`))
  if (!workDir || !fs.existsSync(workDir)) return
  if (keep) {
    console.log(`\nKEEP_HOST_APP=1: the apps are kept in ${workDir}`)
    return
  }
  fs.rmSync(workDir, { force: true, recursive: true })
}

const summaryAndExit = async (): Promise<never> => {
  await cleanUp()
  const failed = steps.filter((step) => !step.ok)
  if (failedChecks.length > 0) console.log(`\nFailed checks:\n${failedChecks.join('\n')}`)
  const timings = steps
    .map((step) => `${step.name} ${seconds(step.ms)}${step.ok ? '' : ' ✗'}`)
    .join(', ')
  console.log(
    `\nhost-app: ${failed.length === 0 ? 'PASSED' : `FAILED (${failed.map((step) => step.name).join(', ')})`} in ${seconds(Date.now() - startedAt)}: ${timings}`,
  )
  // The plain closing line CI reads: each step is one check.
  console.log(`host-app: ${steps.length - failed.length} passed, ${failed.length} failed`)
  process.exit(failed.length === 0 ? 0 : 1)
}

/** A critical step failed: the rest of this host's steps need what it makes. */
class HostStopped extends Error {}

/**
 * Runs one step. A critical step's failure ends the host's run (later steps need what it makes); any
 * other step's failure is recorded and the run goes on, so one run reports every problem.
 */
const step = async <T>(
  name: string,
  body: () => Promise<T>,
  { critical = true } = {},
): Promise<T | undefined> => {
  console.log(`\n▶ ${name}`)
  const started = Date.now()
  try {
    const value = await body()
    const ms = Date.now() - started
    steps.push({ ms, name, ok: true })
    console.log(`✓ ${name} (${seconds(ms)})`)
    return value
  } catch (error) {
    const ms = Date.now() - started
    steps.push({ ms, name, ok: false })
    const message = error instanceof Error ? error.message : String(error)
    console.log(`✗ ${name} failed after ${seconds(ms)}: ${message}`)
    if (error instanceof StepFailure && error.echoed) {
      const lines = error.output.split('\n').filter((line) => /^\s*✗ /.test(line))
      failedChecks.push(
        ...(lines.length > 0 ? lines : [`✗ ${message}, with no failed check printed`]).map(
          (line) => `  ${name}: ${line.trim()}`,
        ),
      )
    } else if (error instanceof StepFailure && error.output.trim()) {
      console.log(`--- last lines of its output ---\n${tail(error.output)}\n---`)
    } else if (!(error instanceof StepFailure) && error instanceof Error && error.stack) {
      console.log(error.stack)
    }
    if (critical) throw new HostStopped(name)
    return undefined
  }
}

const expect = (ok: boolean, message: string) => {
  if (!ok) throw new StepFailure(message)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running) killGroup(running)
    console.log(`\n${signal}: stopping`)
    void cleanUp().then(() => process.exit(130))
  })
}

// ---------------------------------------------------------------------------------------------------
// The hosts

type Host = {
  /** `next build`'s bundler: Turbopack is Next 16's default, webpack the other one hosts choose. */
  bundler: 'turbopack' | 'webpack'
  /** Import map entries besides ours (other plugins' components). */
  extraImportMapEntries: string[]
  /** What the app's generated types must say (the host's own collections and ours, under their slugs). */
  checkTypes: (types: string) => void
  database: 'postgres' | 'sqlite'
  /** Runs the scenario again with the plugin disabled and compares the generated files and schema. */
  disabledRun: boolean
  /** Applies migrations (`payload migrate:create`, `payload migrate`) before the scenario, as the README says. */
  migrations: boolean
  name: 'localized' | 'plain'
  /** The slugs of the production check: our articles, the host's auth collection. */
  slugs: { articles: string; users: string }
  /** The accounts the scenario leaves, for the production check. */
  accounts: { editor: string; writer: string; password: string }
}

/** The body of `export interface Name { … }` in the generated types, or undefined. */
const interfaceBody = (types: string, name: string): string | undefined =>
  new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}\\n`).exec(types)?.[1]

const collectionsOf = (types: string) =>
  /collections: \{\n([\s\S]*?)\n {2}\};/.exec(types)?.[1] ?? ''

const expectCollections = (types: string, present: [string, string][], absent: string[]) => {
  const collections = collectionsOf(types)
  for (const [slug, name] of present) {
    expect(
      new RegExp(`^ {4}${slug}: ${name};$`, 'm').test(collections),
      `Config.collections has no ${slug}: ${name}`,
    )
  }
  for (const slug of absent) {
    expect(
      !new RegExp(`^ {4}${slug}:`, 'm').test(collections),
      `Config.collections still has our default slug ${slug}`,
    )
  }
}

const hosts: Host[] = [
  {
    accounts: {
      editor: 'editor@stranger.example',
      password: 'stranger-danger-password-1',
      writer: 'writer@stranger.example',
    },
    bundler: 'turbopack',
    checkTypes: (types) => {
      expectCollections(
        types,
        [
          ['staff', 'Staff'],
          ['pages', 'Page'],
          ['news', 'News'],
          ['desks', 'Desk'],
          ['notices', 'Notice'],
          ['wires', 'Wire'],
          ["'news-audit'", 'NewsAudit'],
          ['search', 'Search'],
        ],
        ['users', 'articles', 'sections', 'disclaimers', 'sources', "'workflow-events'"],
      )
      const staff = interfaceBody(types, 'Staff') ?? ''
      expect(
        /^ {2}displayName: string;$/m.test(staff),
        'interface Staff has no displayName: string (the host’s field)',
      )
      expect(
        /^ {2}roles: \('admin' \| 'editor' \| 'writer' \| 'ingest'\)\[\];$/m.test(staff),
        'interface Staff has no roles field (the plugin’s)',
      )
      expect(
        /^ {2}email: string;$/m.test(staff),
        'interface Staff is not an auth collection (no email)',
      )
      const page = interfaceBody(types, 'Page') ?? ''
      expect(
        /^ {2}title: string;$/m.test(page) && /^ {2}slug: string;$/m.test(page),
        'interface Page lacks title or slug',
      )
      const news = interfaceBody(types, 'News') ?? ''
      expect(/^ {2}meta\?: \{$/m.test(news), 'interface News has no meta group (the SEO plugin’s)')
      expect(/^ {2}appliedDisclaimers\?:/m.test(news), 'interface News has no appliedDisclaimers')
      expect(
        /^ {2}section: number \| Desk;$/m.test(news),
        'interface News does not relate to desks',
      )
    },
    database: 'sqlite',
    disabledRun: true,
    extraImportMapEntries: ['@payloadcms/plugin-seo/client#OverviewComponent'],
    migrations: false,
    name: 'localized',
    slugs: { articles: 'news', users: 'staff' },
  },
  {
    accounts: {
      editor: 'editor@plain.example',
      password: 'plain-gazette-password-1',
      writer: 'writer@plain.example',
    },
    bundler: 'webpack',
    checkTypes: (types) => {
      expectCollections(
        types,
        [
          ['users', 'User'],
          ['media', 'Media'],
          ['pages', 'Page'],
          ['articles', 'Article'],
          ['sections', 'Section'],
          ['disclaimers', 'Disclaimer'],
          ["'newsroom-media'", 'NewsroomMedia'],
        ],
        [],
      )
      const article = interfaceBody(types, 'Article') ?? ''
      expect(/^ {2}id: number;$/m.test(article), 'interface Article has no integer id')
      expect(
        /^ {2}section: number \| Section;$/m.test(article),
        'interface Article does not relate to sections by integer ID',
      )
      // No localization: a localized field of ours is one plain value.
      expect(
        /^ {2}name: string;$/m.test(interfaceBody(types, 'Section') ?? ''),
        'interface Section has no plain name: string',
      )
      expect(
        /^ {2}nickname\?: string \| null;$/m.test(interfaceBody(types, 'User') ?? ''),
        'interface User lost the host’s nickname',
      )
    },
    database: 'postgres',
    disabledRun: false,
    extraImportMapEntries: [],
    migrations: true,
    name: 'plain',
    slugs: { articles: 'articles', users: 'users' },
  },
]

const checkImportMap = (file: string, appDir: string, extraEntries: string[]) => {
  expect(fs.existsSync(file), `${file} was not written`)
  const text = fs.readFileSync(file, 'utf8')
  for (const entry of [
    'payload-newsroom/client#ArticlePanel',
    'payload-newsroom/client#DisclaimerVersionNotice',
    'payload-newsroom/rsc#NewsroomDesk',
    ...extraEntries,
  ]) {
    expect(text.includes(`"${entry}"`), `the import map has no "${entry}"`)
  }
  // Every component the import map takes from us must be exported by the installed entry it names.
  const packageDir = path.join(appDir, 'node_modules/payload-newsroom')
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  for (const entry of ['client', 'rsc']) {
    const named = [
      ...text.matchAll(
        new RegExp(`import \\{ (\\w+) as \\w+ \\} from 'payload-newsroom/${entry}'`, 'g'),
      ),
    ].map((match) => match[1]!)
    expect(named.length > 0, `the import map imports nothing from payload-newsroom/${entry}`)
    const source = fs.readFileSync(
      path.join(packageDir, manifest.exports[`./${entry}`].import),
      'utf8',
    )
    const missing = named.filter(
      (name) => !new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}`).test(source),
    )
    expect(missing.length === 0, `payload-newsroom/${entry} does not export ${missing.join(', ')}`)
  }
}

/** A scratch PostgreSQL database for one host, dropped when the run ends. */
const createDatabase = async (host: Host): Promise<string> => {
  const adminUri = process.env.POSTGRES_ADMIN_URI ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `newsroom_host_${host.name}_${process.pid}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUri, connectionTimeoutMillis: 5_000 })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`drop database if exists ${name}`)
  await admin(`create database ${name}`)
  finalisers.push(() => admin(`drop database if exists ${name} with (force)`))
  return Object.assign(new URL(adminUri), { pathname: `/${name}` }).href
}

// ---------------------------------------------------------------------------------------------------
// Production: the workflow's refusals over HTTP from `next start`, with their messages and fields

/** Signs in the scenario's editor and writer, finds its published article and a draft, and checks the refusals. */
const productionRefusals = async (host: Host, port: number) => {
  const api = `http://127.0.0.1:${port}/api`
  const login = async (email: string) => {
    const response = await fetch(`${api}/${host.slugs.users}/login`, {
      body: JSON.stringify({ email, password: host.accounts.password }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const body = await response.json().catch(() => null)
    expect(
      response.status === 200 && typeof body?.token === 'string',
      `logging in as ${email} answered ${response.status}: ${JSON.stringify(body)}`,
    )
    return body.token as string
  }
  const tokens = {
    editor: await login(host.accounts.editor),
    writer: await login(host.accounts.writer),
  }
  const first = async (state: string) => {
    const response = await fetch(
      `${api}/${host.slugs.articles}?where[_status][equals]=${state}&where[workflowState][equals]=${state}&limit=1&depth=0`,
      {
        headers: { authorization: `JWT ${tokens.editor}` },
      },
    )
    const body = await response.json().catch(() => null)
    expect(
      response.status === 200 && body?.docs?.length === 1,
      `no ${state} article to try (${response.status}: ${JSON.stringify(body).slice(0, 300)})`,
    )
    return body.docs[0].id as number | string
  }
  const problems = await checkProductionRefusals({
    api,
    articles: host.slugs.articles,
    draft: await first('draft'),
    published: await first('published'),
    tokens,
  })
  expect(problems.length === 0, problems.join('\n'))
}

// ---------------------------------------------------------------------------------------------------
// One host

const runHost = async (host: Host, tarball: string) => {
  const appDir = path.join(workDir!, host.name)
  const dataDir = path.join(appDir, '.data')
  const bin = (name: string) => path.join(appDir, 'node_modules/.bin', name)
  const serverDatabase =
    host.database === 'postgres'
      ? await step(`${host.name}: database`, () => createDatabase(host))
      : undefined
  /** The database of one use: on SQLite a file each (codegen, each scenario, the build), on PostgreSQL the host's one. */
  const databaseOf = (use: string) =>
    serverDatabase ?? `file:${path.join(dataDir, `${use}.sqlite`)}`
  const appEnv = (extra: Env = {}): Env => ({
    ...baseEnv(),
    DATABASE_URI: databaseOf('generate'),
    NODE_OPTIONS: nodeOptions,
    ...extra,
  })
  const importMapFile = path.join(appDir, 'app/(payload)/admin/importMap.js')
  const typesFile = path.join(appDir, 'payload-types.ts')

  // The README's way: the app's own install, then `npm install payload-newsroom` (here the tarball).
  await step(`${host.name}: install`, async () => {
    const copy = (from: string) =>
      fs.cpSync(from, appDir, {
        filter: (source) =>
          !/(^|\/)(node_modules|\.next|\.data|payload-types\.ts|next-env\.d\.ts|tsconfig\.tsbuildinfo|migrations)$|\.sqlite/.test(
            path.relative(from, source),
          ),
        recursive: true,
      })
    copy(path.join(here, 'template'))
    copy(path.join(here, 'hosts', host.name))
    fs.copyFileSync(path.join(here, 'lib/harness.ts'), path.join(appDir, 'harness.ts'))
    fs.mkdirSync(dataDir, { recursive: true })
    await runOrFail('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: appDir,
      timeoutMs: minutes(15),
    })
    await runOrFail('npm', ['install', '--no-audit', '--no-fund', tarball], {
      cwd: appDir,
      timeoutMs: minutes(10),
    })
    const version = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(appDir, 'node_modules', name, 'package.json'), 'utf8'))
        .version
    expect(
      !fs.existsSync(path.join(appDir, 'node_modules/payload-newsroom/src')),
      'the installed package holds sources (src/)',
    )
    const graphqlCopies = fs
      .readdirSync(path.join(appDir, 'node_modules/@payloadcms'))
      .filter((name) => name === 'graphql').length
    expect(
      version('@payloadcms/graphql') === version('payload'),
      `@payloadcms/graphql ${version('@payloadcms/graphql')} beside payload ${version('payload')}`,
    )
    console.log(
      `  payload-newsroom ${version('payload-newsroom')} beside payload ${version('payload')}, next ${version('next')}, react ${version('react')} (${graphqlCopies} @payloadcms/graphql)`,
    )
  })

  // The app's own codegen sees our components and collections, beside its own and other plugins'.
  await step(`${host.name}: generate`, async () => {
    // Removed first: a generator that exits 0 having written nothing must not pass on an old file.
    fs.rmSync(importMapFile, { force: true })
    fs.rmSync(typesFile, { force: true })
    await runOrFail(bin('payload'), ['generate:importmap'], {
      cwd: appDir,
      env: appEnv(),
      timeoutMs: minutes(3),
    })
    checkImportMap(importMapFile, appDir, host.extraImportMapEntries)
    await runOrFail(bin('payload'), ['generate:types'], {
      cwd: appDir,
      env: appEnv(),
      timeoutMs: minutes(3),
    })
    expect(fs.existsSync(typesFile), `${typesFile} was not written`)
    host.checkTypes(fs.readFileSync(typesFile, 'utf8'))
  })

  // Issue 15, part 5: the same app with the plugin disabled generates the same types and import map.
  if (host.disabledRun) {
    await step(
      `${host.name}: generate (disabled)`,
      async () => {
        const enabledTypes = fs.readFileSync(typesFile, 'utf8')
        const enabledImportMap = fs.readFileSync(importMapFile, 'utf8')
        try {
          fs.rmSync(importMapFile, { force: true })
          fs.rmSync(typesFile, { force: true })
          await runOrFail(bin('payload'), ['generate:types'], {
            cwd: appDir,
            env: appEnv({ NEWSROOM_DISABLED: '1' }),
            timeoutMs: minutes(3),
          })
          await runOrFail(bin('payload'), ['generate:importmap'], {
            cwd: appDir,
            env: appEnv({ NEWSROOM_DISABLED: '1' }),
            timeoutMs: minutes(3),
          })
          expect(
            fs.existsSync(typesFile) && fs.existsSync(importMapFile),
            'payload generate:types/importmap wrote nothing with NEWSROOM_DISABLED=1',
          )
          const disabledTypes = fs.readFileSync(typesFile, 'utf8')
          fs.writeFileSync(path.join(dataDir, 'payload-types.disabled.ts'), disabledTypes)
          expect(
            disabledTypes === enabledTypes,
            `the generated types differ with NEWSROOM_DISABLED=1 (kept as ${path.join(dataDir, 'payload-types.disabled.ts')})`,
          )
          expect(
            fs.readFileSync(importMapFile, 'utf8') === enabledImportMap,
            'the import map differs with NEWSROOM_DISABLED=1',
          )
          console.log(
            `  identical generated types (${enabledTypes.length} characters) and import map`,
          )
        } finally {
          fs.writeFileSync(typesFile, enabledTypes)
          fs.writeFileSync(importMapFile, enabledImportMap)
        }
      },
      { critical: false },
    )
  }

  // The package's declarations, as the stranger's TypeScript sees them (config, routes, scenario).
  await step(
    `${host.name}: typecheck`,
    () =>
      runOrFail(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], {
        cwd: appDir,
        env: appEnv(),
        timeoutMs: minutes(5),
      }),
    {
      critical: false,
    },
  )

  // The plugin's own source against the stranger's generated types (its slugs, locales, ID type):
  // a host that compiles the source (a monorepo, path mapping) must not trip on a cast of ours.
  await step(
    `${host.name}: plugin source against the host types`,
    async () => {
      fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true })
      const checkDir = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'host-types-'))
      try {
        fs.copyFileSync(typesFile, path.join(checkDir, 'payload-types.ts'))
        fs.writeFileSync(
          path.join(checkDir, 'tsconfig.json'),
          JSON.stringify({
            extends: '../../tsconfig.json',
            include: [
              '../../src/**/*.ts',
              '../../src/**/*.tsx',
              '../../collections/**/*.ts',
              'payload-types.ts',
            ],
          }),
        )
        await runOrFail(
          path.join(repoRoot, 'node_modules/.bin/tsc'),
          ['--noEmit', '-p', checkDir],
          { cwd: repoRoot, env: process.env, timeoutMs: minutes(5) },
        )
      } finally {
        fs.rmSync(checkDir, { force: true, recursive: true })
      }
    },
    { critical: false },
  )

  // The README's migration steps: create the migration, then apply it (no development push).
  if (host.migrations) {
    await step(`${host.name}: payload migrate:create, payload migrate`, async () => {
      await runOrFail(bin('payload'), ['migrate:create', 'newsroom'], {
        cwd: appDir,
        env: appEnv(),
        timeoutMs: minutes(3),
      })
      const created = fs.existsSync(path.join(appDir, 'migrations'))
        ? fs.readdirSync(path.join(appDir, 'migrations')).filter((name) => name.endsWith('.ts'))
        : []
      expect(
        created.some((name) => name !== 'index.ts'),
        'payload migrate:create wrote no migration',
      )
      const { output } = await runOrFail(bin('payload'), ['migrate'], {
        cwd: appDir,
        env: appEnv(),
        timeoutMs: minutes(3),
      })
      expect(/Migrated:/.test(output), `payload migrate applied nothing:\n${tail(output, 10)}`)
      console.log(`  ${created.filter((name) => name !== 'index.ts').join(', ')} applied`)
    })
  }

  // The scenario, run by the app's own tsx so that it resolves the installed tarball.
  const scenario = (mode: 'disabled' | 'enabled') =>
    step(
      `${host.name}: scenario${host.disabledRun ? ` (${mode})` : ''}`,
      () =>
        runOrFail('node', ['--no-deprecation', '--import', 'tsx', 'scenario.ts'], {
          cwd: appDir,
          echo: true,
          env: appEnv({
            DATABASE_URI: databaseOf(mode),
            HOST_APP_SCHEMA_OUT: path.join(dataDir, `schema-${mode}.json`),
            ...(mode === 'disabled' ? { NEWSROOM_DISABLED: '1' } : {}),
          }),
          timeoutMs: minutes(5),
        }),
      { critical: false },
    )
  const scenarioPassed = (await scenario('enabled')) !== undefined
  if (host.disabledRun) {
    await scenario('disabled')
    await step(
      `${host.name}: database schema (disabled)`,
      async () => {
        const read = (mode: string) => {
          const file = path.join(dataDir, `schema-${mode}.json`)
          expect(fs.existsSync(file), `the ${mode} scenario wrote no schema (${file})`)
          return JSON.parse(fs.readFileSync(file, 'utf8')) as {
            name: string
            sql: null | string
            type: string
          }[]
        }
        const [enabled, disabled] = [read('enabled'), read('disabled')]
        const key = (entry: { name: string; sql: null | string; type: string }) =>
          `${entry.type} ${entry.name}: ${entry.sql}`
        const enabledKeys = new Set(enabled.map(key))
        const disabledKeys = new Set(disabled.map(key))
        const onlyEnabled = [...enabledKeys].filter((entry) => !disabledKeys.has(entry))
        const onlyDisabled = [...disabledKeys].filter((entry) => !enabledKeys.has(entry))
        expect(
          onlyEnabled.length === 0 && onlyDisabled.length === 0,
          `the SQLite schema Payload pushed differs with NEWSROOM_DISABLED=1:\n  only enabled: ${onlyEnabled.join('\n    ') || '—'}\n  only disabled: ${onlyDisabled.join('\n    ') || '—'}`,
        )
        const count = (type: string) => enabled.filter((entry) => entry.type === type).length
        console.log(
          `  identical SQLite schema: ${count('table')} tables, ${count('index')} indexes`,
        )
      },
      { critical: false },
    )
  }

  // Production: the build the host's bundler makes, then the refusals of the workflow from `next start`
  // on the scenario's database (slow: CI, or on request).
  if (!withNextBuild) {
    console.log(
      `\n(${host.name}: next build and the production check skipped: set HOST_APP_NEXT_BUILD=1, or CI=true)`,
    )
    return
  }
  const built = await step(
    `${host.name}: next build (${host.bundler})`,
    async () => {
      await runOrFail(
        bin('next'),
        ['build', ...(host.bundler === 'webpack' ? ['--webpack'] : [])],
        {
          cwd: appDir,
          env: appEnv({
            DATABASE_URI: databaseOf('build'),
            NODE_OPTIONS: '--no-deprecation --max-old-space-size=4096',
          }),
          timeoutMs: minutes(20),
        },
      )
      expect(
        fs.existsSync(path.join(appDir, '.next/BUILD_ID')),
        'next build wrote no .next/BUILD_ID',
      )
      const manifest = fs.readFileSync(
        path.join(appDir, '.next/app-path-routes-manifest.json'),
        'utf8',
      )
      expect(manifest.includes('/admin/[[...segments]]'), 'the build has no admin route')
      return true
    },
    { critical: false },
  )
  if (!built || !scenarioPassed) return
  await step(
    `${host.name}: refusals in production (next start)`,
    async () => {
      const port = host.name === 'localized' ? 3241 : 3242
      const server = startServer(bin('next'), ['start', '-p', String(port)], {
        cwd: appDir,
        env: appEnv({
          DATABASE_URI: databaseOf('enabled'),
          NODE_ENV: 'production',
          NODE_OPTIONS: '--no-deprecation',
        }),
      })
      try {
        const deadline = Date.now() + 90_000
        for (;;) {
          const answer = await fetch(`http://127.0.0.1:${port}/api/${host.slugs.users}/me`).catch(
            () => undefined,
          )
          if (answer?.ok) break
          expect(
            Date.now() < deadline,
            `next start did not answer within 90 s:\n${tail(server.output(), 30)}`,
          )
          await new Promise((resolve) => setTimeout(resolve, 500))
        }
        await productionRefusals(host, port)
      } catch (error) {
        if (error instanceof StepFailure)
          throw new StepFailure(
            `${error.message}\n--- next start ---\n${tail(server.output(), 30)}`,
          )
        throw error
      } finally {
        server.stop()
      }
    },
    { critical: false },
  )
}

// ---------------------------------------------------------------------------------------------------
// The run

const main = async () => {
  const only = process.argv.slice(2)
  const chosen = only.length > 0 ? hosts.filter((host) => only.includes(host.name)) : hosts
  if (chosen.length === 0)
    throw new Error(
      `no such host: ${only.join(', ')} (hosts: ${hosts.map((host) => host.name).join(', ')})`,
    )
  console.log(
    `host-app: payload-newsroom in strangers' apps (${chosen.map((host) => host.name).join(', ')})${withNextBuild ? ', with next build' : ''}`,
  )
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-host-app-'))
  const packDir = path.join(workDir, 'pack')
  fs.mkdirSync(packDir)

  // The tarball npm would publish (prepack builds dist/).
  let tarball: string | undefined
  try {
    tarball = await step('pack', async () => {
      const { stdout } = await runOrFail('npm', ['pack', '--pack-destination', packDir, '--json'], {
        cwd: repoRoot,
        timeoutMs: minutes(5),
      })
      const json = stdout.slice(stdout.search(/^\[/m))
      const [packed] = JSON.parse(json) as {
        entryCount?: number
        filename: string
        files?: unknown[]
      }[]
      const file = path.join(packDir, path.basename(packed.filename))
      expect(
        fs.existsSync(file),
        `npm pack reported ${packed.filename}, which is not in ${packDir}`,
      )
      console.log(
        `  ${path.basename(file)}: ${(fs.statSync(file).size / 1024).toFixed(1)} kB, ${packed.entryCount ?? packed.files?.length} files`,
      )
      return file
    })
  } catch (error) {
    if (!(error instanceof HostStopped)) throw error
  }
  for (const host of tarball ? chosen : []) {
    try {
      await runHost(host, tarball!)
    } catch (error) {
      if (!(error instanceof HostStopped)) throw error
      console.log(`\n(${host.name}: stopped after “${error.message}” failed)`)
    }
  }
  await summaryAndExit()
}

main().catch(async (error) => {
  console.error(error)
  if (running) killGroup(running)
  await cleanUp()
  process.exit(1)
})
