/**
 * `npm run verify-provenance -- <article page URL | provenance URL | evidence pack file>`: checks
 * every signature and link of an article's provenance chain and, for a live article, recomputes
 * the hashes from its public view. Prints the first mismatch first; exits 1 on any, 0 when all hold.
 */
import type { JSONWebKeySet } from 'jose'

import { JSDOM } from 'jsdom'
import { readFile } from 'node:fs/promises'
import { verifyProvenanceChain } from 'payload-newsroom/rules'
import { readContentCredentials } from 'payload-newsroom/server'
import type { ChainEntry, ViewForProvenance } from 'payload-newsroom/types'

import { parseCommandLine } from './commandLine.ts'

const { positionals, values } = parseCommandLine({
  allowPositionals: true,
  description:
    "Verifies an article's signed provenance chain (docs/provenance.md): each manifest's Ed25519 signature against the site's key set, the chain's order and links, and, for a live article, that its public view is what the last manifest signed. Given an evidence pack (a file), verifies every chain in it. Given an image (JPEG, PNG), checks its C2PA content credentials (signature, data hash, and with --trust the signer's certificate chain).",
  options: { keys: { type: 'string' }, trust: { type: 'string' } },
  usage: [
    '  npm run verify-provenance -- http://localhost:3000/fr/articles/<slug>',
    '  npm run verify-provenance -- http://localhost:3000/api/articles/<id>/provenance',
    '  npm run verify-provenance -- evidence.json [--keys <key set URL or file>]',
    '  npm run verify-provenance -- photo.jpg|<image URL> [--trust <CA certificates, PEM file>]',
    '  (several URLs or files: each is checked)',
  ].join('\n'),
})
if (positionals.length === 0) {
  console.error('Give article URLs or files (--help for more).')
  process.exit(2)
}

/** W3C PROV-AQ's relation, as the article page's head names its chain. */
const provenanceRelation = 'http://www.w3.org/ns/prov#has_provenance'
const keysPath = '/.well-known/newsroom-keys.json'

const fetchText = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'application/json, text/html' } })
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`)
  }
  return { text: await response.text(), type: response.headers.get('content-type') ?? '' }
}
const fetchJson = async (url: string): Promise<any> => JSON.parse((await fetchText(url)).text)

const readKeys = async (given: string): Promise<JSONWebKeySet> =>
  /^https?:\/\//.test(given) ? await fetchJson(given) : JSON.parse(await readFile(given, 'utf8'))

type Checked = { article: string; entries: ChainEntry[]; view?: null | ViewForProvenance }

/** The chain (and the public view) an article URL leads to: its page's link, or the chain itself. */
const fromUrl = async (url: string): Promise<{ checks: Checked[]; keys: JSONWebKeySet }> => {
  let chainUrl = url
  const first = await fetchText(url)
  if (first.type.includes('html')) {
    const link = new JSDOM(first.text).window.document.querySelector(
      `link[rel="${provenanceRelation}"]`,
    )
    if (!link?.getAttribute('href')) {
      throw new Error(`${url} names no provenance (no <link rel="${provenanceRelation}">)`)
    }
    chainUrl = new URL(link.getAttribute('href')!, url).href
  }
  const chain = chainUrl === url ? JSON.parse(first.text) : await fetchJson(chainUrl)
  // The site's own key set, else the one the chain names (the CMS's endpoint).
  const keys = values.keys
    ? await readKeys(String(values.keys))
    : await fetchJson(new URL(keysPath, url).href).catch(() =>
        fetchJson(new URL(chain.keys, chainUrl).href),
      )
  const view = chain.view ? (await fetchJson(new URL(chain.view, chainUrl).href)).article : null
  return { checks: [{ article: String(chain.article), entries: chain.manifests, view }], keys }
}

/** An evidence pack, or a saved chain, from a file: the pack's keys unless others are given. */
const fromFile = async (path: string): Promise<{ checks: Checked[]; keys: JSONWebKeySet }> => {
  const document = JSON.parse(await readFile(path, 'utf8'))
  const keys = values.keys ? await readKeys(String(values.keys)) : document.keys
  if (!keys || typeof keys !== 'object' || !Array.isArray(keys.keys)) {
    throw new Error(`${path} holds no key set: give one with --keys`)
  }
  const articles: { article: string; manifests: ChainEntry[] }[] =
    document.type === 'newsroom-evidence/1' ? document.articles : [document]
  return {
    checks: articles.map((entry) => ({ article: String(entry.article), entries: entry.manifests })),
    keys,
  }
}

/** An image's bytes, for a target whose path names a JPEG or PNG; null for anything else. */
const imageBytes = async (target: string): Promise<null | Uint8Array> => {
  const web = /^https?:\/\//.test(target)
  if (!/\.(jpe?g|png)$/i.test(web ? new URL(target).pathname : target)) {
    return null
  }
  if (!web) {
    return new Uint8Array(await readFile(target))
  }
  const response = await fetch(target)
  if (!response.ok) {
    throw new Error(`${target} answered ${response.status}`)
  }
  return new Uint8Array(await response.arrayBuffer())
}

/** An image's C2PA credentials: valid, and trusted when `--trust` names the authorities. */
const checkImage = async (target: string, bytes: Uint8Array): Promise<boolean> => {
  const trustAnchors = values.trust ? await readFile(String(values.trust), 'utf8') : undefined
  const reading = await readContentCredentials(bytes, { trustAnchors })
  if (reading.state === 'none') {
    console.log(`✗ image ${target}: no C2PA content credentials`)
    return false
  }
  if (reading.state === 'invalid' || reading.trusted === false) {
    console.log(
      `✗ image ${target}: ${reading.state === 'invalid' ? `invalid (${reading.problems.join(', ')})` : `signed by ${reading.signer}, whom --trust does not vouch for`}`,
    )
    return false
  }
  console.log(
    `✓ image ${target}: C2PA credentials hold (signature and data hash), signed by ${reading.signer} with ${reading.generator}${reading.trusted ? ', a chain --trust vouches for' : ' (trust not checked: give --trust)'}`,
  )
  return true
}

let failed = 0
for (const target of positionals) {
  try {
    const image = await imageBytes(target)
    if (image) {
      failed += (await checkImage(target, image)) ? 0 : 1
      continue
    }
    const { checks, keys } = /^https?:\/\//.test(target)
      ? await fromUrl(target)
      : await fromFile(target)
    for (const check of checks) {
      const verdict = await verifyProvenanceChain({
        articleID: check.article,
        entries: check.entries,
        keys,
        view: check.view,
      })
      const last = verdict.manifests.at(-1)
      if (verdict.problems.length === 0) {
        console.log(
          `✓ article ${check.article}: ${verdict.manifests.length} manifest(s), signatures and links hold${check.view ? ', the public view is what the last one signed' : ''} (last: ${last?.event} at ${last?.issuedAt})`,
        )
      } else {
        failed += 1
        console.log(`✗ article ${check.article}: ${verdict.problems.length} problem(s)`)
        for (const problem of verdict.problems) console.log(`  - ${problem}`)
      }
    }
  } catch (error) {
    failed += 1
    console.log(`✗ ${target}: ${(error as Error).message}`)
  }
}
process.exit(failed === 0 ? 0 : 1)
