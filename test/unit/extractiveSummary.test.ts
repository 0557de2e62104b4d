import { describe, expect, it } from 'vitest'
import { extractiveSummary, lexicalText, splitSentences } from 'payload-newsroom/rules'
import { heading, lexicalDocument, paragraph } from 'payload-newsroom/server'
const french =
  'Le bitcoin a franchi mardi le seuil des 100 000 dollars, une première. ' +
  'M. Dupont, analyste chez Horizon, estime que la hausse du bitcoin tient aux flux des fonds indiciels. ' +
  "Les volumes d'échange ont doublé en vingt-quatre heures. " +
  'Il faisait beau à Paris. ' +
  "Les fonds indiciels sur le bitcoin ont reçu 2 milliards de dollars en une semaine, selon les données compilées par l'agence."

describe('the extractive summary (the default provider)', () => {
  it('splits French sentences without cutting at "M." and keeps their text', () => {
    expect(splitSentences(french, 'fr')).toEqual([
      'Le bitcoin a franchi mardi le seuil des 100 000 dollars, une première.',
      'M. Dupont, analyste chez Horizon, estime que la hausse du bitcoin tient aux flux des fonds indiciels.',
      "Les volumes d'échange ont doublé en vingt-quatre heures.",
      'Il faisait beau à Paris.',
      "Les fonds indiciels sur le bitcoin ont reçu 2 milliards de dollars en une semaine, selon les données compilées par l'agence.",
    ])
  })

  it('keeps the most central sentences, in their order, within the limit, and leaves out the aside', () => {
    const summary = extractiveSummary({ language: 'fr', maxLength: 300, text: french })
    expect(summary.length).toBeLessThanOrEqual(300)
    expect(summary.startsWith('Le bitcoin a franchi mardi')).toBe(true)
    expect(summary).toContain('fonds indiciels')
    expect(summary).not.toContain('Il faisait beau')
    // Every sentence of the summary is a sentence of the text, in the text's order.
    const sentences = splitSentences(french, 'fr')
    const kept = splitSentences(summary, 'fr').map((sentence) => sentences.indexOf(sentence))
    expect(kept.every((index) => index >= 0)).toBe(true)
    expect([...kept].sort((a, b) => a - b)).toEqual(kept)
  })

  it('is the same for the same text, and shortens at a word when even the best sentence is too long', () => {
    expect(extractiveSummary({ language: 'fr', maxLength: 300, text: french })).toBe(
      extractiveSummary({ language: 'fr', maxLength: 300, text: french }),
    )
    const short = extractiveSummary({ language: 'fr', maxLength: 60, text: french })
    expect(short.length).toBeLessThanOrEqual(60)
    expect(short.endsWith('…')).toBe(true)
    expect(extractiveSummary({ language: 'en', maxLength: 300, text: '' })).toBe('')
  })

  it('summarises English too', () => {
    const english =
      'The central bank kept its rates on hold on Thursday. Markets had expected the central bank to wait. ' +
      'The weather was mild. Analysts said rates could fall next year if inflation keeps easing.'
    const summary = extractiveSummary({ language: 'en', maxLength: 160, text: english })
    expect(summary).toContain('central bank')
    expect(summary).not.toContain('weather')
  })

  it('reads the text of a body: paragraphs, not headings', () => {
    const body = lexicalDocument([
      heading('h2', 'Contexte'),
      paragraph('Première phrase.'),
      paragraph('Deuxième phrase.'),
    ])
    expect(lexicalText(body)).toBe('Première phrase.\nDeuxième phrase.')
    expect(lexicalText(null)).toBe('')
  })
})
