import { describe, expect, it } from 'vitest'
import {
  aiDisclosureOf,
  resolveOptions,
  toArticleView,
  toNewsArticleJsonLd,
} from 'payload-newsroom/rules'
const label = (level: string) => `label:${level}`
const names = new Map([
  ['7', 'Rita Reviewer'],
  ['8', 'Edith Editor'],
])
const iptc = 'http://cv.iptc.org/newscodes/digitalsourcetype/'

describe('the machine-readable AI disclosure', () => {
  it('is null when no AI touched what readers see, including a summary an editor wrote', () => {
    expect(aiDisclosureOf({ aiDisclosure: { level: 'none' } }, names, label)).toBeNull()
    expect(
      aiDisclosureOf({ summary: { status: 'ready', text: 'Écrit à la main.' } }, names, label),
    ).toBeNull()
    // Pending or failed: nothing a model wrote is shown yet.
    expect(
      aiDisclosureOf({ summary: { producedBy: 'm', status: 'failed' } }, names, label),
    ).toBeNull()
  })

  it('says what AI did, with which system, who reviewed it and who is responsible, in IPTC terms', () => {
    const article = {
      aiDisclosure: {
        level: 'generated',
        responsibleEditor: { id: 8 },
        reviewedAt: '2026-12-01T10:00:00.000Z',
        reviewedBy: 7,
      },
      byline: { automated: { enabled: true, label: 'robot', system: 'Néo-Wire Robot' } },
      summary: { producedBy: 'newsroom-extractive-1', status: 'ready', text: 'Le résumé.' },
    }
    expect(aiDisclosureOf(article, names, label)).toEqual({
      bodyDigitalSourceType: `${iptc}trainedAlgorithmicMedia`,
      label: 'label:generated',
      level: 'generated',
      responsibleEditor: 'Edith Editor',
      reviewed: { at: '2026-12-01T10:00:00.000Z', by: 'Rita Reviewer' },
      summaryDigitalSourceType: `${iptc}trainedAlgorithmicMedia`,
      systems: ['Néo-Wire Robot', 'newsroom-extractive-1'],
      uses: ['wrote', 'summarised'],
    })
    expect(aiDisclosureOf({ aiDisclosure: { level: 'translation' } }, names, label)).toMatchObject({
      bodyDigitalSourceType: `${iptc}compositeWithTrainedAlgorithmicMedia`,
      reviewed: null,
      summaryDigitalSourceType: null,
      uses: ['translated'],
    })
  })

  it('reaches the JSON-LD as schema.org’s digitalSourceType, the summary as a part, the reviewer as editor', () => {
    const options = resolveOptions({})
    const view = toArticleView({
      article: {
        aiDisclosure: { level: 'summary', reviewedAt: '2026-12-01T10:00:00.000Z', reviewedBy: 7 },
        id: 1,
        language: 'fr',
        slug: 'un-article',
        summary: { producedBy: 'my-model-2026-11', status: 'ready', text: 'Ce que dit l’article.' },
        title: 'Un article',
        updatedAt: '2026-12-01T10:00:00.000Z',
        workflowState: 'published',
      },
      authors: [],
      disclaimerPagePath: () => '/fr/avertissements',
      disclaimers: [],
      people: [{ id: 7, name: 'Rita Reviewer' }],
      section: null,
      source: null,
      translations: [],
    })
    expect(view.aiDisclosure).toMatchObject({ label: 'Résumé rédigé par IA', uses: ['summarised'] })
    const jsonLd = toNewsArticleJsonLd(view, options.frontend) as Record<string, any>
    // The body is the newsroom's; the summary a model wrote says so on its own.
    expect(jsonLd.digitalSourceType).toBeUndefined()
    expect(jsonLd.editor).toEqual({ '@type': 'Person', name: 'Rita Reviewer' })
    expect(jsonLd.hasPart).toEqual({
      '@type': 'CreativeWork',
      abstract: 'Ce que dit l’article.',
      creator: [{ '@type': 'Organization', name: 'my-model-2026-11' }],
      digitalSourceType: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
      name: 'Résumé rédigé par IA',
    })
    const written = toNewsArticleJsonLd(
      {
        ...view,
        aiDisclosure: aiDisclosureOf({ aiDisclosure: { level: 'generated' } }, names, label),
      },
      options.frontend,
    )
    expect((written as Record<string, any>).digitalSourceType).toBe(
      'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
    )
  })
})
