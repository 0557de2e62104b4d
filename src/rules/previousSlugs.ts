/**
 * The paths an article answered at before its slug changed, so that links to them keep working
 * (answered 301 by the read model). Pure: shared by the hook that records them and its tests.
 */

/** How many earlier slugs an article keeps: enough for any real renaming, bounded for an attacker. */
export const maxPreviousSlugs = 20

/**
 * The earlier slugs after a publication: the slug readers saw until now joins them when it differs
 * from the new one, the new one leaves them (an article renamed back answers at its slug again),
 * oldest first, without repeats, the oldest dropped beyond the bound.
 */
export const previousSlugsAfter = (
  kept: readonly string[],
  leaving: string | undefined,
  current: string | undefined,
): string[] => {
  const slugs = [...kept, ...(leaving ? [leaving] : [])].filter((slug) => slug !== current)
  return [...new Set(slugs)].slice(-maxPreviousSlugs)
}
