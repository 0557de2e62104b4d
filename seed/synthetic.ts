import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { heading, lexicalDocument, paragraph } from 'payload-newsroom/server'
import { inTransaction } from 'payload-newsroom/server'
import { type SeededRandom, seededRandom } from './random'

/** Words for filler text; synthetic bodies only need a realistic length and shape. */
const vocabulary = {
  en: 'market rates bank growth report data policy energy trade crisis vote leaders talks week figures investors prices inflation climate network city region council budget strategy security technology results analysts forecast agreement'.split(
    ' ',
  ),
  fr: 'marché taux banque croissance rapport données politique énergie échanges crise vote dirigeants négociations semaine chiffres investisseurs prix inflation climat réseau ville région conseil budget stratégie sécurité technologie résultats analystes prévisions accord'.split(
    ' ',
  ),
}

const sentence = (random: SeededRandom, language: 'en' | 'fr') => {
  const words = Array.from({ length: random.int(8, 18) }, () => random.pick(vocabulary[language]))
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** A Lexical body of 300–1200 words in two to four h2 sections. */
const syntheticBody = (random: SeededRandom, language: 'en' | 'fr') => {
  const targetWords = random.int(300, 1200)
  const sections = random.int(2, 4)
  const blocks = []
  let words = 0
  for (let index = 0; index < sections; index++) {
    blocks.push(heading('h2', sentence(random, language).slice(0, 60)))
    while (words < (targetWords * (index + 1)) / sections) {
      const text = Array.from({ length: random.int(3, 6) }, () => sentence(random, language)).join(
        ' ',
      )
      words += text.split(' ').length
      blocks.push(paragraph(text))
    }
  }
  return lexicalDocument(blocks)
}

export type SyntheticReferences = {
  disclaimerIDs: (number | string)[]
  sectionIDs: (number | string)[]
  sourceIDs: (number | string)[]
}

export type SyntheticOptions = {
  count: number
  /** Index of the first article, to extend an earlier run without clashing slugs. */
  firstIndex?: number
  /** Articles per transaction: grouping writes is what makes bulk loading fast; hooks still run. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
  randomSeed: number
  references: SyntheticReferences
}

/**
 * The data of synthetic articles, a pure function of the random seed and the index range: the same
 * seed always gives the same newsroom, on any machine and any database.
 */
export function* syntheticArticleData({
  count,
  firstIndex = 0,
  randomSeed,
  references,
}: Pick<SyntheticOptions, 'count' | 'firstIndex' | 'randomSeed' | 'references'>) {
  const newest = Date.UTC(2026, 10, 1)
  for (let index = firstIndex; index < firstIndex + count; index++) {
    // One stream per article: article N is the same however a load is split into runs.
    const random = seededRandom(Math.imul(randomSeed, 0x9e3779b1) ^ index)
    const language = random.next() < 0.6 ? 'fr' : 'en'
    const syndicated = random.next() < 0.35
    const published = random.next() < 0.85
    const title = `${sentence(random, language).slice(0, 70).replace(/\.$/, '')} ${randomSeed}-${index}`
    yield {
      _status: published ? 'published' : 'draft',
      attribution: syndicated
        ? {
            originalUrl: `https://wire.example/items/${randomSeed}-${index}`,
            source: random.pick(references.sourceIDs),
            sourceItemId: `${randomSeed}-${index}`,
            // Every demo source's licence allows excerpts.
            transformation: 'excerpt',
          }
        : undefined,
      body: syntheticBody(random, language),
      disclaimers: syndicated ? references.disclaimerIDs : [],
      language,
      origin: syndicated ? 'syndicated' : 'original',
      publishedAt: published
        ? new Date(newest - random.int(0, 365 * 24 * 3600) * 1000).toISOString()
        : undefined,
      section: random.pick(references.sectionIDs),
      standfirst: sentence(random, language),
      title,
    }
  }
}

/**
 * Creates synthetic articles through the Local API with every hook on, grouped in transactions of
 * `batchSize` (the lever for bulk loading; hooks still run for each article).
 *
 * On SQLite, @libsql/client keeps the native memory of every file transaction until the process
 * ends (tursodatabase/libsql-client-ts#350, about 0.4 MB per article whatever the batch size):
 * load more than about 20,000 articles over several runs (`--first-index`).
 */
export const generateSyntheticArticles = async (payload: Payload, options: SyntheticOptions) => {
  const { batchSize = 1000, count } = options
  const created: { slug: string; title: string }[] = []
  const articles = syntheticArticleData(options)
  let done = 0
  while (done < count) {
    const req = await createLocalReq({}, payload)
    await inTransaction(req, async () => {
      for (let inBatch = 0; inBatch < batchSize && done < count; inBatch++, done++) {
        const data = articles.next().value!
        const doc = await payload.create({
          collection: 'articles',
          data: data as never,
          // Return only what the caller needs: no population of relations after each write.
          depth: 0,
          draft: data._status !== 'published',
          req,
          select: { slug: true, title: true },
        })
        created.push({ slug: doc.slug as string, title: doc.title as string })
      }
    })
    options.onProgress?.(done, count)
  }
  return created
}
