import { describe, expect, it } from 'vitest'
import {
  evaluatePublishRules,
  isDisclaimerValid,
  isEmbargoed,
  licenceProblems,
  requiredDisclaimerKinds,
  rightsExpired,
  rightsExpireWithin,
  selectDefaultDisclaimer,
} from 'payload-newsroom/rules'
import { type RuleDisclaimer, type RuleInput, type RuleLicence } from 'payload-newsroom/types'
const now = new Date('2026-11-28T12:00:00Z')
const disclaimer = (
  id: string,
  kind: string,
  extra: Partial<RuleDisclaimer> = {},
): RuleDisclaimer => ({
  id,
  kind,
  status: 'approved',
  ...extra,
})
const catalogue = (...items: RuleDisclaimer[]) => new Map(items.map((item) => [item.id, item]))

const syndicated = (extra: Partial<RuleInput> = {}): RuleInput => ({
  article: {
    attribution: { originalUrl: 'https://wire.example/1', source: 'src' },
    disclaimers: ['tp'],
    origin: 'syndicated',
  },
  autoAttach: true,
  disclaimers: catalogue(disclaimer('tp', 'third-party')),
  globalDefaults: {},
  now,
  section: { defaultDisclaimers: [], requiredDisclaimerKinds: [] },
  source: { creditLine: 'Wire', defaultDisclaimers: [], id: 'src', status: 'active' },
  ...extra,
})

describe('required disclaimer kinds', () => {
  it('asks third-party of syndicated pieces, the section’s kinds, and AI when unreviewed AI wrote or summarised it', () => {
    const markets = { defaultDisclaimers: [], requiredDisclaimerKinds: ['not-financial-advice'] }
    expect(requiredDisclaimerKinds({ disclaimers: [], origin: 'original' }, null)).toEqual([])
    expect(requiredDisclaimerKinds({ disclaimers: [], origin: 'syndicated' }, markets)).toEqual([
      'third-party',
      'not-financial-advice',
    ])
    for (const level of ['generated', 'summary']) {
      expect(
        requiredDisclaimerKinds(
          { aiDisclosure: { level }, disclaimers: [], origin: 'original' },
          null,
        ),
      ).toEqual(['ai-generated'])
    }
    const reviewed = { level: 'generated', reviewedAt: '2026-11-01', reviewedBy: 'u1' }
    expect(
      requiredDisclaimerKinds(
        { aiDisclosure: reviewed, disclaimers: [], origin: 'original' },
        null,
      ),
    ).toEqual([])
    expect(
      requiredDisclaimerKinds(
        { aiDisclosure: { level: 'assisted' }, disclaimers: [], origin: 'original' },
        null,
      ),
    ).toEqual([])
  })
})

describe('disclaimer validity', () => {
  it('needs approval and the effective window to include now', () => {
    expect(isDisclaimerValid(disclaimer('a', 'k'), now)).toBe(true)
    expect(isDisclaimerValid(disclaimer('a', 'k', { status: 'draft' }), now)).toBe(false)
    expect(isDisclaimerValid(disclaimer('a', 'k', { status: 'retired' }), now)).toBe(false)
    expect(
      isDisclaimerValid(disclaimer('a', 'k', { effectiveFrom: '2026-12-01T00:00:00Z' }), now),
    ).toBe(false)
    expect(
      isDisclaimerValid(disclaimer('a', 'k', { effectiveTo: '2026-11-28T12:00:00Z' }), now),
    ).toBe(false)
    expect(
      isDisclaimerValid(disclaimer('a', 'k', { effectiveTo: '2026-11-28T12:00:01Z' }), now),
    ).toBe(true)
    expect(isDisclaimerValid(undefined, now)).toBe(false)
  })
})

describe('default selection', () => {
  const candidates = catalogue(
    disclaimer('source-tp', 'third-party'),
    disclaimer('section-tp', 'third-party'),
    disclaimer('global-tp', 'third-party'),
    disclaimer('retired-tp', 'third-party', { status: 'retired' }),
  )
  const base = {
    disclaimers: candidates,
    globalDefaults: { 'third-party': 'global-tp' },
    now,
    section: { defaultDisclaimers: ['section-tp'], requiredDisclaimerKinds: [] },
    source: { defaultDisclaimers: ['retired-tp', 'source-tp'], id: 's', status: 'active' },
  }

  it('prefers the source, then the section, then the plugin default, skipping invalid ones', () => {
    expect(selectDefaultDisclaimer('third-party', base)).toEqual({
      disclaimer: 'source-tp',
      from: 'source',
      kind: 'third-party',
    })
    expect(selectDefaultDisclaimer('third-party', { ...base, source: null })).toMatchObject({
      disclaimer: 'section-tp',
      from: 'section',
    })
    expect(
      selectDefaultDisclaimer('third-party', { ...base, section: null, source: null }),
    ).toMatchObject({
      disclaimer: 'global-tp',
      from: 'global',
    })
    expect(
      selectDefaultDisclaimer('third-party', {
        ...base,
        globalDefaults: {},
        section: null,
        source: null,
      }),
    ).toBeUndefined()
  })

  it('never picks a default of another kind', () => {
    expect(selectDefaultDisclaimer('not-financial-advice', base)).toBeUndefined()
  })
})

describe('evaluatePublishRules', () => {
  it('passes a complete syndicated article', () => {
    expect(evaluatePublishRules(syndicated())).toEqual({
      attached: [],
      disclaimers: ['tp'],
      problems: [],
      requiredKinds: ['third-party'],
    })
  })

  it('reports every attribution problem with its field path', () => {
    const result = evaluatePublishRules(
      syndicated({
        article: {
          attribution: { originalUrl: 'javascript:alert(1)' },
          disclaimers: ['tp'],
          origin: 'syndicated',
        },
        source: null,
      }),
    )
    expect(result.problems).toEqual([
      { code: 'sourceMissing', path: 'attribution.source' },
      { code: 'originalUrlInvalid', path: 'attribution.originalUrl' },
      { code: 'creditMissing', path: 'attribution.creditText' },
    ])
  })

  it('refuses a suspended source, and accepts the source credit line in place of the article’s own', () => {
    const suspended = evaluatePublishRules(
      syndicated({
        source: { creditLine: 'Wire', defaultDisclaimers: [], id: 'src', status: 'suspended' },
      }),
    )
    expect(suspended.problems).toEqual([{ code: 'sourceInactive', path: 'attribution.source' }])
  })

  it('auto-attaches a missing kind and replaces a retired one, or reports it when it cannot', () => {
    const input = syndicated({
      article: {
        attribution: { originalUrl: 'https://w.example/1', source: 'src' },
        disclaimers: ['old'],
        origin: 'syndicated',
      },
      disclaimers: catalogue(
        disclaimer('old', 'third-party', { status: 'retired' }),
        disclaimer('new', 'third-party'),
      ),
      globalDefaults: { 'third-party': 'new' },
    })
    expect(evaluatePublishRules(input)).toMatchObject({
      attached: [{ disclaimer: 'new', from: 'global', kind: 'third-party' }],
      disclaimers: ['new'],
      problems: [],
    })
    expect(evaluatePublishRules({ ...input, autoAttach: false }).problems).toEqual([
      { code: 'disclaimerInvalid', disclaimer: 'old', kind: 'third-party', path: 'disclaimers' },
    ])
    expect(
      evaluatePublishRules({
        ...input,
        article: { ...input.article, disclaimers: [] },
        globalDefaults: {},
      }).problems,
    ).toEqual([{ code: 'disclaimerMissing', kind: 'third-party', path: 'disclaimers' }])
  })

  it('requires the section’s kinds of original articles too, but no attribution', () => {
    const result = evaluatePublishRules({
      ...syndicated(),
      article: { disclaimers: [], origin: 'original' },
      autoAttach: false,
      section: { defaultDisclaimers: [], requiredDisclaimerKinds: ['not-financial-advice'] },
    })
    expect(result.problems).toEqual([
      { code: 'disclaimerMissing', kind: 'not-financial-advice', path: 'disclaimers' },
    ])
  })
})

describe('embargo, rights and the source’s licence', () => {
  const withArticle = (article: Partial<RuleInput['article']>, licence?: RuleLicence) => {
    const base = syndicated()
    return evaluatePublishRules({
      ...base,
      article: {
        ...base.article,
        ...article,
        attribution: { ...base.article.attribution, ...article.attribution },
      },
      source: { ...base.source!, licence: licence ?? null },
    }).problems
  }

  it('refuses publication before the embargo lifts, for our own pieces too, and allows it from that instant', () => {
    expect(withArticle({ embargoUntil: '2026-11-28T12:00:01Z' })).toEqual([
      { code: 'embargoed', path: 'embargoUntil', until: '2026-11-28T12:00:01Z' },
    ])
    expect(withArticle({ embargoUntil: '2026-11-28T12:00:00Z' })).toEqual([])
    expect(
      evaluatePublishRules({
        ...syndicated(),
        article: { disclaimers: [], embargoUntil: '2027-01-01T00:00:00Z', origin: 'original' },
      }).problems,
    ).toEqual([{ code: 'embargoed', path: 'embargoUntil', until: '2027-01-01T00:00:00Z' }])
    expect(isEmbargoed({ embargoUntil: null }, now)).toBe(false)
  })

  it('refuses a syndicated piece whose rights have expired, but lets it be retracted, and warns ahead of the expiry', () => {
    const expired = { rightsExpireAt: '2026-11-28T12:00:00Z' }
    expect(withArticle({ attribution: expired })).toEqual([
      { at: expired.rightsExpireAt, code: 'rightsExpired', path: 'attribution.rightsExpireAt' },
    ])
    expect(withArticle({ attribution: expired, workflowState: 'retracted' })).toEqual([])
    const soon = { attribution: { rightsExpireAt: '2026-12-01T12:00:00Z' }, origin: 'syndicated' }
    expect(rightsExpired(soon, now)).toBe(false)
    expect(rightsExpireWithin(soon, now, 7)).toBe(true)
    expect(rightsExpireWithin(soon, now, 2)).toBe(false)
    expect(rightsExpired({ attribution: expired, origin: 'original' }, now)).toBe(false)
  })

  it('checks the transformation, the translation language and AI summaries against the licence; empty lists set no limit', () => {
    const licence: RuleLicence = {
      aiSummaries: 'forbidden',
      transformations: ['verbatim', 'excerpt', 'translated'],
      translationLanguages: ['fr'],
    }
    expect(withArticle({ attribution: { transformation: 'excerpt' } }, licence)).toEqual([])
    expect(withArticle({ attribution: { transformation: 'rewritten' } }, licence)).toEqual([
      {
        code: 'transformationNotLicensed',
        path: 'attribution.transformation',
        transformation: 'rewritten',
      },
    ])
    // Another language than the original's is a translation, whatever the transformation says.
    expect(
      withArticle({ attribution: { originalLanguage: 'en-GB' }, language: 'fr' }, licence),
    ).toEqual([])
    expect(
      withArticle({ attribution: { originalLanguage: 'fr' }, language: 'en' }, licence),
    ).toEqual([{ code: 'translationNotLicensed', language: 'en', path: 'language' }])
    expect(
      withArticle(
        { attribution: { originalLanguage: 'fr' }, language: 'en' },
        { transformations: ['verbatim'] },
      ),
    ).toEqual([
      {
        code: 'transformationNotLicensed',
        path: 'attribution.transformation',
        transformation: 'translated',
      },
    ])
    for (const summary of [{ status: 'pending' }, { producedBy: 'model-x', status: 'ready' }]) {
      expect(withArticle({ summary }, licence)).toEqual([
        { code: 'aiSummaryNotLicensed', path: 'summary.status' },
      ])
    }
    // A summary an editor wrote is no AI summary.
    expect(withArticle({ summary: { producedBy: null, status: 'ready' } }, licence)).toEqual([])
    expect(
      withArticle(
        { attribution: { transformation: 'rewritten' }, summary: { status: 'pending' } },
        { transformations: [], translationLanguages: [] },
      ),
    ).toEqual([])
    expect(licenceProblems({ disclaimers: [], origin: 'syndicated' }, null)).toEqual([])
  })
})
