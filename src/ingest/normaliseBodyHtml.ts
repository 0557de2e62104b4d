import type { IngestWarning } from './ingestItem.ts'

import { bodyLinkSchemes, hasAllowedScheme } from '../utilities/urls.ts'
import { blockElements, isElement, nonTextElements, parseSourceHtml } from './itemText.ts'

/**
 * A source's HTML reshaped into what the article body can hold, before it is sanitised and converted:
 * blocks at the top (h2–h4, paragraphs, lists, quotes), text and inline markup inside them. Nothing
 * a reader would read is lost: containers (`div`, `section`, `figure`…) give their blocks, loose text
 * becomes paragraphs, a quote keeps its text on lines (headings in bold), lists deeper than the body
 * allows and tables become lines, `pre` keeps its line breaks. Links resolve against the item's
 * address; those still outside the body's schemes lose the link and keep the text. Each change that
 * alters the source's shape is a warning.
 */

export type BodyNormalising = {
  /** The item's address, that relative links resolve against; without one they are dropped. */
  baseUrl?: string
  /** Lists nested deeper than this become lines of their parent item. */
  maxListDepth: number
  warn: (warning: IngestWarning) => void
}

const silent = new Set(nonTextElements.map((tag) => tag.toUpperCase()))
// Inline elements whose meaning the body keeps or whose text it shows (the rest give their text only).
const inlineTags = [
  'a',
  'abbr',
  'b',
  'big',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]
const headings: Record<string, string> = {
  H1: 'h2',
  H2: 'h2',
  H3: 'h3',
  H4: 'h4',
  H5: 'h4',
  H6: 'h4',
}
// Elements that end a line of text wherever they stand.
const blockTags = new Set(blockElements.map((tag) => tag.toUpperCase()))
const blockSelector = [...blockTags].join(',')

const tagOf = (node: Node) => (isElement(node) ? node.tagName.toUpperCase() : '')

/** A nested list: an element, since only elements have a tag. */
const isList = (node: Node): node is Element => tagOf(node) === 'UL' || tagOf(node) === 'OL'

/** The elements that hold a block somewhere inside (an `<a>` or `<span>` around paragraphs): found in one pass. */
const blockHolders = (root: ParentNode): WeakSet<Node> => {
  const holders = new WeakSet<Node>()
  for (const block of Array.from(root.querySelectorAll(blockSelector))) {
    for (
      let parent = block.parentNode;
      parent && parent !== root && !holders.has(parent);
      parent = parent.parentNode
    ) {
      holders.add(parent)
    }
  }
  return holders
}

const hasText = (nodes: Node[]) => nodes.some((node) => (node.textContent ?? '').trim() !== '')

class BodyBuilder {
  private run: Node[] = []
  readonly out: DocumentFragment

  constructor(
    private readonly document: Document,
    private readonly options: BodyNormalising,
    private readonly holders: WeakSet<Node>,
  ) {
    this.out = document.createDocumentFragment()
  }

  private isBlock = (node: Node) => blockTags.has(tagOf(node)) || this.holders.has(node)

  private element(tag: string, children: (Node | string)[] = []) {
    const element = this.document.createElement(tag)
    element.append(...children)
    return element
  }

  /** Ends the paragraph of loose text and inline markup gathered so far. */
  private flush() {
    if (hasText(this.run)) {
      this.out.append(this.element('p', this.run))
    }
    this.run = []
  }

  private emit(block: Element) {
    this.flush()
    if (hasText([block])) {
      this.out.append(block)
    }
  }

  /** Any subtree as inline content of `target`: blocks become lines, headings bold, table cells apart. */
  private inline(node: Node, target: Element, flattened: Set<string>) {
    const tag = tagOf(node)
    if (node.nodeType === 3) {
      return void target.append(node.nodeValue ?? '')
    }
    if (node.nodeType !== 1 || silent.has(tag)) {
      return
    }
    if (!this.isBlock(node)) {
      return void target.append(node.cloneNode(true))
    }
    const line = () => {
      if (target.lastChild && tagOf(target.lastChild) !== 'BR') {
        target.append(this.element('br'))
      }
    }
    line()
    if (headings[tag]) {
      flattened.add('heading')
      const strong = this.element('strong')
      for (const child of Array.from(node.childNodes)) {
        this.inline(child, strong, flattened)
      }
      target.append(strong)
    } else {
      if (tag === 'UL' || tag === 'OL' || tag === 'TABLE' || tag === 'BLOCKQUOTE') {
        flattened.add(tag.toLowerCase())
      }
      const children = Array.from(node.childNodes)
      children.forEach((child, index) => {
        // Cells of a row stay on one line, apart.
        if (
          (tagOf(child) === 'TD' || tagOf(child) === 'TH') &&
          index > 0 &&
          target.lastChild &&
          tagOf(target.lastChild) !== 'BR'
        ) {
          target.append(' · ')
        }
        if (tagOf(child) === 'TD' || tagOf(child) === 'TH') {
          for (const cell of Array.from(child.childNodes)) {
            this.inline(cell, target, flattened)
          }
        } else {
          this.inline(child, target, flattened)
        }
      })
    }
    line()
  }

  /** Inline content of a new element `tag` from `nodes`, trailing line breaks removed. */
  private inlineElement(tag: string, nodes: Node[], flattened = new Set<string>()) {
    const element = this.element(tag)
    for (const node of nodes) {
      this.inline(node, element, flattened)
    }
    while (element.firstChild && tagOf(element.firstChild) === 'BR') {
      element.firstChild.remove()
    }
    while (element.lastChild && tagOf(element.lastChild) === 'BR') {
      element.lastChild.remove()
    }
    return element
  }

  private list(node: Element, depth: number): Element {
    const list = this.element(tagOf(node) === 'OL' ? 'ol' : 'ul')
    for (const child of Array.from(node.childNodes)) {
      if (tagOf(child) !== 'LI') {
        if (hasText([child])) {
          list.append(this.inlineElement('li', [child]))
        }
        continue
      }
      const nested = Array.from(child.childNodes).filter(isList)
      const flattened = new Set<string>()
      const item = this.inlineElement(
        'li',
        Array.from(child.childNodes).filter(
          (entry) => !isList(entry) || depth >= this.options.maxListDepth,
        ),
        flattened,
      )
      if (flattened.has('ul') || flattened.has('ol')) {
        this.options.warn({ kind: 'list-flattened', path: 'body' })
      }
      if (depth < this.options.maxListDepth) {
        for (const entry of nested) {
          item.append(this.list(entry, depth + 1))
        }
      }
      list.append(item)
    }
    return list
  }

  /** One node of the top level (or of a container that gives its blocks to it). */
  add(node: Node) {
    const tag = tagOf(node)
    if (node.nodeType === 3) {
      return void this.run.push(node.cloneNode())
    }
    if (!isElement(node) || silent.has(tag) || tag === 'HR') {
      return tag === 'HR' ? this.flush() : undefined
    }
    if (!this.isBlock(node)) {
      return void this.run.push(node.cloneNode(true))
    }
    const children = Array.from(node.childNodes)
    if (headings[tag]) {
      return this.emit(this.inlineElement(headings[tag], children))
    }
    if (
      tag === 'P' ||
      tag === 'PRE' ||
      tag === 'DT' ||
      tag === 'DD' ||
      tag === 'SUMMARY' ||
      tag === 'FIGCAPTION' ||
      tag === 'LEGEND'
    ) {
      if (!children.some(this.isBlock)) {
        return this.emit(
          tag === 'PRE' ? this.preformatted(node) : this.inlineElement('p', children),
        )
      }
    }
    if (tag === 'UL' || tag === 'OL') {
      return this.emit(this.list(node, 1))
    }
    if (tag === 'BLOCKQUOTE') {
      const flattened = new Set<string>()
      const quote = this.inlineElement('blockquote', children, flattened)
      if (flattened.size) {
        this.options.warn({ kind: 'quote-flattened', path: 'body' })
      }
      return this.emit(quote)
    }
    if (tag === 'TABLE') {
      this.options.warn({ kind: 'table-flattened', path: 'body' })
      for (const row of Array.from(node.querySelectorAll('caption, tr'))) {
        if (row.closest('table') === node) {
          this.emit(this.inlineElement('p', [row]))
        }
      }
      return
    }
    // A container: its blocks stand on their own, its loose text becomes paragraphs.
    this.flush()
    for (const child of children) {
      this.add(child)
    }
    this.flush()
  }

  private preformatted(node: Node) {
    const lines = (node.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '').split('\n')
    return this.element(
      'p',
      lines.flatMap((line, index) => (index ? [this.element('br'), line] : [line])),
    )
  }

  finish() {
    this.flush()
    return this.out
  }
}

/** A link the body keeps, in its normal form: http(s) as the URL parser writes it, mailto without spaces. */
const bodyLink = (href: string): string | undefined => {
  if (!hasAllowedScheme(href, bodyLinkSchemes)) {
    return undefined
  }
  const url = new URL(href)
  if (url.protocol === 'mailto:') {
    return /\s|%20/.test(href) ? undefined : href
  }
  return url.href
}

/** Links made absolute against the item's address, or kept as text when they cannot be a link of ours. */
const settleLinks = (root: ParentNode, { baseUrl, warn }: BodyNormalising) => {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = link.getAttribute('href')?.trim() ?? ''
    let settled = href ? bodyLink(href) : undefined
    if (!settled && href && baseUrl && !/^[a-z][a-z\d+.-]*:/i.test(href)) {
      try {
        settled = bodyLink(new URL(href, baseUrl).href)
        if (settled) {
          warn({ detail: href.slice(0, 100), kind: 'link-made-absolute', path: 'body' })
        }
      } catch {
        // not a URL, even relative: dropped below
      }
    }
    if (settled) {
      link.setAttribute('href', settled)
    } else {
      if (href) {
        warn({ detail: href.slice(0, 100), kind: 'link-dropped', path: 'body' })
      }
      link.replaceWith(...Array.from(link.childNodes))
    }
  }
}

/** The body's HTML reshaped as described above; sanitising comes after, on this. */
export const normaliseBodyHtml = (html: string, options: BodyNormalising): string => {
  const fragment = parseSourceHtml(html, {
    attributes: { a: ['href'] },
    tags: [...inlineTags, ...blockElements, 'caption'],
  })
  const builder = new BodyBuilder(fragment.ownerDocument, options, blockHolders(fragment))
  for (const node of Array.from(fragment.childNodes)) {
    builder.add(node)
  }
  const out = builder.finish()
  settleLinks(out, options)
  const holder = fragment.ownerDocument.createElement('div')
  holder.append(out)
  return holder.innerHTML
}
