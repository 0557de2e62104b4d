import { bodyLinkSchemes, hasAllowedScheme } from './urls'

type LexicalNode = { children?: LexicalNode[]; fields?: { linkType?: string; url?: unknown }; type?: string }

/**
 * The URLs of custom links in a Lexical document whose scheme is not allowed (`javascript:`…).
 * Internal links (to documents) carry no URL and are not concerned.
 */
export const findDisallowedLinks = (state: unknown): string[] => {
  const found: string[] = []
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') {
      return
    }
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal') {
      const url = node.fields?.url
      if (typeof url !== 'string' || !hasAllowedScheme(url, bodyLinkSchemes, { allowRelative: true })) {
        found.push(String(url))
      }
    }
    node.children?.forEach(visit)
  }
  visit((state as { root?: LexicalNode } | null)?.root)
  return found
}
