/**
 * Builds Lexical editor state (the JSON Payload stores for rich text) from plain parts, for seeds,
 * ingest code and tests: `lexicalDocument([heading('h2', 'Context'), paragraph('Text…', link('https://…', 'source'))])`.
 */
type TextNode = {
  detail: 0
  format: 0
  mode: 'normal'
  style: ''
  text: string
  type: 'text'
  version: 1
}
type LinkNode = {
  children: TextNode[]
  direction: 'ltr'
  fields: { linkType: 'custom'; newTab: boolean; url: string }
  format: ''
  indent: 0
  type: 'link'
  version: 3
}
type InlineNode = LinkNode | TextNode
type BlockNode = {
  children: InlineNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  tag?: string
  textFormat?: 0
  type: string
  version: 1
}

export const text = (value: string): TextNode => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

export const link = (url: string, label: string, newTab = true): LinkNode => ({
  type: 'link',
  children: [text(label)],
  direction: 'ltr',
  fields: { linkType: 'custom', newTab, url },
  format: '',
  indent: 0,
  version: 3,
})

const block = (
  type: string,
  parts: (InlineNode | string)[],
  extra: Partial<BlockNode> = {},
): BlockNode => ({
  type,
  children: parts.map((part) => (typeof part === 'string' ? text(part) : part)),
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const paragraph = (...parts: (InlineNode | string)[]) =>
  block('paragraph', parts, { textFormat: 0 })
export const heading = (tag: 'h2' | 'h3' | 'h4', title: string) =>
  block('heading', [title], { tag })
export const quote = (...parts: (InlineNode | string)[]) => block('quote', parts)

export const lexicalDocument = (blocks: BlockNode[]) => ({
  root: {
    type: 'root',
    children: blocks,
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
  },
})
