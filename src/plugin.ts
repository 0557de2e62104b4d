import type { CollectionConfig, Config, Plugin } from 'payload'

import { deepMergeSimple } from 'payload/shared'

import type { NewsroomPluginOptions } from './types'

import { createArticlesCollection } from '../collections/Articles'
import { createDisclaimersCollection } from '../collections/Disclaimers'
import { createSectionsCollection } from '../collections/Sections'
import { createSourcesCollection } from '../collections/Sources'
import { createWorkflowEventsCollection } from '../collections/WorkflowEvents'
import { articleViewQuery } from './endpoints/readQueries'
import { workflowMutation } from './endpoints/workflowMutation'
import { createUsersCollection, newsroomUserFields } from '../collections/Users'
import { resolveOptions } from './defaults'
import { translations } from './translations/index'

/** A host that already has its users collection keeps it; the plugin adds its fields to it. */
const mergeUsersCollection = (existing: CollectionConfig): CollectionConfig => {
  const existingNames = new Set(existing.fields.map((field) => ('name' in field ? field.name : '')))
  return {
    ...existing,
    fields: [
      ...existing.fields,
      ...newsroomUserFields().filter((field) => !('name' in field) || !existingNames.has(field.name)),
    ],
  }
}

/**
 * The newsroom plugin: articles (own and syndicated), sections, disclaimers, third-party sources and
 * users with roles, translated into English and French.
 */
export const newsroomPlugin =
  (pluginOptions: NewsroomPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions, incomingConfig)
    const usersSlug = options.collections.users.slug

    const hostCollections = incomingConfig.collections ?? []
    const hostHasUsers = hostCollections.some((collection) => collection.slug === usersSlug)

    const collections: CollectionConfig[] = [
      ...hostCollections.map((collection) =>
        collection.slug === usersSlug ? mergeUsersCollection(collection) : collection,
      ),
      ...(hostHasUsers ? [] : [createUsersCollection(options)]),
      createArticlesCollection(options),
      createSectionsCollection(options),
      createDisclaimersCollection(options),
      createSourcesCollection(options),
      createWorkflowEventsCollection(options),
    ]

    return {
      ...incomingConfig,
      admin: {
        ...incomingConfig.admin,
        user: incomingConfig.admin?.user ?? usersSlug,
      },
      collections,
      // The resolved options, for scripts and endpoints that run outside the hooks (compliance check).
      custom: { ...incomingConfig.custom, newsroom: options },
      graphQL: options.disabled
        ? incomingConfig.graphQL
        : {
            ...incomingConfig.graphQL,
            mutations: (GraphQL, payload) => ({
              ...(incomingConfig.graphQL?.mutations?.(GraphQL, payload) ?? {}),
              articleWorkflow: workflowMutation(GraphQL, options),
            }),
            queries: (GraphQL, payload) => ({
              ...(incomingConfig.graphQL?.queries?.(GraphQL, payload) ?? {}),
              ArticleView: articleViewQuery(GraphQL, options),
            }),
          },
      i18n: {
        ...incomingConfig.i18n,
        translations: deepMergeSimple(translations, incomingConfig.i18n?.translations ?? {}),
      },
    }
  }
