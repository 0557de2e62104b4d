import { JSDOM } from 'jsdom'
import sanitizeHtml from 'sanitize-html'

/**
 * Titles and standfirsts arrive as HTML as often as text (Atom `type="html"`, RSS descriptions,
 * ninjs headlines with markup, references such as `&#8217;`). They are stored as text: parsed by
 * jsdom's HTML parser (the one Payload's own converters use), read as text, whitespace collapsed.
 */

// Markup or a character reference; text without either is taken as it is, so "x<y matters" keeps its "<".
const looksLikeHtml =
  /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i

/** Elements whose content is not text for readers: dropped with it wherever a source's HTML is read. */
export const nonTextElements = [
  'audio',
  'button',
  'canvas',
  'embed',
  'head',
  'iframe',
  'input',
  'math',
  'noscript',
  'object',
  'option',
  'picture',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]
/** Nesting a source's HTML keeps before jsdom (which recurses) reads it: deeper elements give their text to their parent. */
const maxNesting = 40

// jsdom's fragment parser is the fast one for the few kilobytes most items hold, but grows faster than
// linearly (20,000 paragraphs: 7 s); a whole document grows linearly (0.5 s) at a fixed cost of a few ms.
const fragmentParserLimit = 10_000

/**
 * A source's HTML parsed by jsdom, after sanitize-html (a streaming parser: no recursion, any depth)
 * has kept only `keep` elements, at most 40 deep, and dropped what is not text: so 10,000 nested
 * elements cost a linear pass, not a stack overflow. The nodes are the returned element's children.
 */
export const parseSourceHtml = (
  html: string,
  keep: { attributes?: Record<string, string[]>; tags: string[] },
): DocumentFragment | HTMLElement => {
  const bounded = sanitizeHtml(html, {
    allowedAttributes: keep.attributes ?? {},
    allowedSchemesAppliedToAttributes: [],
    allowedTags: keep.tags,
    nestingLimit: maxNesting,
    nonTextTags: nonTextElements,
  })
  return bounded.length <= fragmentParserLimit
    ? JSDOM.fragment(bounded)
    : new JSDOM(`<!doctype html><body>${bounded}`).window.document.body
}

/** Elements that stand as blocks of text (a line of their own, whatever surrounds them): one list for reading text and reshaping bodies. */
export const blockElements = [
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]
// Elements whose end is a break between words, even where the source wrote none.
const breaking = [...blockElements, 'br']
const breakingTags = new Set(breaking.map((tag) => tag.toUpperCase()))

/**
 * Whether a node is an element, by its type: jsdom's nodes belong to their own window, so
 * `instanceof Element` (this realm's class) would be false for them.
 */
export const isElement = (node: Node): node is Element => node.nodeType === 1

const textOf = (node: Node, parts: string[]) => {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      parts.push(child.nodeValue ?? '')
    } else if (isElement(child)) {
      textOf(child, parts)
      if (breakingTags.has(child.tagName.toUpperCase())) {
        parts.push(' ')
      }
    }
  }
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** HTML (or text) as plain text: references decoded, tags removed, blocks apart, whitespace collapsed. */
export const htmlToText = (value: string): string => {
  if (!looksLikeHtml.test(value)) {
    return collapse(value)
  }
  const parts: string[] = []
  textOf(parseSourceHtml(value, { tags: breaking }), parts)
  return collapse(parts.join(''))
}

/** Text cut to `max` characters at a word boundary, an ellipsis marking the cut. */
export const cutAtWord = (text: string, max: number): string => {
  if (text.length <= max) {
    return text
  }
  const room = text.slice(0, max - 1)
  const boundary = room.search(/\s\S*$/)
  return `${(boundary > max / 2 ? room.slice(0, boundary) : room).replace(/[\s,;:.–—-]+$/, '')}…`
}
