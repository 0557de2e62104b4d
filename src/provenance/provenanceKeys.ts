import type { Payload } from 'payload'

import {
  calculateJwkThumbprint,
  CompactSign,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type KeyLike,
} from 'jose'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { oncePerConfig } from '../utilities/oncePerConfig.ts'

import {
  canonicalJson,
  manifestMediaType,
  type ProvenanceManifest,
} from '../rules/provenanceRules.ts'

/** Where the keys come from when the options name none: a JWK set (`{"keys":[…]}`), as JSON. */
export const provenanceKeysVariable = 'NEWSROOM_PROVENANCE_KEYS'

export type ProvenanceSigner = {
  /** The public parts of every configured key: what `/.well-known/newsroom-keys.json` serves. */
  keySet: JSONWebKeySet
  kid: string
  privateKey: KeyLike | Uint8Array
}

const fail = (message: string): never => {
  throw new Error(`payload-newsroom provenance keys: ${message}`)
}

/** Keys as given: a JWK set, an array of JWKs or one JWK, as objects or as JSON. */
export const parseProvenanceKeys = (given: unknown): JWK[] => {
  let value = given
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return fail(`${provenanceKeysVariable} is not JSON (a JWK set, {"keys":[…]})`)
    }
  }
  const keys: unknown = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && 'keys' in value
      ? value.keys
      : [value]
  if (!Array.isArray(keys)) {
    return fail('expected a JWK set ({"keys":[…]})')
  }
  return keys.map((key, index) => {
    const jwk = key as JWK
    if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
      return fail(`key ${index + 1} is not an Ed25519 JWK (kty "OKP", crv "Ed25519")`)
    }
    if (typeof jwk.kid !== 'string' || !/^[\w.:-]{1,100}$/.test(jwk.kid)) {
      return fail(`key ${index + 1} needs a kid of letters, digits, "._:-" (at most 100)`)
    }
    return jwk
  })
}

/** A key's public part, as a key set lists it. */
const publicJwk = ({ crv, kid, kty, x }: JWK): JWK => ({
  alg: 'EdDSA',
  crv,
  kid,
  kty,
  use: 'sig',
  x,
})

/** A new Ed25519 key as a private JWK, named by its thumbprint (`npm run provenance:key`). */
export const generateProvenanceKey = async (prefix = 'newsroom'): Promise<JWK> => {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const jwk = await exportJWK(privateKey)
  return {
    ...jwk,
    alg: 'EdDSA',
    kid: `${prefix}-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`,
  }
}

const isProductionStart = () =>
  process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'

const loadSigner = async (payload: Payload, options: ResolvedNewsroomOptions) => {
  const given = options.provenance.keys ?? process.env[provenanceKeysVariable]
  let keys = given === undefined || given === '' ? [] : parseProvenanceKeys(given)
  if (!keys.some((key) => typeof key.d === 'string')) {
    if (isProductionStart()) {
      fail(
        `no signing key. Set ${provenanceKeysVariable} to a JWK set holding a private Ed25519 key (npm run provenance:key makes one), or turn provenance off.`,
      )
    }
    const generated = await generateProvenanceKey('development')
    payload.logger.warn(
      `payload-newsroom: provenance manifests are signed with a key generated for this process (${generated.kid}); they will not verify once it ends. Set ${provenanceKeysVariable} (npm run provenance:key).`,
    )
    keys = [generated, ...keys]
  }
  // The first private key signs; the others stay in the key set so what they signed still verifies.
  const signing = keys.find((key) => typeof key.d === 'string')!
  return {
    keySet: { keys: keys.map(publicJwk) },
    kid: signing.kid!,
    privateKey: await importJWK(signing, 'EdDSA'),
  }
}

/** The signer of a configuration, loaded once (a failed load is retried on the next call). */
export const provenanceSigner = oncePerConfig(loadSigner)

/** A manifest as a compact JWS: its canonical JSON, signed with Ed25519 under the signer's key ID. */
export const signManifest = async (
  signer: ProvenanceSigner,
  manifest: ProvenanceManifest,
): Promise<string> =>
  await new CompactSign(new TextEncoder().encode(canonicalJson(manifest)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: manifestMediaType })
    .sign(signer.privateKey)
