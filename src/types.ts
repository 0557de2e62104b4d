import type { CollectionConfig } from 'payload'

/** Roles the plugin knows. `ingest` is for machine clients (API keys) that deliver syndicated drafts. */
export const newsroomRoles = ['admin', 'editor', 'writer', 'ingest'] as const
export type NewsroomRole = (typeof newsroomRoles)[number]

export type CollectionOverride = {
  /** Change the collection's slug, for hosts that already use the default one. */
  slug?: string
  /** Last word on the generated collection, applied after the plugin built it. */
  overrides?: (collection: CollectionConfig) => CollectionConfig
}

export type NewsroomPluginOptions = {
  collections?: {
    sections?: CollectionOverride
    users?: CollectionOverride
  }
  /**
   * Keep the schema (collections and fields, so the database and the generated types do not change)
   * but skip the plugin's behaviour: hooks, validation rules and endpoints.
   */
  disabled?: boolean
}

export type ResolvedCollectionOptions = {
  overrides: (collection: CollectionConfig) => CollectionConfig
  slug: string
}

export type ResolvedNewsroomOptions = {
  collections: {
    sections: ResolvedCollectionOptions
    users: ResolvedCollectionOptions
  }
  disabled: boolean
}
