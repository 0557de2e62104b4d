import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

const nobody = () => false

/**
 * One row per lock the plugin takes. Writes that the publish rules depend on update the row first,
 * inside their transaction: the database holds that row lock until commit, so such writes take turns
 * across every app instance on the database, with no state in any process. The row's `stamp` is the
 * content's revision: it changes with every write the public could see. Server code only.
 */
export const createWriteLocksCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.writeLocks.overrides({
    slug: options.collections.writeLocks.slug,
    access: { create: nobody, delete: nobody, read: nobody, update: nobody },
    admin: { hidden: true },
    fields: [
      { name: 'key', type: 'text', index: true, required: true, unique: true },
      { name: 'takenAt', type: 'date' },
      // A new random value with every committed write: public reads derive their ETag from it.
      { name: 'stamp', type: 'text' },
    ],
    graphQL: false,
    timestamps: false,
  })
