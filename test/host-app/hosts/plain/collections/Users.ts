import type { CollectionConfig } from 'payload'

/** The template's users, with a field of the host's own. The plugin adds its roles here. */
export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email' },
  auth: true,
  fields: [{ name: 'nickname', type: 'text', maxLength: 40 }],
}
