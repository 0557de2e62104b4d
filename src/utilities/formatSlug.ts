import anyAscii from 'any-ascii'
import { createHash } from 'node:crypto'

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Chinese characters (also in Japanese): each transliterates to a syllable, kept apart as a word. */
const hanCharacter = /\p{Script=Han}/u

/**
 * Turns a title into a URL slug in ASCII, transliterated with any-ascii (maintained tables for every
 * script) rather than dropped: `Moscou renforce la défense` → `moscou-renforce-la-defense`,
 * `Москва усиливает оборону` → `moskva-usilivaet-oboronu`, `東京の株価` → `dong-jing-no-zhu-si`.
 * Empty only for a title with no letters or digits at all (see `slugFromTitle`).
 */
export const formatSlug = (input: string): string =>
  [...input]
    .map((character) =>
      hanCharacter.test(character) ? ` ${anyAscii(character)} ` : anyAscii(character),
    )
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/**
 * A slug that is never empty: the title's, or for a title with nothing to transliterate (`!!!`, `…`)
 * `<fallback>-` and a digest of the title, so the same title always gives the same slug.
 */
export const slugFromTitle = (title: string, fallback = 'article'): string =>
  formatSlug(title) || `${fallback}-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`

export const isValidSlug = (slug: string): boolean => slugPattern.test(slug)
