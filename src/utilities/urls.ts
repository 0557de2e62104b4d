/** Schemes a reader may be sent to from an article. `javascript:`, `data:` and the like never are. */
export const webSchemes = ['http:', 'https:'] as const
export const bodyLinkSchemes = ['http:', 'https:', 'mailto:'] as const

/** True when `value` is an absolute URL with one of the schemes. Relative links are internal and allowed by `allowRelative`. */
export const hasAllowedScheme = (
  value: string,
  schemes: readonly string[],
  { allowRelative = false }: { allowRelative?: boolean } = {},
): boolean => {
  const trimmed = value.trim()
  if (allowRelative && (trimmed.startsWith('/') || trimmed.startsWith('#')) && !trimmed.startsWith('//')) {
    return true
  }
  try {
    return schemes.includes(new URL(trimmed).protocol)
  } catch {
    return false
  }
}
