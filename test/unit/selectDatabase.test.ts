import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest'

import { openAppDatabase } from '../../host/database/openAppDatabase'
import {
  decideDatabase,
  type EmbeddedState,
  type MongodLookup,
  readEmbeddedState,
} from '../../host/database/selectDatabase'

const noMongod = async (): Promise<MongodLookup> => ({
  found: false,
  reason: 'getaddrinfo ENOTFOUND',
})
const aMongod = async (): Promise<MongodLookup> => ({
  found: true,
  path: '/opt/mongodb/bin/mongod',
})

const decide = (
  args: Partial<{
    embeddedState: EmbeddedState
    mode: 'auto' | 'mongodb' | 'postgres' | 'sqlite'
    uri: string
  }>,
  findMongod = noMongod,
) => decideDatabase({ embeddedState: 'none', findMongod, mode: 'auto', ...args })

describe('database selection rules', () => {
  it('takes MongoDB, PostgreSQL or SQLite from DATABASE_URI by scheme', async () => {
    await expect(decide({ uri: 'postgres://db.internal:5432/news' })).resolves.toMatchObject({
      kind: 'postgres',
      url: 'postgres://db.internal:5432/news',
    })
    await expect(decide({ uri: 'postgresql://db.internal/news' })).resolves.toMatchObject({
      kind: 'postgres',
    })
    await expect(decide({ uri: 'mongodb://db.internal:27017/news' })).resolves.toMatchObject({
      kind: 'mongodb',
      url: 'mongodb://db.internal:27017/news',
    })
    await expect(decide({ uri: 'mongodb+srv://cluster.example/news' })).resolves.toMatchObject({
      kind: 'mongodb',
    })
    await expect(decide({ uri: 'file:./local.sqlite' })).resolves.toMatchObject({ kind: 'sqlite' })
  })

  it('rejects an unknown scheme and names the accepted ones', async () => {
    await expect(decide({ uri: 'mysql://localhost/news' })).rejects.toThrow(
      /unsupported scheme "mysql:".*mongodb:\/\/, mongodb\+srv:\/\/, postgres:\/\/, postgresql:\/\/, file:/,
    )
  })

  it('forces PostgreSQL on the local server without DATABASE_URI, saying so', async () => {
    await expect(decide({ mode: 'postgres' })).resolves.toMatchObject({
      kind: 'postgres',
      reason: expect.stringMatching(/PAYLOAD_DATABASE=postgres/),
      url: 'postgres://postgres@127.0.0.1:5432/newsroom',
    })
  })

  it('refuses a forced mode that contradicts DATABASE_URI', async () => {
    await expect(decide({ mode: 'sqlite', uri: 'mongodb://localhost/news' })).rejects.toThrow(
      /contradicts/,
    )
  })

  it('embeds MongoDB when a mongod can be had, SQLite otherwise, saying why', async () => {
    await expect(decide({}, aMongod)).resolves.toMatchObject({
      kind: 'mongodb',
      mongodBinary: '/opt/mongodb/bin/mongod',
    })
    await expect(decide({})).resolves.toEqual({
      kind: 'sqlite',
      reason: 'mongod unavailable: getaddrinfo ENOTFOUND',
    })
  })

  it('fails with the reason when MongoDB is forced and no mongod can be had', async () => {
    await expect(decide({ mode: 'mongodb' })).rejects.toThrow(
      /PAYLOAD_DATABASE=mongodb but no mongod: getaddrinfo ENOTFOUND/,
    )
  })

  it('keeps the embedded database that .data/ already holds', async () => {
    // SQLite is kept even when a mongod has since become available…
    await expect(decide({ embeddedState: 'sqlite' }, aMongod)).resolves.toMatchObject({
      kind: 'sqlite',
      reason: expect.stringMatching(/^kept/),
    })
    await expect(decide({ embeddedState: 'mongodb' }, aMongod)).resolves.toMatchObject({
      kind: 'mongodb',
      reason: expect.stringMatching(/^kept/),
    })
    // …and embedded MongoDB data is never silently swapped for an empty SQLite database.
    await expect(decide({ embeddedState: 'mongodb' })).rejects.toThrow(
      /\.data\/mongodb holds the embedded MongoDB/,
    )
    await expect(decide({ embeddedState: 'both' }, aMongod)).rejects.toThrow(/both/)
  })

  it('rejects an unknown PAYLOAD_DATABASE', async () => {
    const { parseDatabaseMode } = await import('../../host/database/selectDatabase')
    expect(() => parseDatabaseMode('mysql')).toThrow(/use one of: auto, mongodb, postgres, sqlite/)
    expect(parseDatabaseMode('postgres')).toBe('postgres')
    expect(parseDatabaseMode(undefined)).toBe('auto')
  })
})

describe('the app database on disk', () => {
  const projectRoot = path.join(inject('testDatabase').scratchDir, `app-${process.pid}`)

  beforeEach(() => {
    // A mongod path that does not exist makes "no mongod" quick and certain on any machine.
    vi.stubEnv('MONGOMS_SYSTEM_BINARY', path.join(projectRoot, 'no-such-mongod'))
    vi.stubEnv('DATABASE_URI', '')
    vi.stubEnv('PAYLOAD_DATABASE', '')
    fs.mkdirSync(projectRoot, { recursive: true })
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    fs.rmSync(projectRoot, { force: true, recursive: true })
  })

  it('falls back to .data/newsroom.sqlite with one line that says why, then keeps it', async () => {
    const first = await openAppDatabase(projectRoot)
    expect(first.kind).toBe('sqlite')
    expect(first.description).toMatch(
      /^database: sqlite \(\.data\/newsroom\.sqlite\); mongod unavailable: .*no-such-mongod/,
    )
    expect(first.url).toMatch(/^file:\/\/.*\/\.data\/newsroom\.sqlite$/)

    fs.writeFileSync(path.join(projectRoot, '.data', 'newsroom.sqlite'), '')
    expect(readEmbeddedState(path.join(projectRoot, '.data'))).toBe('sqlite')
    const second = await openAppDatabase(projectRoot)
    expect(second.description).toBe(
      'database: sqlite (.data/newsroom.sqlite); kept: .data/ already holds the embedded SQLite database',
    )
  })

  it('hides credentials of DATABASE_URI in the startup line', async () => {
    vi.stubEnv('DATABASE_URI', 'mongodb://newsroom:s3cret@db.internal:27017/news')
    const opened = await openAppDatabase(projectRoot)
    expect(opened.description).toBe(
      'database: mongodb (mongodb://newsroom:***@db.internal:27017/news); from DATABASE_URI',
    )
  })
})
