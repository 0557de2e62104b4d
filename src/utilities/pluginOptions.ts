import type { ResolvedNewsroomOptions } from '../types.ts'

/** The options the plugin resolved for this config (kept in `config.custom.newsroom`). */
export const pluginOptionsOf = (config: {
  custom?: Record<string, any>
}): ResolvedNewsroomOptions => {
  const options: ResolvedNewsroomOptions | undefined = config.custom?.newsroom
  if (!options) {
    throw new Error('newsroomPlugin is not installed in this Payload config')
  }
  return options
}
