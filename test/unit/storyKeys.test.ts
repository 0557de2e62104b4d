import { describe, expect, it } from 'vitest'

import { originalUrlKey, storyFingerprint } from '../../src/rules/storyKeys'

const body =
  'La Banque centrale européenne a maintenu ses taux directeurs jeudi, comme attendu par les marchés, tout en signalant une possible baisse en juin si l’inflation continue de ralentir dans la zone euro.'

describe('the keys that find the same story from two sources', () => {
  it('reads one original address however sites write it', () => {
    const key = originalUrlKey('https://www.site.example/news/ecb/')
    expect(originalUrlKey('http://site.example/news/ecb?utm_source=x&utm_medium=rss#top')).toBe(key)
    expect(originalUrlKey('https://site.example/news/ecb')).toBe(key)
    expect(originalUrlKey('https://site.example/news/ecb?id=2')).not.toBe(key)
    expect(originalUrlKey('https://site.example/news/other')).not.toBe(key)
    expect(originalUrlKey('javascript:alert(1)')).toBeUndefined()
    expect(originalUrlKey('not a url')).toBeUndefined()
  })

  it('fingerprints title and opening alike through case, accents, punctuation and spacing', () => {
    const fingerprint = storyFingerprint('La BCE maintient ses taux', body)
    expect(fingerprint).toMatch(/^[\w-]{32}$/)
    expect(
      storyFingerprint(
        'LA BCE MAINTIENT SES TAUX !',
        body.toUpperCase().replace(/é/g, 'e').replace(/,/g, ' ,'),
      ),
    ).toBe(fingerprint)
    expect(storyFingerprint('La BCE baisse ses taux', body)).not.toBe(fingerprint)
    expect(storyFingerprint('La BCE maintient ses taux', body.replace('juin', 'juillet'))).not.toBe(
      fingerprint,
    )
  })

  it('does not fingerprint a body too short to tell stories apart', () => {
    expect(storyFingerprint('Flash', 'Le bitcoin monte.')).toBeUndefined()
  })
})
