import type { LexicalDocumentLimits } from '../types.ts'

import { bodyLinkSchemes, hasAllowedScheme } from '../utilities/urls.ts'

export type { LexicalDocumentLimits }

/** What the article body may contain: the editor's features (h2–h4, lists, quotes, links, emphasis, images). */
const blockTypes = new Set(['heading', 'list', 'paragraph', 'quote', 'upload'])
const inlineTypes = new Set(['autolink', 'link', 'linebreak', 'tab', 'text'])
// Read with whatever a node holds: a value of any other type is not one of them.
const headingTags: ReadonlySet<unknown> = new Set(['h2', 'h3', 'h4'])
const listTags: ReadonlySet<unknown> = new Set(['ol', 'ul'])
const listTypes: ReadonlySet<unknown> = new Set(['bullet', 'check', 'number'])

export type LexicalProblem =
  | { kind: 'disallowedLink'; path: string; url: string }
  | { kind: 'unknownLinkTarget'; path: string }
  | { kind: 'invalidNode'; path: string; reason: string }
  | { kind: 'notADocument' }
  | { kind: 'tooDeep'; maxDepth: number }
  | { kind: 'tooLarge'; limit: number; what: 'nodes' | 'text' }

type Node = Record<string, unknown>

// `__proto__` and friends as own keys (JSON.parse makes them) would pollute whatever merges the node later.
const pollutingKeys = ['__proto__', 'constructor', 'prototype']

const isPlainObject = (value: unknown): value is Node =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype &&
  !pollutingKeys.some((key) => Object.hasOwn(value, key))

/** Node types allowed as children of a node of type `parent`. */
const allowedChildren = (parent: string): Set<string> => {
  if (parent === 'root' || parent === 'quote') {
    return parent === 'root' ? blockTypes : inlineTypes
  }
  if (parent === 'list') {
    return new Set(['listitem'])
  }
  if (parent === 'listitem') {
    return new Set([...inlineTypes, 'list'])
  }
  return inlineTypes
}

/** Checks one node's own shape; children are checked by the walk. */
const nodeShapeProblem = (node: Node): string | undefined => {
  const { type } = node
  if (type === 'text') {
    if (typeof node.text !== 'string') {
      return 'text must be a string'
    }
    if (node.format !== undefined && typeof node.format !== 'number') {
      return 'format must be a number'
    }
    if (node.style !== undefined && node.style !== '') {
      return 'inline styles are not allowed'
    }
    return undefined
  }
  if (type === 'linebreak' || type === 'tab') {
    return undefined
  }
  if (type === 'heading' && !headingTags.has(node.tag)) {
    return 'headings are h2, h3 or h4'
  }
  if (
    type === 'list' &&
    (!listTags.has(node.tag) || (node.listType !== undefined && !listTypes.has(node.listType)))
  ) {
    return 'a list is ul or ol'
  }
  if ((type === 'link' || type === 'autolink') && !isPlainObject(node.fields)) {
    return 'a link needs its fields'
  }
  if (!Array.isArray(node.children)) {
    return 'children must be a list'
  }
  return undefined
}

/**
 * Checks an article body (Lexical editor state) before anything else reads it: only the node types
 * and shapes the editor produces, bounded depth and size, and links only to http(s), mailto or a
 * site-relative path, whatever the link says its type is; internal links only to documents of
 * `linkCollections` and images only from `uploadCollections` (both returned, for the caller to check they exist). Iterative, so a 10,000-deep document is
 * refused without exhausting the stack. Pure: shared by the server hooks, the admin and scripts.
 */
export type InternalLink = { collection: string; id: number | string; path: string }

export const checkLexicalDocument = (
  value: unknown,
  limits: LexicalDocumentLimits,
  /** Collections an internal link may point to (the editor's `enabledCollections`). */
  linkCollections: readonly string[] = [],
  /** Collections an image may come from (the UploadFeature's); none: no images. */
  uploadCollections: readonly string[] = [],
): { internalLinks: InternalLink[]; problems: LexicalProblem[] } => {
  if (
    !isPlainObject(value) ||
    !isPlainObject(value.root) ||
    value.root.type !== 'root' ||
    !Array.isArray(value.root.children)
  ) {
    return { internalLinks: [], problems: [{ kind: 'notADocument' }] }
  }
  const problems: LexicalProblem[] = []
  const internalLinks: InternalLink[] = []
  const fail = (problem: LexicalProblem) => ({ internalLinks, problems: [problem] })
  let nodes = 0
  let textLength = 0
  // A child is checked when popped: it may be anything.
  const stack: Array<{ depth: number; node: unknown; parentType: string; path: string }> = []
  const pushChildren = (children: unknown[], parentType: string, depth: number, path: string) => {
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push({
        depth,
        node: children[index],
        parentType,
        path: `${path}.children.${index}`,
      })
    }
  }
  pushChildren(value.root.children, 'root', 1, 'root')
  while (stack.length > 0 && problems.length < 10) {
    const { depth, node, parentType, path } = stack.pop()!
    nodes += 1
    if (nodes > limits.maxNodes) {
      return fail({ kind: 'tooLarge', limit: limits.maxNodes, what: 'nodes' })
    }
    if (depth > limits.maxDepth) {
      return fail({ kind: 'tooDeep', maxDepth: limits.maxDepth })
    }
    if (!isPlainObject(node) || typeof node.type !== 'string') {
      problems.push({ kind: 'invalidNode', path, reason: 'not a node' })
      continue
    }
    if (!allowedChildren(parentType).has(node.type)) {
      problems.push({
        kind: 'invalidNode',
        path,
        reason: `"${node.type.slice(0, 40)}" is not allowed here`,
      })
      continue
    }
    if (node.type === 'upload') {
      // An image of the media library, by reference: its alt text and credit live on the image.
      const id = isPlainObject(node.value) ? node.value.id : node.value
      if (
        typeof node.relationTo !== 'string' ||
        !uploadCollections.includes(node.relationTo) ||
        (typeof id !== 'number' && typeof id !== 'string')
      ) {
        problems.push({ kind: 'unknownLinkTarget', path })
      } else {
        internalLinks.push({ collection: node.relationTo, id, path })
      }
      continue
    }
    const shapeProblem = nodeShapeProblem(node)
    if (shapeProblem) {
      problems.push({ kind: 'invalidNode', path, reason: shapeProblem })
      continue
    }
    if (node.type === 'text') {
      // `nodeShapeProblem` refused a text node whose text is not a string.
      textLength += typeof node.text === 'string' ? node.text.length : 0
      if (textLength > limits.maxTextLength) {
        return fail({ kind: 'tooLarge', limit: limits.maxTextLength, what: 'text' })
      }
      continue
    }
    if (node.type === 'link' || node.type === 'autolink') {
      // `nodeShapeProblem` refused a link without its fields.
      const fields = isPlainObject(node.fields) ? node.fields : {}
      const doc = isPlainObject(fields.doc) ? fields.doc : undefined
      // An internal link points at a document and carries no URL of its own; anything else is a URL.
      const isDocumentLink =
        fields.linkType === 'internal' &&
        doc !== undefined &&
        (fields.url === undefined || fields.url === '' || fields.url === null)
      if (isDocumentLink) {
        const { relationTo, value: target } = doc
        const id = isPlainObject(target) ? target.id : target
        if (
          typeof relationTo !== 'string' ||
          !linkCollections.includes(relationTo) ||
          (typeof id !== 'number' && typeof id !== 'string')
        ) {
          problems.push({ kind: 'unknownLinkTarget', path })
          continue
        }
        internalLinks.push({ collection: relationTo, id, path })
      } else if (
        typeof fields.url !== 'string' ||
        !hasAllowedScheme(fields.url, bodyLinkSchemes, { allowRelative: true })
      ) {
        problems.push({ kind: 'disallowedLink', path, url: String(fields.url).slice(0, 200) })
        continue
      }
    }
    if (Array.isArray(node.children)) {
      pushChildren(node.children, node.type, depth + 1, path)
    }
  }
  return { internalLinks, problems }
}
