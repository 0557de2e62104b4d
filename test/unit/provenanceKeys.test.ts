import type { Payload } from 'payload'

import { afterEach, describe, expect, it } from 'vitest'

import type { NewsroomPluginOptions } from 'payload-newsroom'
import { resolveOptions } from 'payload-newsroom/rules'
import {
  generateProvenanceKey,
  loadProvenanceKeys,
  parseProvenanceKeys,
} from 'payload-newsroom/server'

/** A Payload as the key loader sees it: the plugin's options and a logger that keeps what it said. */
const appWith = (provenance: NewsroomPluginOptions['provenance']) => {
  const warnings: string[] = []
  const payload = {
    config: { custom: { newsroom: resolveOptions({ provenance }) } },
    logger: { info: () => {}, warn: (message: string) => warnings.push(message) },
  } as unknown as Payload
  return { payload, warnings }
}

/** `process.env.NODE_ENV` is typed read-only; the loader reads it at each call. */
const setEnvironment = (value: string) => Object.assign(process.env, { NODE_ENV: value })

describe('provenance keys', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('production without a private key refuses to start; its build does not', async () => {
    delete process.env.NEWSROOM_PROVENANCE_KEYS
    setEnvironment('production')
    await expect(loadProvenanceKeys(appWith({}).payload)).rejects.toThrow(
      /no signing key\. Set NEWSROOM_PROVENANCE_KEYS/,
    )
    // A public key alone cannot sign either.
    const { d: _private, ...publicOnly } = await generateProvenanceKey('old')
    await expect(loadProvenanceKeys(appWith({ keys: [publicOnly] }).payload)).rejects.toThrow(
      /no signing key/,
    )
    process.env.NEXT_PHASE = 'phase-production-build'
    const built = appWith({})
    expect((await loadProvenanceKeys(built.payload)).keys).toHaveLength(1)
  })

  it('development signs with a generated key and says so; the served set never holds a private part', async () => {
    delete process.env.NEWSROOM_PROVENANCE_KEYS
    setEnvironment('development')
    const { payload, warnings } = appWith({})
    const keySet = await loadProvenanceKeys(payload)
    expect(keySet.keys).toHaveLength(1)
    expect(keySet.keys[0]).not.toHaveProperty('d')
    expect(keySet.keys[0].kid).toMatch(/^development-/)
    expect(warnings).toEqual([expect.stringContaining('will not verify once it ends')])
    // Once per configuration.
    await loadProvenanceKeys(payload)
    expect(warnings).toHaveLength(1)
  })

  it('reads the environment variable, and refuses keys that are not Ed25519 JWKs with a kid', async () => {
    const key = await generateProvenanceKey('env')
    process.env.NEWSROOM_PROVENANCE_KEYS = JSON.stringify({ keys: [key] })
    expect((await loadProvenanceKeys(appWith({}).payload)).keys[0].kid).toBe(key.kid)
    expect(() => parseProvenanceKeys('{not json')).toThrow(/not JSON/)
    expect(() => parseProvenanceKeys({ keys: [{ ...key, crv: 'P-256', kty: 'EC' }] })).toThrow(
      /not an Ed25519 JWK/,
    )
    expect(() => parseProvenanceKeys([{ ...key, kid: '</script>' }])).toThrow(/needs a kid/)
    expect(() => parseProvenanceKeys([{ ...key, kid: undefined }])).toThrow(/needs a kid/)
  })
})
