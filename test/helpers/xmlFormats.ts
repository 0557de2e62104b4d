/**
 * Validates generated feeds and sitemaps against their formats: libxml2's xmllint (as WASM) with
 * the schemas in test/formats and the sitemap package's sitemaps.org schema, plus the few rules a
 * schema cannot say, checked here on the parsed document.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm'
import { create } from 'xmlbuilder2'

export type XmlFormat = 'atom' | 'newsSitemap' | 'rss' | 'sitemap' | 'sitemapIndex'

type Schema = { extension: 'relaxng' | 'schema'; main: XMLFileInfo; preload: XMLFileInfo[] }

const atomNs = 'http://www.w3.org/2005/Atom'
const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9'

/** sitemaps.org: at most 50,000 URLs (or sitemaps) and 50 MB uncompressed per file. */
const maxSitemapEntries = 50_000
const maxSitemapBytes = 50 * 1024 * 1024
/** Google News: at most 1,000 URLs per news sitemap. */
const maxNewsUrls = 1_000

const ownFile = async (name: string): Promise<XMLFileInfo> => ({
  contents: await readFile(new URL(`../formats/${name}`, import.meta.url), 'utf8'),
  fileName: name,
})

const sitemapXsd = async (): Promise<XMLFileInfo> => {
  const packageJson = createRequire(import.meta.url).resolve('sitemap/package.json')
  return {
    contents: await readFile(path.join(path.dirname(packageJson), 'schema', 'sitemap.xsd'), 'utf8'),
    fileName: 'sitemap.xsd',
  }
}

const loaders: Record<XmlFormat, () => Promise<Schema>> = {
  atom: async () => ({ extension: 'relaxng', main: await ownFile('atom.rng'), preload: [] }),
  // The wrapper imports both namespaces by these file names, so they are preloaded under them.
  newsSitemap: async () => ({
    extension: 'schema',
    main: await ownFile('sitemap-with-news.xsd'),
    preload: await Promise.all([sitemapXsd(), ownFile('sitemap-news.xsd')]),
  }),
  rss: async () => ({ extension: 'relaxng', main: await ownFile('rss2.rng'), preload: [] }),
  sitemap: async () => ({ extension: 'schema', main: await sitemapXsd(), preload: [] }),
  sitemapIndex: async () => ({
    extension: 'schema',
    main: await ownFile('siteindex.xsd'),
    preload: [],
  }),
}

// Read once per test process: every feed test validates several documents.
const schemas = new Map<XmlFormat, Promise<Schema>>()
const schemaOf = (format: XmlFormat) => {
  if (!schemas.has(format)) schemas.set(format, loaders[format]())
  return schemas.get(format)!
}

const childElements = (parent: Element, ns: string, localName: string): Element[] =>
  [...parent.childNodes]
    .filter((node): node is Element => node.nodeType === 1)
    .filter((element) => element.namespaceURI === ns && element.localName === localName)

/** RFC 4287 rules stated in prose only (sections 4.1.1 and 4.1.2), which atom.rng leaves to us. */
const atomRules = (feed: Element): string[] => {
  const problems: string[] = []
  const feedHasAuthor = childElements(feed, atomNs, 'author').length > 0
  childElements(feed, atomNs, 'entry').forEach((entry, index) => {
    const label = `atom:entry ${index + 1}`
    const sourceHasAuthor = childElements(entry, atomNs, 'source').some(
      (source) => childElements(source, atomNs, 'author').length > 0,
    )
    if (!feedHasAuthor && !sourceHasAuthor && childElements(entry, atomNs, 'author').length === 0) {
      problems.push(
        `${label} has no atom:author, and neither has its atom:source nor the atom:feed (RFC 4287, 4.1.2)`,
      )
    }
    const alternate = childElements(entry, atomNs, 'link').some(
      (link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate',
    )
    if (childElements(entry, atomNs, 'content').length === 0 && !alternate) {
      problems.push(
        `${label} has neither atom:content nor a link with rel="alternate" (RFC 4287, 4.1.2)`,
      )
    }
  })
  return problems
}

/**
 * Limits the schemas leave out (a maxOccurs of 50,000 would blow up the validator's automaton), and
 * Google's rule that each URL of a news sitemap carries its news:news.
 */
const sitemapRules = (root: Element, format: XmlFormat, bytes: number): string[] => {
  const problems: string[] = []
  if (bytes > maxSitemapBytes)
    problems.push(`the file is ${bytes} bytes; the sitemap protocol allows ${maxSitemapBytes}`)
  const entryName = format === 'sitemapIndex' ? 'sitemap' : 'url'
  const entries = childElements(root, sitemapNs, entryName)
  const limit = format === 'newsSitemap' ? maxNewsUrls : maxSitemapEntries
  if (entries.length > limit)
    problems.push(`${entries.length} <${entryName}> elements; at most ${limit} allowed`)
  if (format === 'newsSitemap') {
    entries.forEach((url, index) => {
      if (childElements(url, newsNs, 'news').length !== 1)
        problems.push(`url ${index + 1} needs exactly one news:news element`)
    })
  }
  return problems
}

/**
 * The problems of `xml` as a document of `format`, each with its line when xmllint gives one; empty
 * when the document is valid.
 */
export const validateXml = async (xml: string, format: XmlFormat): Promise<string[]> => {
  const schema = await schemaOf(format)
  const result = await validateXML({
    extension: schema.extension,
    // The default 32 MiB ceiling is too low for a sitemap near the protocol's 50 MB; memory grows only as needed.
    maxMemoryPages: memoryPages.GiB,
    preload: schema.preload,
    schema: schema.main,
    xml: { contents: xml, fileName: `${format}.xml` },
  })
  const problems = result.errors
    // xmllint echoes the offending source line under a parser error, then a caret: the caret says nothing here.
    .filter((error) => error.rawMessage.trim() !== '' && !/^\s*\^\s*$/.test(error.rawMessage))
    .map(({ loc, message, rawMessage }) =>
      loc && Number.isFinite(loc.lineNumber)
        ? `line ${loc.lineNumber}: ${message}`
        : rawMessage.trim(),
    )
  // A document that is not well-formed gets no further checks: its tree would be a guess.
  if (problems.some((problem) => /parser error/.test(problem))) return problems

  let root: Element | null
  try {
    // xmlbuilder2 parses into its own DOM, which implements the standard interfaces used here.
    root = (create(xml).node as unknown as Document).documentElement
  } catch (error) {
    return [
      ...problems,
      `not checked beyond the schema, xmlbuilder2 could not parse it: ${(error as Error).message}`,
    ]
  }
  if (!root) return problems
  if (format === 'atom') problems.push(...atomRules(root))
  if (format !== 'atom' && format !== 'rss')
    problems.push(...sitemapRules(root, format, Buffer.byteLength(xml, 'utf8')))
  return problems
}
