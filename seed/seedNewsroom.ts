import type { CollectionSlug, Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedNewsroomOptions } from 'payload-newsroom'
import { readItem, translations } from 'payload-newsroom/rules'
import {
  findSource,
  ingestItems,
  inTransaction,
  runWorkflowAction,
  summaryWaitUntilKey,
} from 'payload-newsroom/server'
import { readFileSync } from 'node:fs'
import { ensureReferenceData, upsert } from './referenceData'
import { ensureSampleImages } from './sampleImages'
import { type SampleArticle, sampleArticles } from './sampleArticles'

/** Development accounts, one per role. Documented in the README; never use them in production. */
export const seedUsers = [
  { email: 'admin@newsroom.test', name: 'Ada Admin', password: 'newsroom-admin', roles: ['admin'] },
  {
    email: 'editor@newsroom.test',
    name: 'Edith Editor',
    password: 'newsroom-editor',
    // What her author page says of her, per language.
    profile: {
      en: { bio: 'Covers central banks and markets.', jobTitle: 'Economics editor' },
      fr: {
        bio: 'Suit les banques centrales et les marchés.',
        jobTitle: 'Cheffe du service économie',
      },
    },
    roles: ['editor'],
  },
  {
    email: 'writer@newsroom.test',
    name: 'Walt Writer',
    password: 'newsroom-writer',
    roles: ['writer'],
  },
  {
    apiKey: 'newsroom-dev-ingest-key-not-for-production',
    email: 'ingest@newsroom.test',
    name: 'Ingest robot',
    password: 'newsroom-ingest',
    roles: ['ingest'],
  },
] as const

type ID = number | string

/** Deletes everything the seed creates, articles first (disclaimers in use cannot be deleted). */
export const wipeNewsroom = async (payload: Payload, options: ResolvedNewsroomOptions) => {
  const { collections } = options
  const order = [
    'workflowEvents',
    'ingestRuns',
    'articles',
    'media',
    'sections',
    'sources',
    'disclaimers',
    'users',
  ] as const
  const deleted: Record<string, number> = {}
  for (const key of order) {
    const slug = collections[key].slug as CollectionSlug
    const { docs } = await payload.delete({
      collection: slug,
      overrideAccess: true,
      where: { id: { exists: true } },
    })
    deleted[slug] = docs.length
  }
  return deleted
}

const upsertUser = async (
  payload: Payload,
  slug: CollectionSlug,
  user: (typeof seedUsers)[number],
) => {
  const { docs } = await payload.find({
    collection: slug,
    limit: 1,
    where: { email: { equals: user.email } },
  })
  if (docs[0]) {
    return { created: false, doc: docs[0] }
  }
  const data: Record<string, unknown> = {
    email: user.email,
    name: user.name,
    password: user.password,
    roles: user.roles,
  }
  if ('apiKey' in user) {
    Object.assign(data, { apiKey: user.apiKey, enableAPIKey: true })
  }
  const doc = await payload.create({ collection: slug, data: data as never })
  if ('profile' in user) {
    for (const locale of ['fr', 'en'] as const) {
      await payload.update({
        id: doc.id,
        collection: slug,
        data: user.profile[locale] as never,
        locale,
      })
    }
  }
  return { created: true, doc }
}

/** The workflow steps that bring a new article to its sample state, and who takes each. */
const stepsTo = (
  article: SampleArticle,
): [role: 'editor' | 'writer', action: string, note?: string][] => {
  switch (article.state) {
    case 'draft':
      return []
    case 'in_review':
      return [['writer', 'submit']]
    case 'changes_requested':
      return [
        ['writer', 'submit'],
        [
          'editor',
          'request_changes',
          'Merci de préciser la version du correctif et de citer l’avis de sécurité.',
        ],
      ]
    case 'approved':
      return [
        ['writer', 'submit'],
        ['editor', 'approve'],
      ]
    case 'scheduled':
      return [
        ['writer', 'submit'],
        ['editor', 'approve'],
        ['editor', 'schedule'],
      ]
    case 'retracted':
      return [
        ['editor', 'publish'],
        ['editor', 'retract', article.retraction],
      ]
    case 'published':
      return article.correction
        ? [
            ['editor', 'publish'],
            ['editor', 'correct', article.correction],
          ]
        : [['editor', 'publish']]
  }
}

/** The fictional wire's fixture feed, also served by the reference app at `demoWireFeedPath` for polling. */
export const demoWireFeed = () =>
  JSON.parse(readFileSync(new URL('./fixtures/neo-wire.ninjs.json', import.meta.url), 'utf8')) as {
    items: unknown[]
  }
export const demoWireFeedPath = '/demo-wire/ninjs.json'

/**
 * A fictional wire (robot byline, summaries requested) delivering in ninjs: its items go through the
 * ingest as its account would deliver them, so the admin shows a run, its copies and a held item.
 * While `npm run dev` runs, the source's feed (served by the reference app) is polled as well.
 */
const seedWireIngest = async (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  references: Awaited<ReturnType<typeof ensureReferenceData>>,
  ingestUser: Record<string, any>,
) => {
  const siteUrl = process.env.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000'
  const { id } = await upsert(
    payload,
    'sources',
    { slug: { equals: 'neo-wire' } },
    {
      category: 'wire',
      copyrightHolder: 'Néo-Wire',
      creditLine: { en: 'Néo-Wire (automated wire)', fr: 'Néo-Wire (dépêche automatisée)' },
      defaultDisclaimers: [references.disclaimers.get('third-party-content')!],
      defaultLicence: 'Néo-Wire syndication licence, 2026',
      homepageUrl: 'https://neo-wire.example',
      // The wire's items are summarised by AI, and retracted with a notice when the licence ends (ten
      // years from the item's date: the fixture's dates are fixed, and the demo must outlive them).
      licence: {
        aiSummaries: 'allowed',
        durationDays: 3_650,
        onExpiry: 'retract',
        transformations: ['verbatim'],
        translationLanguages: [],
      },
      ingest: {
        automatedByline: true,
        bylineSystem: 'Néo-Wire Robot',
        defaultLanguage: 'fr',
        defaultSection: references.sections.get('crypto'),
        feed: {
          categories: [{ category: 'regulation', section: references.sections.get('economie') }],
          format: 'ninjs',
          pollMinutes: 15,
          url: `${siteUrl}${demoWireFeedPath}`,
        },
        publishPolicy: 'publish-if-compliant',
        requestSummary: true,
        updatePolicy: 'review',
        user: ingestUser.id,
      },
      name: 'Néo-Wire',
      slug: 'neo-wire',
      status: 'active',
    },
  )
  const source = await findSource(await createLocalReq({}, payload), options, id, true)
  const req = await createLocalReq({ user: ingestUser as never }, payload)
  const { run } = await ingestItems(req, options, {
    items: demoWireFeed().items.map((item) => readItem('ninjs', item)),
    source: source!,
    trigger: 'seed',
  })
  const { counts } = run
  return `wire ingest (Néo-Wire, ninjs): ${counts.created} created, ${counts.unchanged} unchanged, ${counts.held} held under embargo, ${counts.refused + counts.failed} refused`
}

/**
 * The demo newsroom: users, reference data, and the sample articles brought to their states through
 * the workflow (so every rule runs). Articles already present (same language and slug) are left as they are.
 */
export const seedNewsroom = async (payload: Payload, options: ResolvedNewsroomOptions) => {
  const { collections } = options
  const lines: string[] = []
  const users: Record<string, Record<string, any>> = {}
  let usersCreated = 0
  for (const user of seedUsers) {
    const { created, doc } = await upsertUser(
      payload,
      collections.users.slug as CollectionSlug,
      user,
    )
    users[user.roles[0]] = { ...doc, collection: collections.users.slug }
    usersCreated += created ? 1 : 0
  }
  lines.push(`users: ${usersCreated} created, ${seedUsers.length - usersCreated} already present`)

  const references = await ensureReferenceData(payload)
  lines.push(
    `reference data: ${references.sections.size} sections, ${references.disclaimers.size} approved disclaimers, ${references.sources.size} sources (created or refreshed)`,
  )

  lines.push(await seedWireIngest(payload, options, references, users.ingest!))
  const images = await ensureSampleImages(payload, references.sources)
  lines.push(
    `images: ${images.size} (drawn by the project, with alt text and credits in both languages)`,
  )

  const articlesSlug = collections.articles.slug as CollectionSlug
  const ids = new Map<string, ID>()
  let articlesCreated = 0
  // Originals first, so that translations can point at them.
  for (const article of [...sampleArticles].sort(
    (a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)),
  )) {
    const { docs } = await payload.find({
      collection: articlesSlug,
      draft: true,
      limit: 1,
      where: {
        and: [{ language: { equals: article.language } }, { slug: { equals: article.slug } }],
      },
    })
    if (docs[0]) {
      ids.set(article.slug, docs[0].id)
      continue
    }
    const author =
      article.state === 'published' || article.state === 'retracted' ? users.editor! : users.writer!
    const source = article.source ? references.sources.get(article.source.slug) : undefined
    const created = await payload.create({
      collection: articlesSlug,
      data: {
        aiDisclosure: article.ai ? { level: article.ai.level } : undefined,
        attribution: article.source
          ? {
              originalTitle: article.source.originalTitle,
              originalUrl: article.source.url,
              retrievedAt: new Date().toISOString(),
              source,
              sourceItemId: article.source.itemId,
              transformation: article.source.transformation,
            }
          : undefined,
        body: article.body,
        featuredImage: article.image ? images.get(article.image) : undefined,
        byline: article.automatedByline
          ? { automated: { enabled: true, ...article.automatedByline } }
          : { authors: [author.id] },
        language: article.language,
        origin: article.source ? 'syndicated' : 'original',
        section: references.sections.get(article.section),
        slug: article.slug,
        standfirst: article.standfirst,
        summary: article.ai?.summaryStatus
          ? { status: article.ai.summaryStatus, text: article.ai.summaryText }
          : undefined,
        title: article.title,
        translationOf: article.translationOf ? ids.get(article.translationOf) : undefined,
      } as never,
      context: article.ai?.summaryWaitsHours
        ? { [summaryWaitUntilKey]: new Date(Date.now() + article.ai.summaryWaitsHours * 3_600_000) }
        : undefined,
      draft: true,
      overrideAccess: false,
      user: author,
    })
    ids.set(article.slug, created.id)
    for (const [role, action, note] of stepsTo(article)) {
      const req = await createLocalReq({ user: users[role] as never }, payload)
      await inTransaction(req, () =>
        runWorkflowAction(req, options, {
          action: action as never,
          id: created.id,
          note,
          // A week ahead, so the development scheduler leaves the demo in its "scheduled" state.
          publishAt:
            action === 'schedule'
              ? new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()
              : undefined,
        }),
      )
    }
    articlesCreated++
  }
  lines.push(
    `articles: ${articlesCreated} created, ${sampleArticles.length - articlesCreated} already present`,
  )

  // Shared list filters for the newsroom, named in both admin languages.
  const presets = [
    ['presetInReview', { workflowState: { equals: 'in_review' } }],
    ['presetSyndicated', { origin: { equals: 'syndicated' } }],
    [
      'presetProblems',
      { and: [{ _status: { equals: 'published' } }, { complianceProblems: { greater_than: 0 } }] },
    ],
  ] as const
  let presetsCreated = 0
  for (const [key, where] of presets) {
    const title = `${translations.en.newsroom[key]} / ${translations.fr.newsroom[key]}`
    const existing = await payload.find({
      collection: 'payload-query-presets',
      limit: 1,
      where: { title: { equals: title } },
    })
    if (existing.docs.length === 0) {
      await payload.create({
        collection: 'payload-query-presets',
        data: {
          access: {
            delete: { constraint: 'onlyMe' },
            read: { constraint: 'everyone' },
            update: { constraint: 'onlyMe' },
          },
          isShared: true,
          relatedCollection: articlesSlug,
          title,
          where,
        } as never,
        user: users.admin,
      })
      presetsCreated++
    }
  }
  lines.push(
    `list filters: ${presetsCreated} created, ${presets.length - presetsCreated} already present`,
  )
  lines.push(
    '',
    'Development accounts (password in brackets):',
    ...seedUsers.map(
      (user) =>
        `  ${user.roles[0].padEnd(7)} ${user.email} [${user.password}]${'apiKey' in user ? `  API key: ${user.apiKey}` : ''}`,
    ),
    '',
    'Admin: http://localhost:3000/admin — log in as editor@newsroom.test',
  )
  return { lines }
}
