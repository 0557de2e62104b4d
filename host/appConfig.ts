import type { Config, DatabaseAdapterObj } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import path from 'node:path'
import sharp from 'sharp'

import type { NewsroomPluginOptions } from 'payload-newsroom'
import { newsroomPlugin } from 'payload-newsroom'
import { depthLimit, fieldLimit, fragmentLimit } from 'payload-newsroom/http'
import { demoProvenanceKeys } from './provenanceKeys'
import { emailFromEnvironment } from './emailAdapter'
const developmentSecret = 'payload-newsroom-development-secret-do-not-use-in-production'

/**
 * `PAYLOAD_SECRET` signs sessions and API keys. Development gets a fixed fallback; a production
 * server refuses to start without a real one (`next build` may still compile without it).
 */
export const resolveSecret = (env: NodeJS.ProcessEnv = process.env): string => {
  if (env.PAYLOAD_SECRET) {
    return env.PAYLOAD_SECRET
  }
  if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('PAYLOAD_SECRET must be set when NODE_ENV=production')
  }
  return developmentSecret
}

const outboundAllowances = (env: NodeJS.ProcessEnv = process.env): string[] => [
  ...(env.NODE_ENV === 'production' ? [] : ['127.0.0.1', '::1']),
  ...(env.NEWSROOM_OUTBOUND_ALLOW ?? '')
    .split(',')
    .map((range) => range.trim())
    .filter(Boolean),
]

type AppConfigArgs = {
  db: DatabaseAdapterObj
  /** Where uploaded images are stored on disk. Default `NEWSROOM_MEDIA_DIR`, else `.data/media`. */
  mediaDir?: string
  newsroom?: NewsroomPluginOptions
  projectRoot: string
}

/**
 * The host app that demonstrates the plugin. `payload.config.ts` builds it with the selected database;
 * the tests build it with a fresh database per test file.
 */
export const createAppConfig = ({ db, mediaDir, newsroom, projectRoot }: AppConfigArgs): Config => {
  const staticDir =
    mediaDir ?? process.env.NEWSROOM_MEDIA_DIR ?? path.resolve(projectRoot, '.data/media')
  const siteUrl = process.env.NEWSROOM_SITE_URL ?? 'http://localhost:3000'
  return {
    admin: {
      avatar: 'default',
      importMap: { baseDir: projectRoot },
      meta: { titleSuffix: ' · Newsroom' },
    },
    db,
    editor: lexicalEditor(),
    // Notifications' emails (docs/workflow.md): SMTP when configured, else printed to the log.
    email: emailFromEnvironment(),
    graphQL: {
      disableIntrospectionInProduction: true,
      disablePlaygroundInProduction: true,
      // Bounds on what one query may cost: field complexity (Payload's: every field and alias counts 1,
      // the plugin's resolvers 50) and ours: fragments (no cycles, at most 50 deep), nesting depth,
      // fields in the document (`__typename` included, which the complexity rule skips).
      maxComplexity: 1000,
      validationRules: () => [fragmentLimit(), depthLimit(10), fieldLimit()],
      schemaOutputFile: path.resolve(projectRoot, 'host/generated-schema.graphql'),
    },
    // Scheduled publishing runs on Payload's jobs queue: in development the server runs it every
    // minute; in production run a worker (`npm run payload -- jobs:run --cron "* * * * *"`) or enable this.
    jobs: {
      autoRun:
        // Up to 100 jobs a minute (Payload's default is 10): notification emails share the queue.
        process.env.NODE_ENV === 'development'
          ? [{ cron: '* * * * *', limit: 100, queue: 'default' }]
          : [],
      tasks: [],
    },
    i18n: {
      fallbackLanguage: 'en',
      supportedLanguages: { en, fr },
    },
    localization: {
      defaultLocale: 'fr',
      fallback: true,
      locales: [
        { code: 'fr', label: 'Français' },
        { code: 'en', label: 'English' },
      ],
    },
    plugins: [
      newsroomPlugin({
        frontend: {
          // The logo and the image shared by articles without one are the app's own files (public/).
          publisher: {
            defaultImage: {
              alt: 'Newsroom (demo) : actualités · news',
              height: 630,
              url: `${siteUrl}/newsroom-share.png`,
              width: 1200,
            },
            logoUrl: `${siteUrl}/newsroom-logo.png`,
            name: 'Newsroom (demo)',
            // The demo has no policy pages of its own but its public list of corrections.
            policies: { correctionsPolicy: `${siteUrl}/fr/corrections` },
            trustTxt: {
              contact: ['mailto:redaction@newsroom.example'],
              datatrainingallowed: false,
              disclosure: [`${siteUrl}/fr/avertissement`],
            },
            url: siteUrl,
          },
          siteUrl,
          // The demo newsroom is French: its pages give times in Paris time, whatever the server's zone.
          timeZone: 'Europe/Paris',
        },
        // Outgoing requests reach public addresses only; in development also this machine, where a
        // newcomer's test feed or webhook receiver runs. NEWSROOM_OUTBOUND_ALLOW lists more (comma-separated).
        outbound: { allowAddresses: outboundAllowances() },
        // For load tests only (`npm run bench:http`): every request comes from one address there.
        ...(process.env.NEWSROOM_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {}),
        provenance: { keys: demoProvenanceKeys(projectRoot) },
        ...newsroom,
        collections: {
          ...newsroom?.collections,
          // Images on the local disk in development; a production site plugs a storage adapter (README: "Images").
          media: {
            overrides: (collection) => ({
              ...collection,
              upload: { ...(collection.upload as object), staticDir },
            }),
            ...newsroom?.collections?.media,
          },
        },
      }),
    ],
    secret: resolveSecret(),
    // Resizes uploaded images (card, article, social sizes) and lets the plugin check each upload.
    sharp,
    telemetry: false,
    typescript: {
      // Outside development every getPayload() would spawn a detached type generator.
      autoGenerate: process.env.NODE_ENV === 'development',
      outputFile: path.resolve(projectRoot, 'host/payload-types.ts'),
    },
  }
}
