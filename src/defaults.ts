import type {
  CollectionOverride,
  NewsroomPluginOptions,
  ResolvedCollectionOptions,
  ResolvedNewsroomOptions,
} from './types'

/** The plugin's defaults, all in one place. */
export const defaultCollectionSlugs = {
  sections: 'sections',
  users: 'users',
} as const

const resolveCollection = (
  override: CollectionOverride | undefined,
  defaultSlug: string,
): ResolvedCollectionOptions => ({
  overrides: override?.overrides ?? ((collection) => collection),
  slug: override?.slug ?? defaultSlug,
})

export const resolveOptions = (options: NewsroomPluginOptions = {}): ResolvedNewsroomOptions => ({
  collections: {
    sections: resolveCollection(options.collections?.sections, defaultCollectionSlugs.sections),
    users: resolveCollection(options.collections?.users, defaultCollectionSlugs.users),
  },
  disabled: options.disabled ?? false,
})
