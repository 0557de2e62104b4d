/** Letters that Unicode decomposition does not reduce to ASCII. */
const transliterations: Record<string, string> = {
  æ: 'ae',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Turns a title into a URL slug: accents are transliterated rather than dropped
 * (`Moscou renforce la défense` → `moscou-renforce-la-defense`), so French titles keep readable slugs.
 */
export const formatSlug = (input: string): string =>
  input
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æđðħıłøœßþ]/g, (letter) => transliterations[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

export const isValidSlug = (slug: string): boolean => slugPattern.test(slug)
