/**
 * Runs a command (next dev, next start, the Payload CLI) against the selected database:
 * resolves it, starts the embedded MongoDB when that is the choice, prints the one line that says
 * which database and why, passes it on as DATABASE_URI, and stops the embedded server on exit.
 *
 *   node --import tsx scripts/with-database.ts [--migrate] <command> [args…]
 *
 * `--migrate` (npm start) first applies the committed migrations (scripts/migrate.ts).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { openAppDatabase } from '../host/database/openAppDatabase'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const run = (command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })

const main = async () => {
  const args = process.argv.slice(2)
  const migrateFirst = args[0] === '--migrate'
  const [command, ...commandArgs] = migrateFirst ? args.slice(1) : args
  if (!command) {
    console.error('usage: with-database.ts [--migrate] <command> [args…]')
    process.exit(2)
  }

  const database = await openAppDatabase(projectRoot)
  console.log(database.description)
  // Lexical 0.50's plain Node entry picks its build with a top-level await that Node 20 sometimes
  // leaves unsettled (the process exits 13, or Payload's generators write nothing): Node processes we
  // start (the Payload CLI, scripts) load the build for their mode directly. Next bundles its own.
  const lexicalBuild = (mode: string | undefined) =>
    `--conditions=${mode === 'production' ? 'production' : 'development'}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: database.url,
    NEWSROOM_DATABASE_ANNOUNCED: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' '),
  }

  let code = 0
  if (migrateFirst) {
    const script = (name: string) => ['--import', 'tsx', path.join(projectRoot, 'scripts', name)]
    const embedded = database.kind === 'sqlite' && !process.env.DATABASE_URI?.trim()
    code = await run(process.execPath, [lexicalBuild('production'), ...script('migrate.ts')], {
      ...env,
      NEWSROOM_EMBEDDED_DATABASE: embedded ? '1' : '',
      NODE_ENV: 'production',
    })
    if (code === 3) {
      // The embedded file `npm run dev` pushed: bring it up to date by the same push.
      code = await run(
        process.execPath,
        [lexicalBuild('development'), ...script('push-schema.ts')],
        { ...env, NODE_ENV: 'development' },
      )
    }
  }
  if (code === 0) {
    // A project tool (next, payload) from node_modules/.bin, otherwise the command as given (node).
    const local = path.join(projectRoot, 'node_modules', '.bin', command)
    const commandEnv =
      command === 'payload'
        ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS} ${lexicalBuild(process.env.NODE_ENV)}` }
        : env
    code = await run(fs.existsSync(local) ? local : command, commandArgs, commandEnv)
  }
  await database.stop()
  process.exit(code)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error)
  process.exit(1)
})
