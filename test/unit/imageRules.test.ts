import { describe, expect, it } from 'vitest'
import { imageProblems, problemsAddedByEdit } from 'payload-newsroom/rules'
const now = new Date('2026-12-01T12:00:00Z')
const credited = {
  alt: 'Le port',
  credit: 'Agence',
  filename: 'port.jpg',
  id: 1,
  licence: 'CC BY 4.0',
  origin: 'third-party',
}

describe('the image rules', () => {
  it('asks every image for alt text in the article’s language, and a third-party one for its credit, licence and live rights', () => {
    expect(imageProblems([{ ...credited, usedAs: 'body' }], 'fr', now)).toEqual([])
    const bare = {
      alt: ' ',
      filename: 'x.png',
      id: 2,
      origin: 'third-party',
      rightsExpireAt: '2026-12-01T11:00:00Z',
      usedAs: 'featuredImage' as const,
    }
    expect(imageProblems([bare], 'en', now).map((problem) => problem.code)).toEqual([
      'imageAltMissing',
      'imageCreditMissing',
      'imageLicenceMissing',
      'imageRightsExpired',
    ])
    expect(
      imageProblems([{ alt: 'Nous', id: 3, origin: 'own', usedAs: 'body' }], 'fr', now),
    ).toEqual([])
  })

  it('says what an edit would break for the published articles showing the image, and only that', () => {
    const shownInFrench = { language: 'fr', now, shownIn: ['fr'] }
    expect(
      problemsAddedByEdit(credited, { ...credited, alt: '' }, shownInFrench).map(
        (problem) => problem.code,
      ),
    ).toEqual(['imageAltMissing'])
    expect(
      problemsAddedByEdit(credited, { ...credited, licence: null }, shownInFrench).map(
        (problem) => problem.code,
      ),
    ).toEqual(['imageLicenceMissing'])
    // Another language's texts are not the published articles' texts; a licence is every language's.
    const editInEnglish = { language: 'en', now, shownIn: ['fr'] }
    expect(
      problemsAddedByEdit(credited, { ...credited, alt: '', credit: '' }, editInEnglish),
    ).toEqual([])
    expect(
      problemsAddedByEdit(
        credited,
        { ...credited, rightsExpireAt: '2026-11-30T00:00:00Z' },
        editInEnglish,
      ).map((problem) => problem.code),
    ).toEqual(['imageRightsExpired'])
    // A problem the image already had is not the edit's doing.
    expect(
      problemsAddedByEdit(
        { ...credited, credit: '' },
        { ...credited, credit: '', alt: 'Le port au matin' },
        shownInFrench,
      ),
    ).toEqual([])
    // Making an own image third-party without a credit is.
    const own = { alt: 'Nous', id: 4, origin: 'own' }
    expect(
      problemsAddedByEdit(own, { ...own, origin: 'third-party' }, shownInFrench).map(
        (problem) => problem.code,
      ),
    ).toEqual(['imageCreditMissing', 'imageLicenceMissing'])
  })
})
