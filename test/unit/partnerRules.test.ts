import type { ArticleView } from 'payload-newsroom/types'

import {
  partnerNoticeOf,
  partnerRefusalOf,
  partnerTokenProblem,
  toNinjs,
  toNinjsKill,
} from 'payload-newsroom/rules'
import { describe, expect, it } from 'vitest'

import { ninjsValidator } from '../helpers/ninjsSchemas'

const now = new Date('2026-12-07T12:00:00Z')
const published = { _status: 'published', language: 'fr', section: 7, workflowState: 'published' }
const ours = { ...published, origin: 'original' }
const syndicated = { ...published, origin: 'syndicated' }
const everything = { active: true, filters: { origin: 'own-and-redistributable' } }

describe('what may go to a partner', () => {
  it('sends our own published pieces, and syndicated ones only when their licence allows redistribution', () => {
    expect(partnerRefusalOf(ours, undefined, everything, now)).toBeNull()
    expect(partnerRefusalOf(syndicated, 'allowed', everything, now)).toBeNull()
    // Unsaid, unknown or forbidden: we pass on only what we were given.
    for (const term of [undefined, null, 'forbidden', 'ALLOWED', 'constructor']) {
      expect(partnerRefusalOf(syndicated, term, everything, now)).toBe('redistributionForbidden')
    }
  })

  it('never sends a draft, a retracted piece, an embargoed one or one whose rights expired', () => {
    expect(partnerRefusalOf({ ...ours, _status: 'draft' }, null, everything, now)).toBe(
      'notPublished',
    )
    expect(partnerRefusalOf({ ...ours, workflowState: 'retracted' }, null, everything, now)).toBe(
      'notPublished',
    )
    expect(
      partnerRefusalOf({ ...ours, embargoUntil: '2026-12-07T12:00:01Z' }, null, everything, now),
    ).toBe('embargoed')
    expect(
      partnerRefusalOf(
        { ...syndicated, attribution: { rightsExpireAt: '2026-12-07T12:00:00Z' } },
        'allowed',
        everything,
        now,
      ),
    ).toBe('rightsExpired')
    // An expiry on our own piece is not a licence of ours: it does not hold it back.
    expect(
      partnerRefusalOf(
        { ...ours, attribution: { rightsExpireAt: '2020-01-01T00:00:00Z' } },
        null,
        everything,
        now,
      ),
    ).toBeNull()
  })

  it('keeps to the partner’s languages, sections and origin', () => {
    const french = { active: true, filters: { languages: ['fr'], origin: 'own', sections: ['7'] } }
    expect(partnerRefusalOf(ours, null, french, now)).toBeNull()
    expect(partnerRefusalOf({ ...ours, language: 'en' }, null, french, now)).toBe('outsideFilters')
    expect(partnerRefusalOf({ ...ours, section: 8 }, null, french, now)).toBe('outsideFilters')
    // Ours only: a syndicated piece stays home even when its licence allows passing it on.
    expect(partnerRefusalOf(syndicated, 'allowed', french, now)).toBe('outsideFilters')
    expect(partnerRefusalOf(syndicated, 'allowed', { active: true }, now)).toBe('outsideFilters')
  })
})

describe('what a partner is told after a write', () => {
  it('kills an item at every partner that had it, and at no other', () => {
    for (const event of [
      'article.retracted',
      'article.unpublished',
      'article.deleted',
      'licence.ended',
    ] as const) {
      expect(partnerNoticeOf({ event, received: true, refusal: null })).toBe('kill')
      // Its filters no longer match: it had the item all the same.
      expect(partnerNoticeOf({ event, received: true, refusal: 'outsideFilters' })).toBe('kill')
      expect(partnerNoticeOf({ event, received: false, refusal: null })).toBeNull()
    }
  })

  it('sends items to partners that may have them; an item they may no longer have is killed if they had it', () => {
    for (const event of ['article.published', 'article.updated', 'article.corrected'] as const) {
      expect(partnerNoticeOf({ event, received: false, refusal: null })).toBe('item')
      expect(partnerNoticeOf({ event, received: true, refusal: null })).toBe('item')
      expect(partnerNoticeOf({ event, received: true, refusal: 'rightsExpired' })).toBe('kill')
      expect(partnerNoticeOf({ event, received: true, refusal: 'redistributionForbidden' })).toBe(
        'kill',
      )
      // A partner that changed its filters keeps what it has, and gets nothing new.
      expect(partnerNoticeOf({ event, received: true, refusal: 'outsideFilters' })).toBeNull()
      expect(partnerNoticeOf({ event, received: false, refusal: 'rightsExpired' })).toBeNull()
    }
  })
})

describe('partner tokens', () => {
  it('open the feed until they expire or are revoked; one without an expiry never does', () => {
    expect(partnerTokenProblem({ expiresAt: '2026-12-08T00:00:00Z' }, now)).toBeNull()
    expect(partnerTokenProblem({ expiresAt: '2026-12-07T12:00:00Z' }, now)).toBe('expired')
    expect(partnerTokenProblem({ expiresAt: null }, now)).toBe('expired')
    expect(partnerTokenProblem({ expiresAt: 'soon' }, now)).toBe('expired')
    expect(
      partnerTokenProblem(
        { expiresAt: '2027-01-01T00:00:00Z', revokedAt: '2026-12-07T11:59:59Z' },
        now,
      ),
    ).toBe('revoked')
    // A revocation set for later takes effect then.
    expect(
      partnerTokenProblem(
        { expiresAt: '2027-01-01T00:00:00Z', revokedAt: '2026-12-07T12:00:01Z' },
        now,
      ),
    ).toBeNull()
  })
})

const image = {
  alt: 'Le siège de la BCE',
  caption: null,
  copyrightNotice: '© Agence',
  credit: 'Photo : Agence',
  focalPoint: null,
  height: 800,
  id: 3,
  licence: null,
  sizes: { article: null, card: null, social: null },
  srcset: '',
  url: 'https://cms.example/media/bce.jpg',
  width: 1200,
}
const view: ArticleView = {
  provenance: null,
  aiDisclosure: {
    bodyDigitalSourceType:
      'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
    label: 'Résumé produit par IA, relu par la rédaction.',
    level: 'summary',
    responsibleEditor: 'Claire',
    reviewed: { at: '2026-12-07T10:00:00Z', by: 'Claire' },
    summaryDigitalSourceType: null,
    systems: ['robot'],
    uses: ['summarised'],
  },
  attribution: {
    copyrightHolder: 'Agence </script>',
    copyrightNotice: '© 2026 Agence',
    creditText: 'Avec Agence',
    licence: 'https://agence.example/licence',
    originalUrl: 'https://agence.example/item/1',
    source: { homepageUrl: 'https://agence.example', name: 'Agence', slug: 'agence' },
    viewOriginalLabel: 'Voir l’original',
  },
  basedOn: null,
  body: null,
  bodyImages: [image],
  byline: {
    authors: [{ id: 1, name: 'Ana', page: null }],
    automated: { disclosure: 'automatisé', label: 'Robot' },
  },
  comments: { enabled: true, maxLength: 400, moderation: false },
  corrections: [{ at: '2026-12-07T11:00:00Z', text: 'Le taux est de 4 %.', type: 'correction' }],
  correctionsPage: '/fr/corrections',
  disclaimers: [
    {
      fullPageUrl: null,
      key: 'third-party-content',
      kind: 'third-party',
      text: 'Contenu tiers.',
      title: 'Avertissement',
      version: 2,
    },
  ],
  featuredImage: image,
  id: 42,
  language: 'fr',
  pinned: false,
  publishedAt: '2026-12-07T09:00:00Z',
  retracted: null,
  section: { name: 'Monde', slug: 'monde' },
  seo: { canonical: 'self', canonicalUrl: null, robots: 'index' },
  slug: 'la-bce',
  standfirst: 'La BCE maintient ses taux.',
  summary: { status: 'ready', statusLabel: '', text: 'La BCE ne bouge pas.' },
  textAndDataMining: { policyUrl: null, reserved: true },
  title: 'La BCE maintient ses taux',
  translations: [],
  updatedAt: '2026-12-07T11:00:00Z',
}
const inputs = {
  bodyHtml: '<h2>Contexte</h2><p>Texte &lt;/script&gt;</p>',
  firstCreated: '2026-12-07T08:00:00Z',
  publisher: { name: 'Newsroom', siteUrl: 'https://news.example' },
  trustPolicies: { correctionsPolicy: 'https://news.example/corrections-policy' },
  uri: 'https://cms.example/api/partners/feed/42',
  url: 'https://news.example/fr/articles/la-bce',
  usageTerms: 'Usage éditorial seulement.',
  version: '2026-12-07T11:00:00Z',
  view,
}

describe('ninjs items', () => {
  it('validate against IPTC’s published schemas, 3.1 and 2.2', () => {
    const v3 = ninjsValidator('ninjs-3')
    const v2 = ninjsValidator('ninjs-2')
    const item3 = toNinjs('ninjs-3', inputs)
    const item2 = toNinjs('ninjs-2', inputs)
    expect(v3(item3), JSON.stringify(v3.errors)).toBe(true)
    expect(v2(item2), JSON.stringify(v2.errors)).toBe(true)
    // Each is refused by the other's schema: the versions really differ.
    expect(v3(item2)).toBe(false)
    expect(v2(item3)).toBe(false)
    expect(item3).not.toHaveProperty('places')
  })

  it('carry the disclaimer, the attribution, the AI disclosure and the correction shown to readers', () => {
    const item = toNinjs('ninjs-3', inputs) as Record<string, any>
    const described = (role: string) =>
      item.descriptions.filter((entry: any) => entry.role === role).map((entry: any) => entry.value)
    expect(described('disclaimer')).toEqual(['Avertissement: Contenu tiers.'])
    expect(described('ai-disclosure')).toEqual([view.aiDisclosure!.label])
    expect(described('correction')).toEqual(['2026-12-07T11:00:00Z: Le taux est de 4 %.'])
    expect(item.copyrightHolder).toBe('Agence </script>')
    expect(item.usageTerms).toBe('Usage éditorial seulement.')
    expect(item.rightsInfo).toEqual({ linkedRights: 'https://agence.example/licence' })
    expect(item.trustIndicators[0].role).toBe('https://schema.org/correctionsPolicy')
    expect(item.infoSources.map((source: any) => source.role)).toEqual(['publisher', 'originator'])
    expect(item.digitalSourceType.uri).toContain('compositeWithTrainedAlgorithmicMedia')
    expect(item.by).toBe('Ana, Robot (automatisé)')
    expect(item.associations[0]).toMatchObject({ by: 'Photo : Agence', type: 'picture' })
    const lower = toNinjs('ninjs-2', inputs) as Record<string, any>
    expect(lower.pubstatus).toBe('usable')
    expect(lower.rightsinfo).toEqual({ linkedrights: 'https://agence.example/licence' })
  })

  it('say a kill as the item’s identity with pubStatus canceled, valid in both versions', () => {
    const kill = {
      id: 42,
      language: 'fr',
      reason: 'article.retracted',
      uri: inputs.uri,
      version: '2026-12-07T12:00:00.000Z',
    }
    const v3 = toNinjsKill('ninjs-3', kill) as Record<string, any>
    const v2 = toNinjsKill('ninjs-2', kill) as Record<string, any>
    expect(ninjsValidator('ninjs-3')(v3)).toBe(true)
    expect(ninjsValidator('ninjs-2')(v2)).toBe(true)
    expect(v3.pubStatus).toBe('canceled')
    expect(v2.pubstatus).toBe('canceled')
    expect(v3).not.toHaveProperty('headlines')
    expect(v3).not.toHaveProperty('bodies')
  })

  it('names no licence link that is not a web address', () => {
    const item = toNinjs('ninjs-3', {
      ...inputs,
      view: { ...view, attribution: { ...view.attribution!, licence: 'javascript:alert(1)' } },
    }) as Record<string, any>
    expect(item.rightsInfo).toBeUndefined()
  })
})
