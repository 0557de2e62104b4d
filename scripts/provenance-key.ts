/**
 * `npm run provenance:key`: prints a new Ed25519 key set for `NEWSROOM_PROVENANCE_KEYS`. With
 * `--rotate`, the current one (from that variable) follows the new key as a public key only, so
 * what it signed still verifies while only the new key signs (docs/provenance.md, "Keys").
 */
import { parseProvenanceKeys } from 'payload-newsroom/server'

import { newProvenanceKeySet } from '../host/provenanceKeys.ts'
import { parseCommandLine } from './commandLine.ts'

const { values } = parseCommandLine({
  description:
    'Prints a key set (JSON) for NEWSROOM_PROVENANCE_KEYS holding a new private Ed25519 key. --rotate keeps the current keys of NEWSROOM_PROVENANCE_KEYS after it, public parts only.',
  options: { rotate: { type: 'boolean' } },
  usage: '  npm run provenance:key [-- --rotate]',
})

const fresh = JSON.parse(newProvenanceKeySet('newsroom')) as { keys: object[] }
const current = values.rotate
  ? parseProvenanceKeys(process.env.NEWSROOM_PROVENANCE_KEYS ?? '{"keys":[]}').map(
      ({ crv, kid, kty, x }) => ({ alg: 'EdDSA', crv, kid, kty, x }),
    )
  : []
console.log(JSON.stringify({ keys: [...fresh.keys, ...current] }))
