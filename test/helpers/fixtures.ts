import type { Payload } from 'payload'
import { heading, lexicalDocument, paragraph } from 'payload-newsroom/server'
let counter = 0
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`

/** Small builders for test data through the Local API (hooks on), returning what Payload stored. */
export const fixtures = (payload: Payload) => ({
  article: (data: Record<string, any> = {}, options: { draft?: boolean } = {}) =>
    payload.create({
      collection: 'articles',
      data: {
        body: lexicalDocument([heading('h2', 'Contexte'), paragraph('Un paragraphe.')]),
        language: 'fr',
        title: unique('Article'),
        ...data,
      } as any,
      draft: options.draft,
    }),

  disclaimer: (data: Record<string, any> = {}) =>
    payload.create({
      collection: 'disclaimers',
      data: {
        key: unique('disclaimer'),
        kind: 'third-party',
        shortText:
          'Cet article peut inclure du contenu de tiers, fourni à titre informatif uniquement.',
        status: 'approved',
        title: 'Contenu de tiers',
        ...data,
      } as any,
      locale: 'fr',
    }),

  section: (data: Record<string, any> = {}) =>
    payload.create({
      collection: 'sections',
      data: { name: unique('Rubrique'), ...data } as any,
      locale: 'fr',
    }),

  source: (data: Record<string, any> = {}) =>
    payload.create({
      collection: 'sources',
      data: {
        category: 'wire',
        creditLine: 'Agence Exemple',
        name: unique('Source'),
        ...data,
      } as any,
      locale: 'fr',
    }),
})
