import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * A new Ed25519 key set as JSON (`{"keys":[<private JWK>]}`), for `NEWSROOM_PROVENANCE_KEYS`: what
 * `npm run provenance:key` prints, and the key the test runs and the demo's development data use.
 */
export const newProvenanceKeySet = (prefix: string): string => {
  const { privateKey } = generateKeyPairSync('ed25519')
  const key = {
    ...privateKey.export({ format: 'jwk' }),
    alg: 'EdDSA',
    kid: `${prefix}-${randomBytes(6).toString('hex')}`,
  }
  return JSON.stringify({ keys: [key] })
}

/**
 * The demo's provenance keys (docs/provenance.md). `NEWSROOM_PROVENANCE_KEYS` when set, and always in
 * production (the plugin refuses to start without it). In development, one key kept in
 * `.data/provenance-keys.json` (git-ignored), so what `npm run seed` signs still verifies under
 * `npm run dev` after a restart; never a key for production.
 */
export const demoProvenanceKeys = (
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined => {
  if (env.NEWSROOM_PROVENANCE_KEYS || env.NODE_ENV === 'production') {
    return undefined
  }
  const file = path.resolve(projectRoot, '.data/provenance-keys.json')
  try {
    return readFileSync(file, 'utf8')
  } catch {
    mkdirSync(path.dirname(file), { recursive: true })
    try {
      // `wx`: a second process starting at the same moment keeps the first one's key.
      writeFileSync(file, newProvenanceKeySet('development'), { flag: 'wx', mode: 0o600 })
    } catch {
      // Written meanwhile by another process: read below.
    }
    return readFileSync(file, 'utf8')
  }
}
