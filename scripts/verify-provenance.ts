/**
 * `npm run verify-provenance -- <article page URL | provenance URL | evidence pack file>`: checks
 * every signature and link of an article's provenance chain and, for a live article, recomputes
 * the hashes from its public view. Prints the first mismatch first; exits 1 on any, 0 when all hold.
 */
import type { JSONWebKeySet } from 'jose'

import { JSDOM } from 'jsdom'
import { readFile } from 'node:fs/promises'
import { verifyProvenanceChain } from 'payload-newsroom/rules'
import type { ChainEntry, ViewForProvenance } from 'payload-newsroom/types'

import { parseCommandLine } from './commandLine.ts'

const { positionals, values } = parseCommandLine({
  allowPositionals: true,
  description:
    "Verifies an article's signed provenance chain (docs/provenance.md): each manifest's Ed25519 signature against the site's key set, the chain's order and links, and, for a live article, that its public view is what the last manifest signed. Given an evidence pack (a file), verifies every chain in it.",
  options: { keys: { type: 'string' } },
  usage: [
    '  npm run verify-provenance -- http://localhost:3000/fr/articles/<slug>',
    '  npm run verify-provenance -- http://localhost:3000/api/articles/<id>/provenance',
    '  npm run verify-provenance -- evidence.json [--keys <key set URL or file>]',
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

let failed = 0
for (const target of positionals) {
  try {
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
