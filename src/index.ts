export { defaultCollectionSlugs, resolveOptions } from './defaults'
export { newsroomPlugin } from './plugin'
export type {
  CollectionOverride,
  NewsroomPluginOptions,
  NewsroomRole,
  ResolvedNewsroomOptions,
} from './types'
export { newsroomRoles } from './types'
export { formatSlug, isValidSlug } from './utilities/formatSlug'
