import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

import { JSDOM } from 'jsdom'
import { afterAll, describe, expect, it } from 'vitest'
import { pluginOptionsOf, readFeedItems } from 'payload-newsroom/rules'
import { pollSourceFeed } from 'payload-newsroom/server'
import { type FeedFormat } from 'payload-newsroom/types'
import { testDatabaseEnv } from '../testDatabase'
import { feedServerForSuite } from './feedServer'
import { newsroomSuite } from './newsroomSuite'

const databaseKind = () =>
  (process.env[testDatabaseEnv]
    ? JSON.parse(process.env[testDatabaseEnv]).kind
    : 'unknown') as string

/**
 * The corpus of real feeds other projects captured (test/fixtures/feeds/real, with origins and
 * licences), polled through the ingest as a newsroom's first day would: each feed served on
 * 127.0.0.1 as it was captured, read by a source with English as its default language.
 */

export type CorpusEntry = {
  encoding: string
  file: string
  format: 'atom' | 'json-feed' | 'rss'
  items: null | number
  itemsWithIdAndTitle: null | number
  /** The items an ingest creates: the same ID twice is one item. */
  distinctIdsWithTitle: null | number
  language: null | string
  malformed?: boolean
}

const corpusFolder = new URL('../fixtures/feeds/real/', import.meta.url)
export const realFeedCorpus = JSON.parse(
  readFileSync(new URL('manifest.json', corpusFolder), 'utf8'),
) as CorpusEntry[]

/** What may refuse an item (issue 32, rule 1): no ID, no title, a language we do not publish, over a size limit. */
const representableRefusals =
  /^(id: is required|id: appears twice in this batch|title: is required|language: "…" is not one of|body: is larger than)/

// Content that is not text for readers, left out of the words a body must keep.
const notText =
  'script, style, noscript, iframe, object, embed, template, svg, math, video, audio, button, select, textarea, canvas, picture, head, title'

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/** The words a reader reads in the source's HTML (or Markdown), parsed by jsdom. */
const sourceWords = (body: { format: 'html' | 'markdown'; text: string }) => {
  if (body.format === 'markdown') return wordsOf(body.text)
  const fragment = JSDOM.fragment(`<div>${body.text}</div>`)
  for (const silent of Array.from(fragment.querySelectorAll(notText))) silent.remove()
  // Block ends are word breaks; textContent alone would glue "</p><p>" neighbours together.
  for (const block of Array.from(
    fragment.querySelectorAll(
      'p, div, li, br, h1, h2, h3, h4, h5, h6, td, th, tr, blockquote, pre, figcaption, dt, dd',
    ),
  )) {
    block.append(' ')
  }
  return wordsOf(fragment.textContent ?? '')
}

// Lexical nodes that end a line; text and links inside one run on, as a reader sees them.
const lineEnds = new Set(['heading', 'linebreak', 'list', 'listitem', 'paragraph', 'quote', 'root'])

/** The text of our Lexical body, as a reader reads it. */
const lexicalWords = (node: any, parts: string[] = []): string[] => {
  if (typeof node?.text === 'string') parts.push(node.text)
  for (const child of node?.children ?? node?.root?.children ?? []) lexicalWords(child, parts)
  if (lineEnds.has(node?.type)) parts.push(' ')
  return parts
}

type FeedOutcome = {
  created: number
  file: string
  reasons: Record<string, number>
  received: number
  refused: number
  status: string
  warnings: Record<string, number>
  wordsKept: { kept: number; total: number; worstItem: number }
}

/** One test per feed of `entries`, and a summary of all of them written to .tmp/ for the closing note and docs. */
export const realFeedCorpusSuite = (name: string, entries: CorpusEntry[]) => {
  const suite = newsroomSuite()
  const feeds = feedServerForSuite()
  const outcomes: FeedOutcome[] = []

  afterAll(() => {
    mkdirSync('.tmp', { recursive: true })
    writeFileSync(
      `.tmp/real-feeds-${databaseKind()}-${name}.json`,
      JSON.stringify(outcomes, null, 1),
    )
  })

  for (const entry of entries) {
    it(`${entry.file}: every item that can be kept is created, its words in its body`, async () => {
      const { payload } = suite.newsroom
      const bytes = readFileSync(new URL(entry.file, corpusFolder))
      const path = `/${entry.file}`
      feeds().serve(
        path,
        bytes,
        entry.format === 'json-feed' ? 'application/feed+json' : 'application/xml',
      )
      const source = (await payload.create({
        collection: 'sources',
        data: {
          category: 'wire',
          creditLine: entry.file,
          ingest: {
            defaultLanguage: 'en',
            defaultSection: suite.basics.world.id,
            feed: { format: entry.format, url: feeds().url(path) },
            user: suite.staff.ingest.id,
          },
          name: entry.file,
        } as never,
        locale: 'en',
      })) as { id: number | string }

      const polled = await pollSourceFeed(payload, pluginOptionsOf(payload.config), source.id)
      expect(polled.outcome).toBe('polled')
      const run = (await payload.findByID({
        id: (polled as any).run.id,
        collection: 'newsroom-ingest-runs',
        depth: 0,
      })) as Record<string, any>
      // Nothing fails on the server, whatever the feed.
      expect(run.counts?.failed ?? 0, run.firstError).toBe(0)

      const reasons = Object.fromEntries(
        (run.reasons ?? []).map((entry: any) => [entry.reason, entry.count]),
      )
      const outcome: FeedOutcome = {
        created: run.counts.created,
        file: entry.file,
        reasons,
        received: run.counts.received,
        refused: run.counts.refused,
        status: run.status,
        warnings: Object.fromEntries(
          Object.entries(run.warningCounts ?? {}).filter(
            ([key, count]) => key !== 'id' && Number(count) > 0,
          ),
        ) as Record<string, number>,
        wordsKept: { kept: 0, total: 0, worstItem: 1 },
      }
      outcomes.push(outcome)

      if (run.status === 'failed' && run.counts.received === 0) {
        // A document that cannot be read as a whole: the run says why.
        expect(entry.malformed, `${entry.file} was refused: ${run.firstError}`).toBe(true)
        expect(run.firstError).toBeTruthy()
        return
      }
      if (!entry.malformed) expect(run.counts.received).toBe(entry.items)
      for (const reason of Object.keys(reasons))
        expect(reason, `${entry.file}: ${reason}`).toMatch(representableRefusals)
      const published = !entry.language || ['en', 'fr'].includes(entry.language)
      if (!entry.malformed)
        expect(run.counts.created, JSON.stringify(reasons)).toBe(
          published ? entry.distinctIdsWithTitle : 0,
        )

      // What was created: plain-text titles, the original's address, and the words of the source's body.
      const read = readFeedItems(
        new TextDecoder(entry.encoding).decode(bytes),
        entry.format as FeedFormat,
        { url: feeds().url(path) },
      )
      const sent = new Map(
        read.items.flatMap((result) =>
          result.item ? [[result.item.sourceItemId, result.item] as const] : [],
        ),
      )
      const { docs } = await payload.find({
        collection: 'articles',
        depth: 0,
        draft: true,
        pagination: false,
        where: { 'attribution.source': { equals: source.id } },
      })
      expect(docs.length).toBe(run.counts.created)
      for (const copy of docs as Record<string, any>[]) {
        expect(copy.title, copy.title).not.toMatch(
          /<\/?[a-z][\w-]*[\s/>]|&(#\d+|#x[\da-f]+|[a-z]+);/i,
        )
        const item = sent.get(copy.attribution.sourceItemId)
        if (!item) continue
        if (item.url) expect(copy.attribution.originalUrl).toBe(item.url)
        if (item.url) expect(copy.attribution.originalUrl).toMatch(/^https?:\/\//)
        if (!item.body) continue
        const expected = sourceWords(item.body)
        const kept = wordsOf(lexicalWords(copy.body).join(''))
        const keptCount = [...expected].filter((word) => kept.has(word)).length
        outcome.wordsKept.kept += keptCount
        outcome.wordsKept.total += expected.size
        if (expected.size > 0) {
          const ratio = keptCount / expected.size
          outcome.wordsKept.worstItem = Math.min(outcome.wordsKept.worstItem, ratio)
          expect(
            ratio,
            `${copy.attribution.sourceItemId} lost ${[...expected]
              .filter((word) => !kept.has(word))
              .slice(0, 12)
              .join(' ')}`,
          ).toBeGreaterThanOrEqual(0.98)
        }
      }
    })
  }
}

/** Part `part` of `parts` of the corpus (a test file each, so the parts run side by side). */
export const realFeedCorpusPart = (part: number, parts: number) =>
  describe(`real feeds captured by others (part ${part} of ${parts}): every item that can be represented is kept, with its words; runs tell the truth`, () => {
    realFeedCorpusSuite(
      `part${part}`,
      realFeedCorpus.filter((_, index) => index % parts === part - 1),
    )
  })
