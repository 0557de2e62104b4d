import type { CollectionConfig } from 'payload'

/** The template's own media collection: the plugin's images must live beside it, under another slug. */
export const Media: CollectionConfig = {
  slug: 'media',
  access: { read: () => true },
  fields: [{ name: 'alt', type: 'text', required: true }],
  upload: true,
}
