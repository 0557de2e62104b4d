import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'

import {
  chainProblems,
  type ChainEntry,
  manifestMediaType,
  type ProvenanceManifest,
  type ViewForProvenance,
  viewProblems,
} from './provenanceRules.ts'
import { isRecord } from '../utilities/values.ts'

/** What the verifier concludes of one article's chain. */
export type ChainVerdict = {
  /** The signed manifests, in chain order (those whose signature verified). */
  manifests: ProvenanceManifest[]
  /** Every mismatch found, the first one first; empty when the chain and the view hold. */
  problems: string[]
}

const decoder = new TextDecoder()

/**
 * Checks one article's chain as its provenance endpoint or an evidence pack serves it: every
 * signature against the key set (Ed25519 only), every served manifest against its signed payload,
 * the order and the links, and, given the public view, that readers are served what the last
 * manifest signed. Pure: the caller fetches the chain, the keys and the view.
 */
export const verifyProvenanceChain = async ({
  articleID,
  entries,
  keys,
  view,
}: {
  articleID?: string
  entries: ChainEntry[]
  keys: JSONWebKeySet
  view?: null | ViewForProvenance
}): Promise<ChainVerdict> => {
  if (entries.length === 0) {
    return { manifests: [], problems: ['the chain is empty: no publication was signed'] }
  }
  const keySet = createLocalJWKSet(keys)
  const signed: ProvenanceManifest[] = []
  for (const [index, entry] of entries.entries()) {
    try {
      const { payload, protectedHeader } = await compactVerify(String(entry.jws), keySet, {
        algorithms: ['EdDSA'],
      })
      if (protectedHeader.typ !== manifestMediaType) {
        throw new Error(`its type is ${String(protectedHeader.typ)}`)
      }
      const manifest: unknown = JSON.parse(decoder.decode(payload))
      if (!isRecord(manifest)) {
        throw new Error('its payload is not an object')
      }
      signed.push(manifest as ProvenanceManifest)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      // Nothing after a forged link can be trusted to be in order: stop at the first.
      return {
        manifests: signed,
        problems: [`manifest ${index + 1}: the signature does not verify (${reason})`],
      }
    }
  }
  const problems = chainProblems(entries, signed, articleID)
  if (view) {
    problems.push(...viewProblems(signed[signed.length - 1], view))
  }
  return { manifests: signed, problems }
}
