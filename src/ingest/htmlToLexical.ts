import type { CollectionSlug, Payload } from 'payload'

import {
  convertHTMLToLexical,
  convertMarkdownToLexical,
  editorConfigFactory,
} from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'
import sanitizeHtml from 'sanitize-html'

import { type BodyNormalising, normaliseBodyHtml } from './normaliseBodyHtml.ts'

/** The elements and attributes the article body has (h2–h4, paragraphs, emphasis, lists, quotes, links). */
const articleHtml: sanitizeHtml.IOptions = {
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'strong',
    'b',
    'em',
    'i',
  ],
  allowProtocolRelative: false,
  // Deeper elements are dropped (their text kept): the body allows 12 levels, and conversion recurses.
  nestingLimit: 10,
  // Elements whose content is not text for readers: dropped with it.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
    'head',
    'title',
  ],
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
}

const keepLinkWithHref: sanitizeHtml.Transformer = (tagName, attribs) =>
  attribs.href ? { attribs, tagName } : { attribs: {}, tagName: 'span' }

/**
 * Third-party HTML made safe for our body with sanitize-html (maintained, allow-list based): what the
 * body cannot hold goes. Scripts, styles, iframes go with their content; event handlers and every other
 * attribute go; `javascript:` and `data:` links keep their text only. Other headings become the nearest of ours.
 */
export const sanitiseArticleHtml = (html: string): string =>
  // Second pass: a link whose href the first one removed keeps its text, not an empty link.
  sanitizeHtml(sanitizeHtml(html, articleHtml), {
    ...articleHtml,
    transformTags: { a: keepLinkWithHref },
  })

type EditorConfig = ReturnType<typeof editorConfigFactory.fromField>

const editorConfigs = new WeakMap<Payload, Map<string, EditorConfig>>()

/** The body field's editor config (its features decide which nodes conversion may produce), made once per instance. */
const bodyEditorConfig = (payload: Payload, articles: CollectionSlug): EditorConfig => {
  const known = editorConfigs.get(payload)?.get(articles)
  if (known) {
    return known
  }
  const field = payload.collections[articles]?.config.flattenedFields.find(
    (candidate) => candidate.name === 'body',
  )
  if (!field || field.type !== 'richText') {
    throw new Error(`payload-newsroom: ${articles} has no rich text body`)
  }
  const config = editorConfigFactory.fromField({ field })
  editorConfigs.set(payload, (editorConfigs.get(payload) ?? new Map()).set(articles, config))
  return config
}

let sharedParser: DOMParser | undefined

/**
 * What Payload's converter asks of `JSDOM` (`new JSDOM(html).window.document`), from one jsdom window
 * made once: a window per item (jsdom's constructor) was most of an item's conversion time. Each call
 * parses into a new document of its own; nothing of one item's document reaches the next.
 */
class ReusedWindowDOM {
  readonly window: { document: Document }
  constructor(html: string) {
    sharedParser ??= new new JSDOM('').window.DOMParser()
    this.window = { document: sharedParser.parseFromString(html, 'text/html') }
  }
}

/**
 * An item's body as our Lexical document, through Payload's own converters (with jsdom, the DOM
 * implementation Payload documents for them). HTML is first reshaped into what the body holds
 * (`normaliseBodyHtml`, which reports what it changed), then sanitised; Markdown cannot carry HTML
 * into the document (the converter makes text of it), and the write still runs the body rules.
 */
export const itemBodyToLexical = (
  payload: Payload,
  articles: CollectionSlug,
  body: { format: 'html' | 'markdown'; text: string },
  { baseUrl, maxListDepth = 4, warn = () => undefined }: Partial<BodyNormalising> = {},
): Record<string, unknown> => {
  const editorConfig = bodyEditorConfig(payload, articles)
  if (body.format === 'markdown') {
    return convertMarkdownToLexical({ editorConfig, markdown: body.text })
  }
  const html = sanitiseArticleHtml(normaliseBodyHtml(body.text, { baseUrl, maxListDepth, warn }))
  return convertHTMLToLexical({ editorConfig, html, JSDOM: ReusedWindowDOM })
}
