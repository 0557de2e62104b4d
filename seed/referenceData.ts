import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

/** Sample reference data of the demo newsroom: all names and wording written for this project. */
export const sampleSections = [
  {
    slug: 'monde',
    description: { en: 'International news.', fr: 'L’actualité internationale.' },
    name: { en: 'World', fr: 'Monde' },
    order: 1,
  },
  {
    slug: 'marches',
    description: { en: 'Markets and assets.', fr: 'Marchés et actifs.' },
    name: { en: 'Markets', fr: 'Marchés' },
    order: 2,
    requiredDisclaimerKinds: ['not-financial-advice'],
  },
  {
    slug: 'crypto',
    description: { en: 'Crypto-assets and blockchains.', fr: 'Crypto-actifs et blockchains.' },
    name: { en: 'Crypto', fr: 'Crypto' },
    order: 3,
    requiredDisclaimerKinds: ['not-financial-advice'],
  },
  {
    slug: 'technologie',
    description: { en: 'Technology and science.', fr: 'Technologie et sciences.' },
    name: { en: 'Technology', fr: 'Technologie' },
    order: 4,
  },
  {
    slug: 'economie',
    description: { en: 'The economy.', fr: 'L’économie.' },
    name: { en: 'Economy', fr: 'Économie' },
    order: 5,
  },
] as const

export const sampleDisclaimers = [
  {
    key: 'third-party-content',
    kind: 'third-party',
    longText: {
      en: 'Some articles on this page come from third parties. They are published for information only. We guarantee neither their accuracy nor their validity, we do not endorse the opinions they express, and nothing in them is financial advice. Check the original source before relying on any of it.',
      fr: 'Certains articles de cette page proviennent de tiers. Ils sont publiés à titre d’information uniquement. Nous n’en garantissons ni l’exactitude ni la validité, nous ne faisons nôtre aucune des opinions exprimées, et rien de ce qu’ils contiennent ne constitue un conseil financier. Vérifiez la source d’origine avant de vous y fier.',
    },
    shortText: {
      en: 'This article may include third-party content, provided for information only. We guarantee neither its accuracy nor its validity, endorse no opinion it expresses and give no financial advice. See our Disclaimer page.',
      fr: 'Cet article peut contenir du contenu de tiers, fourni à titre d’information uniquement. Nous n’en garantissons ni l’exactitude ni la validité, ne faisons nôtre aucune opinion exprimée et ne donnons aucun conseil financier. Voir notre page Avertissement.',
    },
    title: { en: 'Third-party content', fr: 'Contenu de tiers' },
  },
  {
    key: 'not-financial-advice',
    kind: 'not-financial-advice',
    longText: {
      en: 'Nothing on this site is investment advice or a recommendation to buy or sell any asset. Crypto-assets are volatile: you may lose all the money you invest.',
      fr: 'Rien sur ce site ne constitue un conseil en investissement ni une recommandation d’acheter ou de vendre un actif. Les crypto-actifs sont volatils : vous pouvez perdre la totalité de votre mise.',
    },
    shortText: {
      en: 'Not financial advice. Crypto-assets are volatile and you may lose your capital.',
      fr: 'Ceci n’est pas un conseil financier. Les crypto-actifs sont volatils et vous pouvez perdre votre capital.',
    },
    title: { en: 'Not financial advice', fr: 'Pas un conseil financier' },
  },
  {
    key: 'ai-generated',
    kind: 'ai-generated',
    longText: {
      en: 'Some texts, summaries or translations on this site are produced with artificial intelligence. Each such article says what the AI did and who is editorially responsible for it.',
      fr: 'Certains textes, résumés ou traductions de ce site sont produits à l’aide de l’intelligence artificielle. Chacun de ces articles indique ce que l’IA a fait et qui en assume la responsabilité éditoriale.',
    },
    shortText: {
      en: 'Parts of this article were produced with AI.',
      fr: 'Une partie de cet article a été produite avec l’aide de l’IA.',
    },
    title: { en: 'AI-generated content', fr: 'Contenu généré par IA' },
  },
] as const

export const sampleSources = [
  {
    slug: 'agence-horizon',
    category: 'wire',
    copyrightHolder: 'Agence Horizon Presse',
    creditLine: { en: 'Horizon Press Agency', fr: 'Agence Horizon Presse' },
    defaultLicence: 'Horizon syndication licence, 2026',
    homepageUrl: 'https://horizon-presse.example',
    licence: {
      aiSummaries: 'allowed',
      durationDays: 365,
      onExpiry: 'retract',
      transformations: ['verbatim', 'excerpt', 'rewritten', 'summarised', 'translated'],
      translationLanguages: ['fr', 'en'],
    },
    name: 'Agence Horizon Presse',
  },
  {
    slug: 'chainwire-partners',
    category: 'partner',
    copyrightHolder: 'ChainWire Partners Ltd',
    creditLine: { en: 'ChainWire Partners', fr: 'ChainWire Partners' },
    defaultLicence: 'Partner content agreement',
    homepageUrl: 'https://chainwire.example',
    licence: {
      aiSummaries: 'forbidden',
      durationDays: 90,
      onExpiry: 'unpublish',
      transformations: ['verbatim', 'excerpt'],
      translationLanguages: [],
    },
    name: 'ChainWire Partners',
  },
  {
    slug: 'flux-agrege',
    category: 'aggregator',
    copyrightHolder: 'Flux Agrégé SAS',
    creditLine: { en: 'via Flux Agrégé', fr: 'via Flux Agrégé' },
    defaultLicence: 'Aggregation licence',
    homepageUrl: 'https://flux-agrege.example',
    licence: {
      aiSummaries: 'allowed',
      durationDays: 30,
      onExpiry: 'unpublish',
      transformations: [],
      translationLanguages: [],
    },
    name: 'Flux Agrégé',
  },
  {
    slug: 'communiques-express',
    category: 'press-release',
    copyrightHolder: 'Communiqués Express',
    creditLine: {
      en: 'Press release distributed by Communiqués Express',
      fr: 'Communiqué diffusé par Communiqués Express',
    },
    defaultLicence: 'Free redistribution of press releases',
    homepageUrl: 'https://communiques.example',
    name: 'Communiqués Express',
    // Press releases are meant to spread: their licence lets anyone mine them.
    textAndDataMining: 'allowed',
  },
] as const

type Localized = { en: string; fr: string }
const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && 'fr' in value && 'en' in value

/** Splits `{ fr, en }` values into one data object per locale (French first: it is the default locale). */
const perLocale = (data: Record<string, unknown>) =>
  (['fr', 'en'] as const).map((locale) => ({
    data: Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, isLocalized(value) ? value[locale] : value]),
    ),
    locale,
  }))

/**
 * Creates the document, or updates it when one matches `where`: running the seed twice leaves the
 * same content. Localized values are written locale by locale.
 */
export const upsert = async (
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  data: Record<string, unknown>,
  req?: Partial<PayloadRequest>,
): Promise<{ created: boolean; id: number | string }> => {
  const existing = await payload.find({ collection, depth: 0, limit: 1, req, where })
  let id = existing.docs[0]?.id
  const created = id === undefined
  for (const { data: localeData, locale } of perLocale(data)) {
    if (id === undefined) {
      id = (await payload.create({ collection, data: localeData as never, locale, req })).id
    } else {
      await payload.update({ id, collection, data: localeData as never, locale, req })
    }
  }
  return { created, id: id! }
}

/** Sections, disclaimers (approved) and sources of the demo newsroom, created or refreshed. */
export const ensureReferenceData = async (payload: Payload) => {
  const disclaimers = new Map<string, number | string>()
  for (const disclaimer of sampleDisclaimers) {
    const { id } = await upsert(
      payload,
      'disclaimers',
      { key: { equals: disclaimer.key } },
      { ...disclaimer, fullPageUrl: null, status: 'approved' },
    )
    disclaimers.set(disclaimer.key, id)
  }
  const sections = new Map<string, number | string>()
  for (const section of sampleSections) {
    const defaults =
      'requiredDisclaimerKinds' in section ? [disclaimers.get('not-financial-advice')!] : []
    const { id } = await upsert(
      payload,
      'sections',
      { slug: { equals: section.slug } },
      { ...section, defaultDisclaimers: defaults },
    )
    sections.set(section.slug, id)
  }
  const sources = new Map<string, number | string>()
  for (const source of sampleSources) {
    const { id } = await upsert(
      payload,
      'sources',
      { slug: { equals: source.slug } },
      {
        ...source,
        defaultDisclaimers: [disclaimers.get('third-party-content')!],
        status: 'active',
      },
    )
    sources.set(source.slug, id)
  }
  return { disclaimers, sections, sources }
}

/** The reference data as the synthetic generator takes it: every disclaimer, section and source id. */
export const syntheticReferences = ({
  disclaimers,
  sections,
  sources,
}: Awaited<ReturnType<typeof ensureReferenceData>>) => ({
  disclaimerIDs: [...disclaimers.values()],
  sectionIDs: [...sections.values()],
  sourceIDs: [...sources.values()],
})
