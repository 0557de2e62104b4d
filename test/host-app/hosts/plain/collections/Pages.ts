import type { CollectionConfig } from 'payload'

/** The host's own pages, untouched by the newsroom plugin. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  access: { read: () => true },
  admin: { useAsTitle: 'title' },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'slug', type: 'text', index: true, required: true, unique: true },
  ],
}
