import { recordOf } from '../utilities/values.ts'

/** The readable text of a Lexical body: its paragraphs, list items and quotes, one per line (headings left out). */
export const lexicalText = (body: unknown): string => {
  const blocks: string[] = []
  const textOf = (node: any): string =>
    node?.type === 'text'
      ? String(node.text ?? '')
      : node?.type === 'linebreak'
        ? ' '
        : (node?.children ?? []).map(textOf).join('')
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') {
      return
    }
    if (node.type === 'heading') {
      return
    }
    if (node.type === 'paragraph' || node.type === 'listitem' || node.type === 'quote') {
      const text = textOf(node).replace(/\s+/g, ' ').trim()
      if (text) {
        blocks.push(text)
      }
      return
    }
    for (const child of node.children ?? []) {
      walk(child)
    }
  }
  walk(recordOf(body).root)
  return blocks.join('\n')
}
