import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication sets `publishedAt` (the feed's order) unless an editor set it. */
export const stampPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) =>
  data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt
    ? { ...data, publishedAt: new Date().toISOString() }
    : data
