import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { BenchInstance } from '../environment'
import type { QueryLog } from '../queryLog'
import type { NewsroomReferences } from './seed'
import {
  ingestFingerprint,
  itemBodyToLexical,
  pluginOptionsOf,
  readNinjsItem,
} from 'payload-newsroom/rules'
type ID = number | string

/** One pass of items: wall time and the statements sent, split into reads and writes. */
export type IngestPass = {
  items: number
  ms: number
  reads: number
  runRecordWrites: number
  statements: number
  writes: number
}

export type IngestResult = {
  /** The items once more, unchanged: what a re-delivered feed costs. */
  again: IngestPass
  /** Items per API call. */
  batch: number
  /** The items through `POST /api/articles/ingest` as an ingest client, into a `review` source. */
  first: IngestPass
  /** The same articles (same fields, body already converted) through plain Local API creates. */
  localCreates: IngestPass
  /**
   * The same creates on the same database with the plugin `disabled` (its schema, none of its
   * hooks): Payload's own create path, the floor under any ingest that goes through it.
   */
  payloadCreates: IngestPass
  /** The statements of one more item through the API alone, and of one more plain create. */
  queries: Record<string, string[]>
}

// Payload's `delete from payload_locked_documents where false` (sent around every write) changes no row.
const isWrite = (statement: string) =>
  /^\s*(insert|update|delete|replace)\b/i.test(statement) && !/\bwhere false\s*$/i.test(statement)
/** The run's own record (its log), told apart from the items' writes by its table. */
const isRunRecordWrite = (statement: string) =>
  isWrite(statement) && /newsroom_ingest_runs/i.test(statement)

/** Synthetic ninjs items of realistic size: a headline, a standfirst and six paragraphs under two headings. */
const ninjsItems = (count: number, run: string) =>
  Array.from({ length: count }, (_, index) => ({
    body_html: [
      '<h2>Les faits</h2>',
      ...Array.from(
        { length: 3 },
        (_, paragraph) =>
          `<p>Paragraphe ${paragraph + 1} de la dépêche ${index}, avec les chiffres et les citations attendus d'une agence de presse.</p>`,
      ),
      '<h2>Le contexte</h2>',
      ...Array.from(
        { length: 3 },
        (_, paragraph) =>
          `<p>Contexte ${paragraph + 1} : ce que l'on sait, ce qui reste à confirmer, et qui l'a dit.</p>`,
      ),
    ].join(''),
    by: 'Bench Robot',
    description_text: `Le résumé de la dépêche ${index}.`,
    headline: `Dépêche de charge ${run} numéro ${index}`,
    language: 'fr',
    links: [{ href: `https://horizon-presse.example/bench/${run}/${index}`, rel: 'canonical' }],
    pubstatus: 'usable',
    uri: `urn:bench:${run}:${index}`,
    version: '1',
    versioncreated: '2026-11-28T08:00:00Z',
  }))

/** Runs `work` and returns its wall time and the statements it sent (captured, so reads and writes can be told apart). */
const measurePass = async (
  queryLog: QueryLog,
  items: number,
  work: () => Promise<void>,
): Promise<IngestPass> => {
  const started = performance.now()
  const statements = await queryLog.capture(work)
  const ms = performance.now() - started
  const writes = statements.filter(isWrite).length
  return {
    items,
    ms,
    reads: statements.length - writes,
    runRecordWrites: statements.filter(isRunRecordWrite).length,
    statements: statements.length,
    writes,
  }
}

const createIngestSource = async (
  payload: Payload,
  references: NewsroomReferences,
  user: ID,
  slug: string,
) =>
  payload.create({
    collection: 'sources',
    data: {
      category: 'wire',
      creditLine: 'Horizon Presse',
      defaultDisclaimers: [references.disclaimers.get('third-party-content')!],
      ingest: {
        defaultLanguage: 'fr',
        defaultSection: references.sections.get('monde')!,
        publishPolicy: 'review',
        user,
      },
      name: slug,
      slug,
    } as never,
  })

/**
 * Ingest throughput: `count` ninjs items through the ingest API in batches, the same items again
 * (unchanged: reads only, no article written), and the same articles through plain Local API
 * creates, in the same run on the same database.
 */
export const runIngestScenario = async ({
  batch,
  count,
  disabled,
  instance,
  queryLog,
  references,
}: {
  batch: number
  count: number
  disabled: BenchInstance
  instance: BenchInstance
  queryLog: QueryLog
  references: NewsroomReferences
}): Promise<IngestResult> => {
  const { payload, rest } = instance
  const email = `bench-ingest-${process.pid}@newsroom.test`
  const password = 'bench-ingest-password-1'
  // The first account of a newsroom is made an admin: make that one first.
  if ((await payload.count({ collection: 'users' })).totalDocs === 0) {
    await payload.create({
      collection: 'users',
      data: {
        email: `bench-admin-${process.pid}@newsroom.test`,
        name: 'Bench admin',
        password,
        roles: ['admin'],
      } as never,
    })
  }
  const user = await payload.create({
    collection: 'users',
    data: { email, name: 'Bench ingest', password, roles: ['ingest'] } as never,
  })
  const token = await rest.login(email, password)
  const run = String(Date.now())
  const source = await createIngestSource(payload, references, user.id, `bench-wire-${run}`)
  const items = ninjsItems(count, run)

  const throughApi = async () => {
    for (let start = 0; start < items.length; start += batch) {
      const response = await rest.post('/articles/ingest', {
        body: { format: 'ninjs', items: items.slice(start, start + batch), source: source.slug },
        token,
      })
      if (response.status !== 200)
        throw new Error(`ingest answered ${response.status}: ${response.text.slice(0, 300)}`)
    }
  }
  const first = await measurePass(queryLog, count, throughApi)
  const again = await measurePass(queryLog, count, throughApi)

  // The articles the ingest made, field for field, created directly (another source: item IDs are unique per source).
  const options = pluginOptionsOf(payload.config)
  const plainSource = await createIngestSource(payload, references, user.id, `bench-plain-${run}`)
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
  const prepared = items.map((raw) => {
    const { item } = readNinjsItem(raw)
    return {
      attribution: {
        ingestFingerprint: ingestFingerprint(item!),
        originalTitle: item!.title,
        originalUrl: item!.url,
        source: plainSource.id,
        sourceItemId: item!.sourceItemId,
      },
      body: itemBodyToLexical(payload, options.collections.articles.slug as never, item!.body!, {
        baseUrl: item!.url,
      }),
      language: 'fr',
      origin: 'syndicated',
      section: references.sections.get('monde')!,
      slug: `plain-${run}-${item!.sourceItemId.split(':').at(-1)}`,
      standfirst: item!.standfirst,
      title: item!.title,
    }
  })
  const localCreates = await measurePass(queryLog, count, async () => {
    for (const data of prepared) {
      await payload.create({
        collection: 'articles',
        data: data as never,
        depth: 0,
        draft: true,
        overrideAccess: false,
        req,
        select: { id: true } as never,
      })
    }
  })
  const disabledReq = await createLocalReq(
    { user: { ...user, collection: 'users' } as never },
    disabled.payload,
  )
  const payloadCreates = await measurePass(queryLog, count, async () => {
    for (const data of prepared) {
      await disabled.payload.create({
        collection: 'articles',
        data: {
          ...data,
          attribution: {
            ...data.attribution,
            sourceItemId: `${data.attribution.sourceItemId}-off`,
          },
          slug: `${data.slug}-off`,
        } as never,
        depth: 0,
        draft: true,
        overrideAccess: false,
        req: disabledReq,
        select: { id: true } as never,
      })
    }
  })
  const [extraItem] = ninjsItems(1, `${run}-extra`)
  const [extraCreate] = prepared.splice(0, 1)
  const queries = {
    'one item through the API': await queryLog.capture(() =>
      rest.post('/articles/ingest', {
        body: { format: 'ninjs', items: [extraItem], source: source.slug },
        token,
      }),
    ),
    'one plain Local API create': await queryLog.capture(() =>
      payload.create({
        collection: 'articles',
        data: {
          ...extraCreate,
          attribution: {
            ...extraCreate!.attribution,
            sourceItemId: `${extraCreate!.attribution.sourceItemId}-extra`,
          },
          slug: `${extraCreate!.slug}-extra`,
        } as never,
        depth: 0,
        draft: true,
        overrideAccess: false,
        req,
        select: { id: true } as never,
      }),
    ),
  }
  return { again, batch, first, localCreates, payloadCreates, queries }
}
