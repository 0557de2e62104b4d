import type { GraphQLFieldConfigMap, GraphQLOutputType } from 'graphql'

import { GraphQLJSON } from '@payloadcms/graphql/types'

type GraphQLModule = typeof import('graphql')

/**
 * The read model as GraphQL object types, so that clients select fields and generate types: the
 * same shapes as the REST answers (`ArticleView`, `FeedItem`, `FeedPage`, `AuthorPage`). Only what schema.org or
 * Lexical leave open is `JSON`: the body and the JSON-LD.
 */
export const readModelTypes = (GraphQL: GraphQLModule) => {
  const {
    GraphQLBoolean,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
  } = GraphQL
  const required = (type: GraphQLOutputType) => ({ type: new GraphQLNonNull(type) })
  const optional = (type: GraphQLOutputType) => ({ type })
  const listOf = (type: GraphQLOutputType) => required(new GraphQLList(new GraphQLNonNull(type)))
  const object = (name: string, fields: GraphQLFieldConfigMap<unknown, unknown>) =>
    new GraphQLObjectType({ fields, name })
  const text = required(GraphQLString)
  const maybeText = optional(GraphQLString)

  const sectionRef = object('NewsroomSectionRef', { name: text, slug: text })
  const byline = object('NewsroomByline', {
    authors: listOf(
      object('NewsroomAuthor', { id: required(GraphQLID), name: text, page: maybeText }),
    ),
    automated: optional(object('NewsroomAutomatedByline', { disclosure: text, label: text })),
  })
  const imageSize = object('NewsroomImageSize', {
    height: optional(GraphQLInt),
    url: text,
    width: optional(GraphQLInt),
  })
  const image = object('NewsroomImage', {
    alt: text,
    caption: maybeText,
    copyrightNotice: maybeText,
    credit: maybeText,
    focalPoint: optional(
      object('NewsroomFocalPoint', {
        x: required(GraphQL.GraphQLFloat),
        y: required(GraphQL.GraphQLFloat),
      }),
    ),
    height: optional(GraphQLInt),
    id: required(GraphQLID),
    licence: maybeText,
    sizes: required(
      object('NewsroomImageSizes', {
        article: optional(imageSize),
        card: optional(imageSize),
        social: optional(imageSize),
      }),
    ),
    srcset: text,
    url: text,
    width: optional(GraphQLInt),
  })
  const sourceRef = object('NewsroomSourceRef', { homepageUrl: maybeText, name: text, slug: text })
  const view = object('NewsroomArticleView', {
    aiDisclosure: optional(
      object('NewsroomAIDisclosure', {
        bodyDigitalSourceType: maybeText,
        label: text,
        level: text,
        responsibleEditor: maybeText,
        reviewed: optional(object('NewsroomAIReview', { at: text, by: maybeText })),
        summaryDigitalSourceType: maybeText,
        systems: listOf(GraphQLString),
        uses: listOf(GraphQLString),
      }),
    ),
    attribution: optional(
      object('NewsroomAttribution', {
        copyrightHolder: maybeText,
        copyrightNotice: maybeText,
        creditText: maybeText,
        licence: maybeText,
        originalUrl: maybeText,
        source: optional(sourceRef),
        viewOriginalLabel: text,
      }),
    ),
    basedOn: optional(
      object('NewsroomBasedOn', {
        label: text,
        originalUrl: text,
        source: optional(sourceRef),
      }),
    ),
    body: optional(GraphQLJSON),
    bodyImages: listOf(image),
    byline: required(byline),
    comments: required(
      object('NewsroomComments', {
        enabled: required(GraphQLBoolean),
        maxLength: required(GraphQLInt),
        moderation: required(GraphQLBoolean),
      }),
    ),
    corrections: listOf(object('NewsroomCorrection', { at: maybeText, text, type: text })),
    correctionsPage: maybeText,
    disclaimers: listOf(
      object('NewsroomShownDisclaimer', {
        fullPageUrl: maybeText,
        key: text,
        kind: text,
        text,
        title: text,
        version: required(GraphQLInt),
      }),
    ),
    featuredImage: optional(image),
    id: required(GraphQLID),
    language: text,
    pinned: required(GraphQLBoolean),
    provenance: maybeText,
    publishedAt: maybeText,
    retracted: optional(object('NewsroomRetraction', { notice: text })),
    section: optional(sectionRef),
    seo: required(
      object('NewsroomSeo', { canonical: text, canonicalUrl: maybeText, robots: text }),
    ),
    slug: text,
    standfirst: maybeText,
    summary: required(
      object('NewsroomSummary', { status: text, statusLabel: text, text: maybeText }),
    ),
    textAndDataMining: required(
      object('NewsroomTextAndDataMining', {
        policyUrl: maybeText,
        reserved: required(GraphQLBoolean),
      }),
    ),
    title: text,
    translations: listOf(
      object('NewsroomTranslationRef', { language: text, slug: text, title: text }),
    ),
    updatedAt: text,
  })
  const head = object('NewsroomArticleHead', {
    description: text,
    links: listOf(object('NewsroomHeadLink', { href: text, hreflang: maybeText, rel: text })),
    meta: listOf(
      object('NewsroomHeadMeta', { content: text, name: maybeText, property: maybeText }),
    ),
    title: text,
  })
  const articleView = object('NewsroomArticleViewAnswer', {
    article: required(view),
    head: required(head),
    jsonLd: optional(GraphQLJSON),
  })

  const feedItem = object('NewsroomFeedItem', {
    byline: required(byline),
    id: required(GraphQLID),
    language: text,
    origin: text,
    pinned: required(GraphQLBoolean),
    publishedAt: maybeText,
    section: optional(sectionRef),
    slug: text,
    source: optional(object('NewsroomFeedSource', { name: text, slug: text })),
    standfirst: maybeText,
    summary: required(object('NewsroomFeedSummary', { status: text, statusLabel: text })),
    thumbnail: optional(
      object('NewsroomThumbnail', {
        alt: text,
        height: optional(GraphQLInt),
        url: text,
        width: optional(GraphQLInt),
      }),
    ),
    title: text,
  })
  const feedPage = object('NewsroomFeedPage', {
    docs: listOf(feedItem),
    hasNextPage: required(GraphQLBoolean),
    hasPrevPage: required(GraphQLBoolean),
    limit: required(GraphQLInt),
    nextPage: optional(GraphQLInt),
    page: required(GraphQLInt),
    prevPage: optional(GraphQLInt),
    totalDocs: required(GraphQLInt),
    totalPages: required(GraphQLInt),
  })
  const authorPage = object('NewsroomAuthorPage', {
    articles: required(feedPage),
    author: required(
      object('NewsroomAuthorProfile', {
        bio: maybeText,
        jobTitle: maybeText,
        name: text,
        page: text,
        slug: text,
      }),
    ),
    jsonLd: required(GraphQLJSON),
  })
  return { articleView, authorPage, feedPage }
}
