export { defaultCollectionSlugs, defaultInputLimits, resolveOptions } from './defaults'
export { newsroomPlugin } from './plugin'
export type {
  CollectionOverride,
  NewsroomPluginOptions,
  NewsroomRole,
  ResolvedNewsroomOptions,
} from './types'
export { newsroomRoles } from './types'
export { formatSlug, isValidSlug } from './utilities/formatSlug'
export { limitGraphQLRequest } from './http/limitGraphQLRequest'
export { limitRequestBody, type RequestBodyLimits } from './http/limitRequestBody'
export { jsonLdScriptText } from './read/jsonLd'
