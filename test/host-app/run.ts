/**
 * "Works in a stranger's app" (issue 15, parts 3 and 5): packs payload-newsroom as npm would publish
 * it, installs the tarball into a separate Payload 3.90.1 + Next 16 app (test/host-app/fixture/,
 * copied to a temporary directory) and checks what that app sees: the import map and generated
 * types, the publish guarantee through its own route handlers under renamed slugs and the host's
 * own auth collection, and the same app with the plugin disabled (schema kept, behaviour skipped).
 * In CI (CI=true) or with HOST_APP_NEXT_BUILD=1 it also runs `next build` of the app.
 *
 *   npm run test:host-app          # node --no-deprecation --import tsx test/host-app/run.ts
 *   KEEP_HOST_APP=1 npm run test:host-app   # keep the temporary app to look around
 *
 * The install needs the npm registry. Every child process has a timeout; on any failure the runner
 * prints the step's name and the tail of its output, and exits 1.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')
const fixtureSource = path.join(here, 'fixture')

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
const baseEnv = (): Env => {
  const env: Env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$)/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue
    env[key] = value
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', PAYLOAD_SECRET: 'host-app-fixture-secret-not-for-production' }
}

const run = (command: string, args: string[], { cwd, echo = false, env = baseEnv(), timeoutMs }: RunOptions): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
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
      reject(new StepFailure(`${command} ${args.join(' ')} timed out after ${seconds(timeoutMs)}`, output))
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

const runOrFail = async (command: string, args: string[], options: RunOptions): Promise<RunResult> => {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new StepFailure(`${path.basename(command)} ${args.join(' ')} exited with ${result.code}`, result.output, options.echo)
  }
  return result
}

// ---------------------------------------------------------------------------------------------------
// Steps: timed, printed; a failing step names itself and shows the tail of its output

type StepRecord = { critical: boolean; ms: number; name: string; ok: boolean }
const steps: StepRecord[] = []
/** The scenario's failed checks (its `✗` lines), repeated in the summary. */
const failedChecks: string[] = []
const startedAt = Date.now()
let workDir: string | undefined

const tail = (text: string, lines = 60) => text.trimEnd().split('\n').slice(-lines).join('\n')

const cleanUp = () => {
  if (!workDir || !fs.existsSync(workDir)) return
  if (keep) {
    console.log(`\nKEEP_HOST_APP=1: the app is kept in ${workDir}`)
    return
  }
  fs.rmSync(workDir, { force: true, recursive: true })
}

const summaryAndExit = (): never => {
  cleanUp()
  const failed = steps.filter((step) => !step.ok)
  if (failedChecks.length > 0) console.log(`\nFailed checks:\n${failedChecks.join('\n')}`)
  const timings = steps.map((step) => `${step.name} ${seconds(step.ms)}${step.ok ? '' : ' ✗'}`).join(', ')
  console.log(
    `\nhost-app: ${failed.length === 0 ? 'PASSED' : `FAILED (${failed.map((step) => step.name).join(', ')})`} in ${seconds(Date.now() - startedAt)}: ${timings}`,
  )
  process.exit(failed.length === 0 ? 0 : 1)
}

/**
 * Runs one step. A critical step's failure ends the run (later steps need what it makes); any other
 * step's failure is recorded and the run goes on, so one run reports every problem.
 */
const step = async <T>(name: string, body: () => Promise<T>, { critical = true } = {}): Promise<T | undefined> => {
  console.log(`\n▶ ${name}`)
  const started = Date.now()
  try {
    const value = await body()
    const ms = Date.now() - started
    steps.push({ critical, ms, name, ok: true })
    console.log(`✓ ${name} (${seconds(ms)})`)
    return value
  } catch (error) {
    const ms = Date.now() - started
    steps.push({ critical, ms, name, ok: false })
    const message = error instanceof Error ? error.message : String(error)
    console.log(`✗ ${name} failed after ${seconds(ms)}: ${message}`)
    if (error instanceof StepFailure && error.echoed) {
      const lines = error.output.split('\n').filter((line) => /^\s*✗ /.test(line))
      failedChecks.push(...(lines.length > 0 ? lines : [`✗ ${message}, with no failed check printed`]).map((line) => `  ${name}: ${line.trim()}`))
    } else if (error instanceof StepFailure && error.output.trim()) {
      console.log(`--- last lines of its output ---\n${tail(error.output)}\n---`)
    } else if (!(error instanceof StepFailure) && error instanceof Error && error.stack) {
      console.log(error.stack)
    }
    if (critical) summaryAndExit()
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
    cleanUp()
    process.exit(130)
  })
}

// ---------------------------------------------------------------------------------------------------
// What the app's generated files must say

/** The body of `export interface Name { … }` in the generated types, or undefined. */
const interfaceBody = (types: string, name: string): string | undefined =>
  new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}\\n`).exec(types)?.[1]

const checkImportMap = (file: string) => {
  expect(fs.existsSync(file), `${file} was not written`)
  const text = fs.readFileSync(file, 'utf8')
  for (const entry of [
    'payload-newsroom/client#ArticlePanel',
    'payload-newsroom/client#DisclaimerVersionNotice',
    'payload-newsroom/rsc#NewsroomDesk',
    '@payloadcms/plugin-seo/client#OverviewComponent',
  ]) {
    expect(text.includes(`"${entry}"`), `the import map has no "${entry}"`)
  }
  // Every component the import map takes from us must be exported by the installed entry it names.
  const appDir = path.resolve(path.dirname(file), '../../..')
  const packageDir = path.join(appDir, 'node_modules/payload-newsroom')
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  for (const entry of ['client', 'rsc']) {
    const named = [...text.matchAll(new RegExp(`import \\{ (\\w+) as \\w+ \\} from 'payload-newsroom/${entry}'`, 'g'))].map((match) => match[1]!)
    expect(named.length > 0, `the import map imports nothing from payload-newsroom/${entry}`)
    const source = fs.readFileSync(path.join(packageDir, manifest.exports[`./${entry}`].import), 'utf8')
    const missing = named.filter((name) => !new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}`).test(source))
    expect(missing.length === 0, `payload-newsroom/${entry} does not export ${missing.join(', ')}`)
  }
}

const checkTypes = (file: string) => {
  expect(fs.existsSync(file), `${file} was not written`)
  const types = fs.readFileSync(file, 'utf8')
  const collections = /collections: \{\n([\s\S]*?)\n {2}\};/.exec(types)?.[1] ?? ''
  for (const [slug, name] of [
    ['staff', 'Staff'],
    ['pages', 'Page'],
    ['news', 'News'],
    ['desks', 'Desk'],
    ['notices', 'Notice'],
    ['wires', 'Wire'],
    ["'news-audit'", 'NewsAudit'],
  ]) {
    expect(new RegExp(`^ {4}${slug}: ${name};$`, 'm').test(collections), `Config.collections has no ${slug}: ${name}`)
  }
  for (const slug of ['users', 'articles', 'sections', 'disclaimers', 'sources', "'workflow-events'"]) {
    expect(!new RegExp(`^ {4}${slug}:`, 'm').test(collections), `Config.collections still has our default slug ${slug}`)
  }
  const staff = interfaceBody(types, 'Staff') ?? ''
  expect(/^ {2}displayName: string;$/m.test(staff), 'interface Staff has no displayName: string (the host’s field)')
  expect(/^ {2}roles: \('admin' \| 'editor' \| 'writer' \| 'ingest'\)\[\];$/m.test(staff), 'interface Staff has no roles field (the plugin’s)')
  expect(/^ {2}email: string;$/m.test(staff), 'interface Staff is not an auth collection (no email)')
  const page = interfaceBody(types, 'Page') ?? ''
  expect(/^ {2}title: string;$/m.test(page) && /^ {2}slug: string;$/m.test(page), 'interface Page lacks title or slug')
  const news = interfaceBody(types, 'News') ?? ''
  expect(/^ {2}meta\?: \{$/m.test(news), 'interface News has no meta group (the SEO plugin’s)')
  expect(/^ {2}appliedDisclaimers\?:/m.test(news), 'interface News has no appliedDisclaimers')
  expect(/^ {2}section: number \| Desk;$/m.test(news), 'interface News does not relate to desks')
  return types
}

// ---------------------------------------------------------------------------------------------------
// The run

const main = async () => {
  console.log(`host-app: payload-newsroom in a stranger's app${withNextBuild ? ' (with next build)' : ''}`)
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-host-app-'))
  const packDir = path.join(workDir, 'pack')
  const appDir = path.join(workDir, 'app')
  const dataDir = path.join(appDir, '.data')
  fs.mkdirSync(packDir)

  // a. The tarball npm would publish (prepack builds dist/).
  const tarball = (await step('pack', async () => {
    const { stdout } = await runOrFail('npm', ['pack', '--pack-destination', packDir, '--json'], { cwd: repoRoot, timeoutMs: minutes(5) })
    const json = stdout.slice(stdout.search(/^\[/m))
    const [packed] = JSON.parse(json) as { entryCount?: number; filename: string; files?: unknown[] }[]
    const file = path.join(packDir, path.basename(packed.filename))
    expect(fs.existsSync(file), `npm pack reported ${packed.filename}, which is not in ${packDir}`)
    console.log(`  ${path.basename(file)}: ${(fs.statSync(file).size / 1024).toFixed(1)} kB, ${packed.entryCount ?? packed.files?.length} files`)
    return file
  }))!

  // b. The stranger's app, installing the tarball.
  await step('install', async () => {
    fs.cpSync(fixtureSource, appDir, {
      filter: (source) => !/(^|\/)(node_modules|\.next|\.data|payload-types\.ts|next-env\.d\.ts|tsconfig\.tsbuildinfo)$|\.sqlite/.test(path.relative(fixtureSource, source)),
      recursive: true,
    })
    const manifestFile = path.join(appDir, 'package.json')
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
    manifest.dependencies['payload-newsroom'] = `file:${tarball}`
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
    fs.mkdirSync(dataDir)
    await runOrFail('npm', ['install', '--no-audit', '--no-fund'], { cwd: appDir, timeoutMs: minutes(15) })
    const installed = JSON.parse(fs.readFileSync(path.join(appDir, 'node_modules/payload-newsroom/package.json'), 'utf8'))
    const payloadVersion = JSON.parse(fs.readFileSync(path.join(appDir, 'node_modules/payload/package.json'), 'utf8')).version
    expect(!fs.existsSync(path.join(appDir, 'node_modules/payload-newsroom/src')), 'the installed package holds sources (src/)')
    console.log(`  installed payload-newsroom ${installed.version} beside payload ${payloadVersion} in ${appDir}`)
  })

  const bin = (name: string) => path.join(appDir, 'node_modules/.bin', name)
  const appEnv = (extra: Env = {}): Env => ({
    ...baseEnv(),
    DATABASE_URI: `file:${path.join(dataDir, 'generate.sqlite')}`,
    NODE_OPTIONS: nodeOptions,
    ...extra,
  })
  const importMapFile = path.join(appDir, 'app/(payload)/admin/importMap.js')
  const typesFile = path.join(appDir, 'payload-types.ts')

  // c. The app's own codegen sees our components and collections, beside its own and the SEO plugin's.
  await step('generate', async () => {
    // Removed first: a generator that exits 0 having written nothing must not pass on an old file.
    fs.rmSync(importMapFile, { force: true })
    fs.rmSync(typesFile, { force: true })
    await runOrFail(bin('payload'), ['generate:importmap'], { cwd: appDir, env: appEnv(), timeoutMs: minutes(3) })
    checkImportMap(importMapFile)
    await runOrFail(bin('payload'), ['generate:types'], { cwd: appDir, env: appEnv(), timeoutMs: minutes(3) })
    checkTypes(typesFile)
    console.log('  import map names payload-newsroom/client#ArticlePanel; types hold staff (displayName + roles), pages, news (+ SEO meta)')
  })

  // Part 5: the same app with the plugin disabled generates the same types and import map.
  await step(
    'generate (disabled)',
    async () => {
      const enabledTypes = fs.readFileSync(typesFile, 'utf8')
      const enabledImportMap = fs.readFileSync(importMapFile, 'utf8')
      try {
        fs.rmSync(importMapFile, { force: true })
        fs.rmSync(typesFile, { force: true })
        await runOrFail(bin('payload'), ['generate:types'], { cwd: appDir, env: appEnv({ NEWSROOM_DISABLED: '1' }), timeoutMs: minutes(3) })
        await runOrFail(bin('payload'), ['generate:importmap'], { cwd: appDir, env: appEnv({ NEWSROOM_DISABLED: '1' }), timeoutMs: minutes(3) })
        expect(fs.existsSync(typesFile) && fs.existsSync(importMapFile), 'payload generate:types/importmap wrote nothing with NEWSROOM_DISABLED=1')
        const disabledTypes = fs.readFileSync(typesFile, 'utf8')
        fs.writeFileSync(path.join(dataDir, 'payload-types.disabled.ts'), disabledTypes)
        expect(disabledTypes === enabledTypes, `the generated types differ with NEWSROOM_DISABLED=1 (kept as ${path.join(dataDir, 'payload-types.disabled.ts')})`)
        expect(fs.readFileSync(importMapFile, 'utf8') === enabledImportMap, 'the import map differs with NEWSROOM_DISABLED=1')
        console.log(`  identical generated types (${enabledTypes.length} characters) and import map`)
      } finally {
        fs.writeFileSync(typesFile, enabledTypes)
        fs.writeFileSync(importMapFile, enabledImportMap)
      }
    },
    { critical: false },
  )

  // The package's declarations, as the stranger's TypeScript sees them (config, routes, scenario).
  await step('typecheck', () => runOrFail(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: appDir, env: appEnv(), timeoutMs: minutes(5) }), {
    critical: false,
  })

  // The plugin's own source against the stranger's generated types (its slugs, its locales, its users):
  // a host that compiles the source (a monorepo, path mapping) must not trip on a cast of ours.
  await step(
    'plugin source against the host types',
    async () => {
      fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true })
      const checkDir = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'host-types-'))
      try {
        fs.copyFileSync(typesFile, path.join(checkDir, 'payload-types.ts'))
        fs.writeFileSync(
          path.join(checkDir, 'tsconfig.json'),
          JSON.stringify({ extends: '../../tsconfig.json', include: ['../../src/**/*.ts', '../../src/**/*.tsx', '../../collections/**/*.ts', 'payload-types.ts'] }),
        )
        await runOrFail(path.join(repoRoot, 'node_modules/.bin/tsc'), ['--noEmit', '-p', checkDir], { cwd: repoRoot, env: process.env, timeoutMs: minutes(5) })
      } finally {
        fs.rmSync(checkDir, { force: true, recursive: true })
      }
    },
    { critical: false },
  )

  // d. The scenario, run by the app's own tsx so that it resolves the installed tarball.
  const scenario = (mode: 'disabled' | 'enabled') =>
    step(
      `scenario (${mode})`,
      () =>
        runOrFail('node', ['--no-deprecation', '--import', 'tsx', 'scenario.ts'], {
          cwd: appDir,
          echo: true,
          env: appEnv({
            DATABASE_URI: `file:${path.join(dataDir, `${mode}.sqlite`)}`,
            HOST_APP_SCHEMA_OUT: path.join(dataDir, `schema-${mode}.json`),
            ...(mode === 'disabled' ? { NEWSROOM_DISABLED: '1' } : {}),
          }),
          timeoutMs: minutes(5),
        }),
      { critical: false },
    )
  await scenario('enabled')
  await scenario('disabled')

  await step(
    'database schema (disabled)',
    async () => {
      const read = (mode: string) => {
        const file = path.join(dataDir, `schema-${mode}.json`)
        expect(fs.existsSync(file), `the ${mode} scenario wrote no schema (${file})`)
        return JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; sql: null | string; type: string }[]
      }
      const [enabled, disabled] = [read('enabled'), read('disabled')]
      const key = (entry: { name: string; sql: null | string; type: string }) => `${entry.type} ${entry.name}: ${entry.sql}`
      const enabledKeys = new Set(enabled.map(key))
      const disabledKeys = new Set(disabled.map(key))
      const onlyEnabled = [...enabledKeys].filter((entry) => !disabledKeys.has(entry))
      const onlyDisabled = [...disabledKeys].filter((entry) => !enabledKeys.has(entry))
      expect(
        onlyEnabled.length === 0 && onlyDisabled.length === 0,
        `the SQLite schema Payload pushed differs with NEWSROOM_DISABLED=1:\n  only enabled: ${onlyEnabled.join('\n    ') || '—'}\n  only disabled: ${onlyDisabled.join('\n    ') || '—'}`,
      )
      const count = (type: string) => enabled.filter((entry) => entry.type === type).length
      console.log(`  identical SQLite schema: ${count('table')} tables, ${count('index')} indexes`)
    },
    { critical: false },
  )

  // e. The admin compiles in production mode (slow: CI, or on request).
  if (withNextBuild) {
    await step(
      'next build',
      async () => {
        await runOrFail(bin('next'), ['build'], {
          cwd: appDir,
          env: appEnv({ DATABASE_URI: `file:${path.join(dataDir, 'build.sqlite')}`, NODE_OPTIONS: '--no-deprecation --max-old-space-size=4096' }),
          timeoutMs: minutes(20),
        })
        expect(fs.existsSync(path.join(appDir, '.next/BUILD_ID')), 'next build wrote no .next/BUILD_ID')
        const manifest = fs.readFileSync(path.join(appDir, '.next/app-path-routes-manifest.json'), 'utf8')
        expect(manifest.includes('/admin/[[...segments]]'), 'the build has no admin route')
      },
      { critical: false },
    )
  } else {
    console.log('\n(next build skipped: set HOST_APP_NEXT_BUILD=1, or CI=true)')
  }

  // f.
  summaryAndExit()
}

main().catch((error) => {
  console.error(error)
  if (running) killGroup(running)
  cleanUp()
  process.exit(1)
})
