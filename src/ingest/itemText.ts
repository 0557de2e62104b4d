import { JSDOM } from 'jsdom'

/**
 * Titles and standfirsts arrive as HTML as often as text (Atom `type="html"`, RSS descriptions,
 * ninjs headlines with markup, references such as `&#8217;`). They are stored as text: parsed by
 * jsdom's HTML parser (the one Payload's own converters use), read as text, whitespace collapsed.
 */

// Markup or a character reference; text without either is taken as it is, so "x<y matters" keeps its "<".
const looksLikeHtml = /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i

// Elements whose end is a break between words, even where the source wrote none.
const breaking = new Set(['ADDRESS', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DT', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'P', 'PRE', 'TD', 'TH', 'TR'])
// Elements whose content is not text for readers.
const silent = new Set(['IFRAME', 'NOSCRIPT', 'OBJECT', 'SCRIPT', 'STYLE', 'SVG', 'TEMPLATE', 'TITLE'])

const textOf = (node: Node, parts: string[]) => {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) parts.push(child.nodeValue ?? '')
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase()
      if (silent.has(tag)) continue
      textOf(child, parts)
      if (breaking.has(tag)) parts.push(' ')
    }
  }
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** HTML (or text) as plain text: references decoded, tags removed, blocks apart, whitespace collapsed. */
export const htmlToText = (value: string): string => {
  if (!looksLikeHtml.test(value)) return collapse(value)
  const parts: string[] = []
  textOf(JSDOM.fragment(value), parts)
  return collapse(parts.join(''))
}

/** Text cut to `max` characters at a word boundary, an ellipsis marking the cut. */
export const cutAtWord = (text: string, max: number): string => {
  if (text.length <= max) return text
  const room = text.slice(0, max - 1)
  const boundary = room.search(/\s\S*$/)
  return `${(boundary > max / 2 ? room.slice(0, boundary) : room).replace(/[\s,;:.–—-]+$/, '')}…`
}
