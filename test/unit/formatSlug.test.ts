import { describe, expect, it } from 'vitest'

import { formatSlug, isValidSlug } from 'payload-newsroom'

describe('formatSlug', () => {
  it.each([
    ['Moscou renforce la défense du Venezuela', 'moscou-renforce-la-defense-du-venezuela'],
    ["L'économie française : où en est-on ?", 'l-economie-francaise-ou-en-est-on'],
    ['Cœur de métier, Æther & Straße', 'coeur-de-metier-aether-strasse'],
    ['  Bitcoin -- 100 000 $ !  ', 'bitcoin-100-000'],
    ['Łódź, Øresund', 'lodz-oresund'],
  ])('%s → %s', (title, slug) => {
    expect(formatSlug(title)).toBe(slug)
    expect(isValidSlug(formatSlug(title))).toBe(true)
  })

  it('refuses what is not lowercase letters, digits and single hyphens', () => {
    for (const bad of ['Upper', 'double--hyphen', '-leading', 'trailing-', 'accent-é', 'space here', '']) {
      expect(isValidSlug(bad), bad).toBe(false)
    }
  })
})
