import type { CollectionSlug, RichTextField } from 'payload'

import {
  BlockquoteFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { translatedRecord } from '../../src/translations/index.ts'

/**
 * The article body, configured for news: h2–h4 for the article's own sections (h1 is the title),
 * paragraphs, emphasis, links, lists, quotes and images of the media library. No raw HTML or embeds.
 */
export const articleBodyField = (
  articlesSlug: CollectionSlug,
  mediaSlug: CollectionSlug,
): RichTextField => ({
  name: 'body',
  type: 'richText',
  editor: lexicalEditor({
    features: [
      ParagraphFeature(),
      HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
      BoldFeature(),
      ItalicFeature(),
      LinkFeature({ enabledCollections: [articlesSlug] }),
      UnorderedListFeature(),
      OrderedListFeature(),
      BlockquoteFeature(),
      // Images come from the media library only, with their credits: the publish rules check each one.
      UploadFeature({ enabledCollections: [mediaSlug], maxDepth: 0 }),
      FixedToolbarFeature(),
      InlineToolbarFeature(),
    ],
  }),
  // A per-language record, not a `({ t })` function: Payload caches the rich text field's client
  // schema per collection, not per admin language, so a resolved label would stick to the language
  // of the first admin render in production.
  label: translatedRecord('body'),
})
