/** Schemes a reader may be sent to from an article. `javascript:`, `data:` and the like never are. */
export const webSchemes = ['http:', 'https:'] as const
export const bodyLinkSchemes = ['http:', 'https:', 'mailto:'] as const

// Browsers read a backslash as a slash and drop tabs and newlines inside URLs, so `/\evil.example`
// and `java\tscript:` are not what they look like: neither is ever accepted.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
const ambiguousCharacters = /[\\\u0000-\u001f\u007f]/

/** A path on this site: `/path`, `/path?query` or `#anchor`, never `//host` or `/\host`. */
const isSiteRelative = (value: string) =>
  (value.startsWith('/') && !value.startsWith('//')) || value.startsWith('#')

/**
 * True when `value` is an absolute URL with one of the schemes, or (with `allowRelative`) a path on
 * this site. Leading or trailing spaces, backslashes and control characters are refused outright.
 */
export const hasAllowedScheme = (
  value: string,
  schemes: readonly string[],
  { allowRelative = false }: { allowRelative?: boolean } = {},
): boolean => {
  if (value !== value.trim() || value === '' || ambiguousCharacters.test(value)) {
    return false
  }
  if (isSiteRelative(value)) {
    return allowRelative
  }
  try {
    return schemes.includes(new URL(value).protocol)
  } catch {
    return false
  }
}

/**
 * The URL when it is safe to put in an `href`, else null: what the view hands to frontends, so that a
 * value stored before a rule tightened (or written around the API) never becomes a link.
 */
export const safeUrl = (
  value: null | string | undefined,
  schemes: readonly string[],
  options: { allowRelative?: boolean } = {},
): null | string =>
  typeof value === 'string' && hasAllowedScheme(value, schemes, options) ? value : null
