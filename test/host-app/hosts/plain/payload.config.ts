import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { newsroomPlugin } from 'payload-newsroom'
import sharp from 'sharp'

import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { Users } from './collections/Users'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Payload's blank template, as a newsroom that writes in English only would keep it: PostgreSQL with
// its default (serial, integer) IDs, migrations instead of a development push, and no localization.
export default buildConfig({
  admin: {
    avatar: 'default',
    importMap: { baseDir: dirname },
    user: Users.slug,
  },
  collections: [Users, Media, Pages],
  db: postgresAdapter({
    migrationDir: path.resolve(dirname, 'migrations'),
    pool: { connectionString: process.env.DATABASE_URI || '' },
    push: false,
  }),
  editor: lexicalEditor(),
  plugins: [
    newsroomPlugin({
      // The host's `media` is its own: the plugin's images take another slug (it says so at start otherwise).
      collections: { media: { slug: 'newsroom-media' } },
      frontend: { publisher: { name: 'Plain Gazette' }, siteUrl: 'https://plain.example' },
      languages: ['en'],
    }),
  ],
  secret: process.env.PAYLOAD_SECRET || 'host-app-plain-secret-not-for-production',
  sharp,
  telemetry: false,
  typescript: {
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
})
