/**
 * Migrations for both SQL engines at once, each generated against a scratch database of its own:
 *
 *   npm run migrate:create -- <name>   writes host/migrations/{sqlite,postgres}/<date>_<name>.ts
 *   npm run migrate:check              fails when the schema changed without a migration (CI)
 *
 * PostgreSQL comes from POSTGRES_ADMIN_URI (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { migrationDir } from '../host/database/adapter'
import { parseCommandLine } from './commandLine'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const adminUri = process.env.POSTGRES_ADMIN_URI ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const usage =
  '  npm run migrate:create -- <name>   (letters, digits, _ and -)\n  npm run migrate:check'
const { positionals } = parseCommandLine({
  allowPositionals: true,
  description:
    'Writes a migration for SQLite and PostgreSQL at once, or fails when the schema changed without one.',
  options: {},
  usage,
})
const [mode, name] = positionals
if (
  (mode !== 'create' && mode !== 'check') ||
  (mode === 'create' && !/^[a-z0-9_-]+$/i.test(name ?? '')) ||
  positionals.length > (mode === 'create' ? 2 : 1)
) {
  console.error(`usage:\n${usage}`)
  process.exit(2)
}

const withAdmin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUri, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Runs `payload migrate:create` in production mode (no schema push) against a scratch database. */
const createMigration = (kind: 'postgres' | 'sqlite', databaseUri: string) => {
  const args = [
    'migrate:create',
    mode === 'create' ? name : 'schema-check',
    ...(mode === 'check' ? ['--skip-empty'] : []),
  ]
  const result = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'payload'), args, {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URI: databaseUri,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation --conditions=production',
      PAYLOAD_SECRET: 'migrations',
    },
    timeout: 120_000,
  })
  if (result.status !== 0) {
    throw new Error(`payload migrate:create (${kind}) failed:\n${result.stdout}\n${result.stderr}`)
  }
}

const filesIn = (dir: string) => new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : [])

const indexFile = (kind: 'postgres' | 'sqlite') =>
  path.join(migrationDir(projectRoot, kind), 'index.ts')

const main = async () => {
  const before = {
    postgres: filesIn(migrationDir(projectRoot, 'postgres')),
    sqlite: filesIn(migrationDir(projectRoot, 'sqlite')),
  }
  // Payload lists every new migration in index.ts: the check puts the lists back as they were.
  const readIndex = (kind: 'postgres' | 'sqlite') =>
    fs.existsSync(indexFile(kind)) ? fs.readFileSync(indexFile(kind), 'utf8') : ''
  const indexes = { postgres: readIndex('postgres'), sqlite: readIndex('sqlite') }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migrations-'))
  const database = `newsroom_migrations_${process.pid}`
  try {
    createMigration('sqlite', `file:${path.join(scratch, 'scratch.sqlite')}`)
    await withAdmin(`CREATE DATABASE ${database}`)
    const databaseUri = new URL(adminUri)
    databaseUri.pathname = `/${database}`
    createMigration('postgres', databaseUri.href)
  } finally {
    fs.rmSync(scratch, { force: true, recursive: true })
    await withAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  }
  const added = (['sqlite', 'postgres'] as const).flatMap((kind) =>
    [...filesIn(migrationDir(projectRoot, kind))]
      .filter((file) => !before[kind].has(file))
      .map((file) => path.join('host/migrations', kind, file)),
  )
  if (mode === 'create') {
    console.log(
      added.length ? `created:\n  ${added.join('\n  ')}` : 'no schema changes: nothing created',
    )
    return
  }
  if (added.length) {
    for (const file of added) fs.rmSync(path.join(projectRoot, file), { force: true })
    for (const kind of ['postgres', 'sqlite'] as const)
      fs.writeFileSync(indexFile(kind), indexes[kind])
    console.error(
      'The schema changed without a migration: run `npm run migrate:create -- <name>` and commit host/migrations.',
    )
    process.exit(1)
  }
  console.log('migrations: the committed migrations match the schema (SQLite and PostgreSQL)')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
