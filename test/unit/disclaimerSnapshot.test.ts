import { describe, expect, it } from 'vitest'
import {
  shownSnapshotTexts,
  snapshotFinding,
  snapshotProblem,
  toDisclaimerSnapshot,
} from 'payload-newsroom/rules'
import { disclaimerContentHash } from '../../src/utilities/disclaimerText.ts'

const en = {
  longText: null,
  shortText: 'This article comes from a third party.',
  title: 'Syndicated content',
}
const fr = {
  longText: 'Texte long.',
  shortText: 'Cet article provient d’un tiers.',
  title: 'Contenu syndiqué',
}
const applied = { appliedAt: '2026-12-05T10:00:00.000Z', appliedBy: 7 }

/** A disclaimer as `locale: 'all'` reads it on a host with localization. */
const localizedDisclaimer = {
  contentHash: { en: disclaimerContentHash(en), fr: disclaimerContentHash(fr) },
  id: 3,
  key: 'third-party-content',
  kind: 'third-party',
  longText: { en: null, fr: fr.longText },
  shortText: { en: en.shortText, fr: fr.shortText },
  title: { en: en.title, fr: fr.title },
  version: 2,
}

/** The same disclaimer on a host without localization: every field is a plain value. */
const plainDisclaimer = {
  ...localizedDisclaimer,
  contentHash: disclaimerContentHash(en),
  longText: null,
  shortText: en.shortText,
  title: en.title,
}

describe('disclaimer snapshots', () => {
  it('records every locale with approved wording, and the hash of the texts shown in the article’s language', () => {
    const snapshot = toDisclaimerSnapshot(localizedDisclaimer, {
      ...applied,
      language: 'fr',
      localized: true,
    })
    expect(snapshot.texts).toEqual({ en, fr })
    expect(snapshot.contentHash).toBe(disclaimerContentHash(fr))
    expect(shownSnapshotTexts(snapshot, 'fr')).toEqual(fr)
    expect(
      snapshotProblem(snapshot, localizedDisclaimer, { language: 'fr', localized: true }),
    ).toBeNull()
  })

  it('reads a host without localization as one language, never one key per character', () => {
    const snapshot = toDisclaimerSnapshot(plainDisclaimer, {
      ...applied,
      language: 'en',
      localized: false,
    })
    expect(snapshot.texts).toEqual({ en })
    expect(snapshot.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(shownSnapshotTexts(snapshot, 'en').title).toBe('Syndicated content')
    expect(
      snapshotProblem(snapshot, plainDisclaimer, { language: 'en', localized: false }),
    ).toBeNull()
  })

  it('finds the garbled snapshot an older release wrote on such a host', () => {
    // What reading a plain string as an object of locales made of it: one "locale" per character.
    const garbled = {
      contentHash: plainDisclaimer.contentHash[0],
      texts: Object.fromEntries(
        [...plainDisclaimer.contentHash].map((_, index) => [
          String(index),
          { shortText: en.shortText[index], title: en.title[index] },
        ]),
      ),
      version: 2,
    }
    expect(shownSnapshotTexts(garbled, 'en').title).toBe('S')
    expect(snapshotProblem(garbled, plainDisclaimer, { language: 'en', localized: false })).toBe(
      'malformed',
    )
  })

  it('finds texts that do not hash to the recorded hash, and a hash that is not the approved wording’s', () => {
    const snapshot = toDisclaimerSnapshot(localizedDisclaimer, {
      ...applied,
      language: 'en',
      localized: true,
    })
    const edited = {
      ...snapshot,
      texts: { ...snapshot.texts, en: { ...en, shortText: 'Nothing to see.' } },
    }
    expect(snapshotProblem(edited, localizedDisclaimer, { language: 'en', localized: true })).toBe(
      'hashMismatch',
    )
    const otherWording = {
      ...localizedDisclaimer,
      contentHash: {
        ...localizedDisclaimer.contentHash,
        en: disclaimerContentHash({ ...en, title: 'Other' }),
      },
    }
    expect(snapshotProblem(snapshot, otherWording, { language: 'en', localized: true })).toBe(
      'notTheApprovedWording',
    )
    // A newer version is reported as outdated, not as a wrong wording.
    expect(
      snapshotProblem(
        snapshot,
        { ...otherWording, version: 3 },
        { language: 'en', localized: true },
      ),
    ).toBeNull()
    expect(
      snapshotFinding(
        snapshot,
        { ...otherWording, version: 3 },
        { language: 'en', localized: true },
      ),
    ).toBe('snapshotOutdated')
    expect(snapshotFinding(snapshot, otherWording, { language: 'en', localized: true })).toBe(
      'snapshotInvalid',
    )
    expect(
      snapshotFinding(snapshot, localizedDisclaimer, { language: 'en', localized: true }),
    ).toBeNull()
  })

  it.each([
    ['no texts', { contentHash: disclaimerContentHash(en) }],
    ['texts as a list', { contentHash: disclaimerContentHash(en), texts: [en] }],
    [
      'a locale that is not an object',
      { contentHash: disclaimerContentHash(en), texts: { en: 'Syndicated content' } },
    ],
    ['no hash', { texts: { en } }],
    [
      'no short text',
      {
        contentHash: disclaimerContentHash({ ...en, shortText: null }),
        texts: { en: { ...en, shortText: null } },
      },
    ],
  ])('finds a malformed snapshot: %s', (_, snapshot) => {
    expect(snapshotProblem(snapshot, undefined, { language: 'en', localized: true })).toBe(
      'malformed',
    )
  })

  it('falls back to the first recorded locale when the article’s language has no approved wording', () => {
    const frenchOnly = {
      ...localizedDisclaimer,
      contentHash: { en: null, fr: disclaimerContentHash(fr) },
    }
    const snapshot = toDisclaimerSnapshot(frenchOnly, {
      ...applied,
      language: 'en',
      localized: true,
    })
    expect(Object.keys(snapshot.texts)).toEqual(['fr'])
    expect(shownSnapshotTexts(snapshot, 'en')).toEqual(fr)
    expect(snapshotProblem(snapshot, frenchOnly, { language: 'en', localized: true })).toBeNull()
  })
})
