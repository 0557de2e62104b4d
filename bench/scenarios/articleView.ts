import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'

import type { BenchInstance } from '../environment'
import type { QueryLog } from '../queryLog'
import type { NewsroomReferences } from './seed'

import { syntheticArticleData } from '../../seed/synthetic'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadArticleView } from 'payload-newsroom/server'
import { fixtures } from '../../test/helpers/fixtures'
import { measureInterleaved, type Timing } from '../stats'
import { benchRandomSeed } from './seed'

/**
 * Disclaimers, corrections and images (a featured one, the rest in the body) per article: the
 * render-ready read must not cost more as they grow.
 */
export type ViewShape = { corrections: number; disclaimers: number; images: number }
export const viewShapes: readonly ViewShape[] = [
  { corrections: 0, disclaimers: 1, images: 0 },
  { corrections: 0, disclaimers: 3, images: 0 },
  { corrections: 0, disclaimers: 6, images: 0 },
  { corrections: 5, disclaimers: 1, images: 0 },
  { corrections: 5, disclaimers: 3, images: 0 },
  { corrections: 5, disclaimers: 3, images: 6 },
  { corrections: 5, disclaimers: 6, images: 0 },
]

type ViewArticle = ViewShape & { id: number | string; slug: string }

export const shapeLabel = ({ corrections, disclaimers, images }: ViewShape) =>
  `${disclaimers} disclaimer${disclaimers === 1 ? '' : 's'}, ${corrections} corrections${images ? `, featured image and ${images - 1} body images` : ''}`

/** Images of the newsroom's own, drawn here, with alt text and a credit. */
const createImages = async (payload: Payload, count: number) => {
  const ids: (number | string)[] = []
  for (let index = 0; index < count; index++) {
    const data = await sharp({
      create: {
        background: { b: 40 * index, g: 120, r: 200 },
        channels: 3,
        height: 900,
        width: 1600,
      },
    })
      .png()
      .toBuffer()
    const image = await payload.create({
      collection: 'media',
      data: { alt: `Illustration ${index + 1}`, credit: 'Rédaction' } as never,
      file: {
        data,
        mimetype: 'image/png',
        name: `bench-view-${process.pid}-${index}.png`,
        size: data.length,
      },
      locale: 'fr',
    })
    ids.push(image.id)
  }
  return ids
}

/**
 * One published syndicated French article per shape, in the feed's section, with a synthetic body
 * of realistic length: the third-party disclaimer the rules require, then approved regulatory ones.
 */
export const createViewArticles = async (
  payload: Payload,
  references: NewsroomReferences,
): Promise<ViewArticle[]> => {
  const make = fixtures(payload)
  const regulatory = []
  for (let index = 0; index < 5; index++) {
    regulatory.push((await make.disclaimer({ kind: 'regulatory' })).id)
  }
  const disclaimerIDs = [references.disclaimers.get('third-party-content')!, ...regulatory]
  const [sample] = syntheticArticleData({
    count: 1,
    randomSeed: benchRandomSeed,
    references: {
      disclaimerIDs,
      sectionIDs: [...references.sections.values()],
      sourceIDs: [...references.sources.values()],
    },
  })
  const images = await createImages(payload, Math.max(...viewShapes.map((shape) => shape.images)))
  const articles: ViewArticle[] = []
  for (const shape of viewShapes) {
    const slug = `bench-view-${shape.disclaimers}-${shape.corrections}-${shape.images}`
    const shown = images.slice(0, shape.images)
    const body = sample!.body as { root: { children: unknown[] } }
    const article = await make.article({
      _status: 'published',
      attribution: {
        originalUrl: `https://horizon-presse.example/depeches/${slug}`,
        source: references.sources.get('agence-horizon')!,
        sourceItemId: `${slug}-${process.pid}`,
      },
      body: shown.length
        ? {
            ...body,
            root: {
              ...body.root,
              children: [
                ...body.root.children,
                ...shown.slice(1).map((value) => ({
                  fields: null,
                  format: '',
                  relationTo: 'media',
                  type: 'upload',
                  value,
                  version: 3,
                })),
              ],
            },
          }
        : body,
      corrections: Array.from({ length: shape.corrections }, (_, index) => ({
        text: `Correction numéro ${index + 1}.`,
        type: 'correction',
      })),
      disclaimers: disclaimerIDs.slice(0, shape.disclaimers),
      featuredImage: shown[0],
      origin: 'syndicated',
      section: references.sections.get('monde')!,
      slug,
      standfirst: sample!.standfirst,
    })
    articles.push({ ...shape, id: article.id, slug })
  }
  return articles
}

export type ViewRead = 'findByID' | 'GraphQL' | 'Local' | 'REST' | 'REST findByID'

import { fullViewSelection } from '../../test/helpers/readSelections'
/** Each read and the anchor it is held to: the same surface's bare `findByID`. */
export const viewAnchors = { Local: 'findByID', REST: 'REST findByID' } as const
export type ViewResult = ViewShape & { timings: Record<ViewRead, Timing> }

/**
 * The render-ready read of each article through the Local API (`loadArticleView` for an anonymous
 * request) and through the REST handler of `/api/articles/view/fr/:slug`, each against its surface's
 * anchor: a bare `findByID` of the same article at depth 0 (Local API, or `GET /api/articles/:id`).
 * All cases run interleaved in one measurement.
 */
export const runViewScenario = async ({
  articles,
  instance,
  measureOptions,
  queryLog,
}: {
  articles: ViewArticle[]
  instance: BenchInstance
  measureOptions: { repetitions: number; warmup: number }
  queryLog: QueryLog
}): Promise<{ queries: Record<ViewRead, string[]>; results: ViewResult[] }> => {
  const { graphql, payload, rest } = instance
  const options = pluginOptionsOf(payload.config)
  const reads = (article: ViewArticle): Record<ViewRead, () => Promise<unknown>> => ({
    findByID: () => payload.findByID({ id: article.id, collection: 'articles', depth: 0 }),
    Local: async () =>
      loadArticleView(await createLocalReq({}, payload), options, {
        language: 'fr',
        slug: article.slug,
      }),
    REST: async () => {
      const { body, status } = await rest.get(`/articles/view/fr/${article.slug}`)
      // A view that lost a disclaimer or a correction would be cheaper and wrong: check both.
      const images = (body.article?.featuredImage ? 1 : 0) + (body.article?.bodyImages?.length ?? 0)
      if (
        status !== 200 ||
        body.article.disclaimers.length !== article.disclaimers ||
        body.article.corrections.length !== article.corrections ||
        images !== article.images
      ) {
        throw new Error(
          `view of ${article.slug} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`,
        )
      }
      return body
    },
    GraphQL: async () => {
      const { body, status } = await graphql(
        `query View($slug: String!) { ArticleView(language: "fr", slug: $slug) { ${fullViewSelection} } }`,
        {
          variables: { slug: article.slug },
        },
      )
      if (
        status !== 200 ||
        body.errors ||
        body.data.ArticleView.article.disclaimers.length !== article.disclaimers
      ) {
        throw new Error(
          `GraphQL view of ${article.slug} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`,
        )
      }
      return body.data.ArticleView
    },
    'REST findByID': async () => {
      const { body, status } = await rest.get(`/articles/${article.id}`, { query: { depth: '0' } })
      if (status !== 200) {
        throw new Error(
          `GET /articles/${article.id} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`,
        )
      }
      return body
    },
  })

  // The typed GraphQL view must be the REST view, field for field, before either is timed.
  for (const article of articles) {
    const [restView, graphView] = [await reads(article).REST(), await reads(article).GraphQL()]
    if (JSON.stringify(restView) !== JSON.stringify(graphView)) {
      throw new Error(`the GraphQL and REST views of ${article.slug} differ`)
    }
  }
  const cases: Record<string, () => Promise<unknown>> = {}
  for (const article of articles) {
    for (const [read, run] of Object.entries(reads(article))) {
      cases[`${read} ${article.slug}`] = run
    }
  }
  const timings = await measureInterleaved(cases, { ...measureOptions, queryCount: queryLog.count })

  const heaviest = reads(articles[articles.length - 1]!)
  const queries = {} as Record<ViewRead, string[]>
  for (const read of ['findByID', 'GraphQL', 'Local', 'REST', 'REST findByID'] as const) {
    queries[read] = await queryLog.capture(heaviest[read])
  }
  const results = articles.map(({ corrections, disclaimers, images, slug }) => ({
    corrections,
    disclaimers,
    images,
    timings: {
      findByID: timings[`findByID ${slug}`]!,
      GraphQL: timings[`GraphQL ${slug}`]!,
      Local: timings[`Local ${slug}`]!,
      REST: timings[`REST ${slug}`]!,
      'REST findByID': timings[`REST findByID ${slug}`]!,
    },
  }))
  return { queries, results }
}
