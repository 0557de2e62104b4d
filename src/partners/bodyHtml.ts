import {
  convertLexicalToHTML,
  type HTMLConverters,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import escapeHTML from 'escape-html'

import type { ImageView } from '../delivery/imageView.ts'

/**
 * An article body as HTML for partners, by Payload's own Lexical converter (it escapes text and
 * attributes and defuses `javascript:` links). Images are drawn from the view's own `bodyImages`
 * (absolute URLs, alt and credit); a link to another of our articles keeps its text only, since the
 * partner's copy cannot follow our internal IDs.
 */
export const bodyHtmlOf = (body: unknown, bodyImages: ImageView[]): string => {
  if (typeof body !== 'object' || body === null || !('root' in body)) {
    return ''
  }
  const images = new Map(bodyImages.map((image) => [String(image.id), image]))
  const externalLink = LinkHTMLConverter({}).link
  const converters: HTMLConverters = {
    link: (args) =>
      args.node.fields.linkType === 'internal' || typeof externalLink !== 'function'
        ? args.nodesToHTML({ nodes: args.node.children }).join('')
        : externalLink(args),
    upload: ({ node }) => {
      const value = (node as { value?: unknown }).value
      const id =
        typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
      const image = images.get(String(id))
      if (!image) {
        return ''
      }
      const size =
        image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
      const credit = image.credit ? `<figcaption>${escapeHTML(image.credit)}</figcaption>` : ''
      return `<figure><img src="${escapeHTML(image.url)}" alt="${escapeHTML(image.alt)}"${size}>${credit}</figure>`
    },
  }
  return convertLexicalToHTML({
    converters: ({ defaultConverters }) => ({ ...defaultConverters, ...converters }),
    data: body as Parameters<typeof convertLexicalToHTML>[0]['data'],
    disableContainer: true,
  })
}
