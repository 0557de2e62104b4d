import type { CollectionSlug, PayloadRequest, TypedLocale, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { imageUses } from '../rules/imageRules.ts'
import { cmsOrigin } from './imageView.ts'
import { aiDisclosurePeople } from './aiDisclosure.ts'
import { relationID, relationIDs } from '../utilities/documentValue.ts'
import { type ArticleView, toArticleView } from './articleView.ts'
import { keepRequestLocale } from '../utilities/keepRequestLocale.ts'
import { isValidSlug } from '../utilities/formatSlug.ts'

type ID = number | string
type Doc = Record<string, any>

const byOrder = (ids: ID[], docs: Doc[]) =>
  ids.map((id) => docs.find((doc) => doc.id === id)).filter((doc): doc is Doc => Boolean(doc))

/**
 * The newest article of a language matching one more condition on its path, as the request's user
 * may read it. A URL names no article unless its language is ours and its slug could be one: nothing
 * else reaches the database (PostgreSQL refuses an unknown enum value or a NUL with an error).
 */
const findArticleAtPath = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  language: string,
  where: Where,
  slug: string,
  select?: Record<string, true>,
): Promise<Doc | undefined> => {
  if (!options.languages.includes(language) || !isValidSlug(slug)) {
    return undefined
  }
  const { docs } = await req.payload.find({
    collection: options.collections.articles.slug,
    depth: 0,
    joins: false,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    select,
    sort: '-updatedAt',
    where: { and: [{ language: { equals: language } }, where] },
  })
  return docs[0]
}

/**
 * Where the article that answered at this path before a rename lives now (see `previousSlugs`), as
 * the request's user may read it (the public: published only); undefined when none. Asked only once
 * no article holds the slug now, so a new article that takes a freed slug wins; of two that once
 * held it, the one written last.
 */
export const findMovedArticle = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  { language, slug }: { language: string; slug: string },
): Promise<{ language: string; slug: string } | undefined> => {
  const moved = await findArticleAtPath(
    req,
    options,
    language,
    { previousSlugs: { equals: slug } },
    slug,
    { language: true, slug: true },
  )
  return moved ? { language: String(moved.language), slug: String(moved.slug) } : undefined
}

/**
 * Loads an article's render-ready view for the request's user (the public sees published articles
 * only): the article, then its section, source, translations and author names in parallel (and, for
 * an unpublished article, its current disclaimers; a published one carries its snapshot). A fixed
 * number of queries, however many disclaimers, corrections or translations.
 */
export const loadArticleView = keepRequestLocale(
  async (
    req: PayloadRequest,
    options: ResolvedNewsroomOptions,
    { language, slug }: { language: string; slug: string },
    now = new Date(),
  ): Promise<ArticleView | null> => {
    const article = await findArticleAtPath(
      req,
      options,
      language,
      { slug: { equals: slug } },
      slug,
    )
    return article ? viewOfArticle(req, options, article, now) : null
  },
)

/**
 * The view of an article already read: its section, source, translations and author names loaded in
 * parallel for the request's user (and, unless it is published, its current disclaimers).
 */
export const viewOfArticle = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  now = new Date(),
): Promise<ArticleView> => {
  const { collections } = options
  const articles = collections.articles.slug
  const language = String(article.language)
  const locale: TypedLocale = language
  const disclaimerIDs = relationIDs(article.disclaimers)
  const authorIDs = relationIDs(article.byline?.authors)
  // One lookup of public names: the authors, the AI reviewer and the responsible editor.
  const peopleIDs = [...new Set([...authorIDs, ...relationIDs(aiDisclosurePeople(article))])]
  const sectionID = relationID(article.section)
  // A syndicated article's source, or the one an article of ours is based on (shown with its original URL).
  const sourceID =
    article.origin === 'syndicated' || article.attribution?.originalUrl
      ? relationID(article.attribution?.source)
      : undefined
  // The family is the original and its translations. Each lookup is a plain equality on an indexed
  // column (`translationOf` + `_status`, or the id): with an `or` or a `not_equals`, SQLite's
  // planner chose the `_status` index instead and scanned every published article.
  const originalID = relationID(article.translationOf)
  const familyOf = (where: Where) =>
    req.payload
      .find({
        collection: articles,
        depth: 0,
        joins: false,
        overrideAccess: false,
        pagination: false,
        req,
        select: { language: true, slug: true, title: true },
        where,
      })
      .then(({ docs }): Doc[] => docs)
  const loadTranslations = async (): Promise<Doc[]> => {
    const family =
      originalID === undefined
        ? await familyOf({ translationOf: { equals: article.id } })
        : (
            await Promise.all([
              familyOf({ id: { equals: originalID } }),
              familyOf({ translationOf: { equals: originalID } }),
            ])
          ).flat()
    return family.filter((doc) => doc.id !== article.id)
  }

  /** The section or source in the article's language, as the request's user may read it (else null). */
  const related = (collection: string, id: ID | undefined) =>
    id === undefined
      ? null
      : req.payload.findByID({
          id,
          collection,
          depth: 0,
          disableErrors: true,
          locale,
          overrideAccess: false,
          req,
        })

  const imageIDs = [...new Set(imageUses(article).map((use) => use.id))]
  const [section, source, disclaimers, translations, authors, images] = await Promise.all([
    related(collections.sections.slug, sectionID),
    related(collections.sources.slug, sourceID),
    // A published article shows its snapshot: no disclaimer to read.
    disclaimerIDs.length === 0 || article._status === 'published'
      ? { docs: [] }
      : req.payload.find({
          collection: collections.disclaimers.slug,
          depth: 0,
          joins: false,
          locale,
          overrideAccess: false,
          pagination: false,
          req,
          where: { id: { in: disclaimerIDs } },
        }),
    loadTranslations(),
    peopleIDs.length === 0
      ? { docs: [] }
      : // Author names (and pages) are public on the article; nothing else of the user record is read.
        req.payload.find({
          collection: collections.users.slug,
          depth: 0,
          overrideAccess: true,
          pagination: false,
          req,
          select: { authorSlug: true, name: true },
          where: { id: { in: peopleIDs } },
        }),
    imageIDs.length === 0
      ? { docs: [] }
      : // As the reader may see them: the public sees images of published articles only.
        req.payload.find({
          collection: collections.media.slug,
          depth: 0,
          locale,
          overrideAccess: false,
          pagination: false,
          req,
          where: { id: { in: imageIDs } },
        }),
  ])

  return toArticleView(
    {
      article,
      authorPagePath: options.frontend.authorPagePath,
      authors: byOrder(authorIDs, authors.docs),
      images: images.docs,
      mediaBaseUrl: cmsOrigin(req.payload.config.serverURL, options.frontend),
      people: authors.docs,
      provenanceUrl: options.provenance.enabled
        ? `${cmsOrigin(req.payload.config.serverURL, options.frontend)}${req.payload.config.routes.api}/${collections.articles.slug}/${article.id}/provenance`
        : null,
      correctionsPagePath: options.frontend.correctionsPagePath,
      disclaimerPagePath: options.frontend.disclaimerPagePath,
      disclaimers: byOrder(disclaimerIDs, disclaimers.docs),
      section: section ?? null,
      source: source ?? null,
      textAndDataMining: options.frontend.textAndDataMining,
      translations,
    },
    now,
  )
}
