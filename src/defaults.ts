import type { Config } from 'payload'

import type {
  CollectionOverride,
  NewsroomCollectionKey,
  NewsroomPluginOptions,
  ResolvedCollectionOptions,
  ResolvedNewsroomOptions,
} from './types'

/** The plugin's defaults, all in one place. */
export const defaultCollectionSlugs: Record<NewsroomCollectionKey, string> = {
  articles: 'articles',
  disclaimers: 'disclaimers',
  sections: 'sections',
  sources: 'sources',
  users: 'users',
  workflowEvents: 'workflow-events',
}
export const defaultLanguages = ['fr', 'en']
export const defaultDisclaimerKeys = {
  'ai-generated': 'ai-generated',
  'not-financial-advice': 'not-financial-advice',
  'third-party': 'third-party-content',
} as const
export const defaultMaxVersionsPerArticle = 50
/** Comment settings of the feed we serve: 400 characters, bounded so no one sets an absurd limit. */
export const commentLengthLimits = { default: 400, max: 5000, min: 1 } as const

const resolveCollection = (
  override: CollectionOverride | undefined,
  defaultSlug: string,
): ResolvedCollectionOptions => ({
  overrides: override?.overrides ?? ((collection) => collection),
  slug: override?.slug ?? defaultSlug,
})

const configLanguages = (config: Config | undefined): string[] | undefined =>
  config?.localization
    ? config.localization.locales.map((locale) => (typeof locale === 'string' ? locale : locale.code))
    : undefined

export const resolveOptions = (
  options: NewsroomPluginOptions = {},
  config?: Config,
): ResolvedNewsroomOptions => ({
  autoAttachDisclaimers: options.autoAttachDisclaimers ?? true,
  collections: Object.fromEntries(
    (Object.keys(defaultCollectionSlugs) as NewsroomCollectionKey[]).map((key) => [
      key,
      resolveCollection(options.collections?.[key], defaultCollectionSlugs[key]),
    ]),
  ) as Record<NewsroomCollectionKey, ResolvedCollectionOptions>,
  defaultDisclaimerKeys: options.defaultDisclaimerKeys ?? defaultDisclaimerKeys,
  disabled: options.disabled ?? false,
  frontend: {
    articlePath: options.frontend?.articlePath ?? ((language, slug) => `/${language}/articles/${slug}`),
    publisher: options.frontend?.publisher ?? { name: 'Newsroom' },
    siteUrl: (options.frontend?.siteUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
  },
  languages: options.languages ?? configLanguages(config) ?? defaultLanguages,
  maxVersionsPerArticle: options.maxVersionsPerArticle ?? defaultMaxVersionsPerArticle,
})

/** The options the plugin resolved for this config (kept in `config.custom.newsroom`). */
export const pluginOptionsOf = (config: { custom?: Record<string, any> }): ResolvedNewsroomOptions => {
  const options = config.custom?.newsroom as ResolvedNewsroomOptions | undefined
  if (!options) {
    throw new Error('newsroomPlugin is not installed in this Payload config')
  }
  return options
}
