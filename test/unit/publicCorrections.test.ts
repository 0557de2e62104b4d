import { describe, expect, it } from 'vitest'

import { publicCorrectionEntries } from '../../src/delivery/publicCorrections.ts'

const article = (id: number, corrections: unknown) => ({
  corrections,
  id,
  slug: `a-${id}`,
  title: `Article ${id}`,
})
const url = (doc: Record<string, any>) => `https://site.example/fr/articles/${doc.slug}`
const summary = (entries: ReturnType<typeof publicCorrectionEntries>) =>
  entries.map((entry) => `${entry.article.id}:${entry.text}`)

describe('publicCorrectionEntries', () => {
  it('orders every entry of every article newest first, undated ones last in the articles’ order', () => {
    const entries = publicCorrectionEntries(
      [
        article(1, [
          { at: '2026-01-02T10:00:00.000Z', text: 'old', type: 'correction' },
          { text: 'undated', type: 'clarification' },
        ]),
        article(2, [{ at: '2026-03-01T10:00:00.000Z', text: 'new', type: 'retraction' }]),
        article(3, [{ at: 'not a date', text: 'bad date', type: 'correction' }]),
      ],
      'fr',
      url,
    )
    expect(summary(entries)).toEqual(['2:new', '1:old', '1:undated', '3:bad date'])
    expect(entries[0]).toMatchObject({
      article: { title: 'Article 2', url: 'https://site.example/fr/articles/a-2' },
      type: 'retraction',
      typeLabel: 'Retrait',
    })
    expect(entries.find((entry) => entry.text === 'undated')?.typeLabel).toBe('Précision')
  })

  it('skips entries without a note and values that are not lists, and keeps the newest `limit`', () => {
    const entries = publicCorrectionEntries(
      [
        article(1, 'constructor'),
        article(2, [null, { text: '   ' }, { at: '2026-01-01T00:00:00.000Z', text: 'a' }]),
        article(3, [
          { at: '2026-02-01T00:00:00.000Z', text: 'b' },
          { at: '2026-03-01T00:00:00.000Z', text: 'c' },
        ]),
      ],
      'en',
      url,
      2,
    )
    expect(summary(entries)).toEqual(['3:c', '3:b'])
    expect(entries[0]?.typeLabel).toBe('Correction')
  })
})
