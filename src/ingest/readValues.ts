import type { IngestImage, IngestItem, IngestWarning, NormalisedItem } from './ingestItem.ts'

import { imageMimeTypes } from '../rules/imageRules.ts'
import { htmlToText } from './itemText.ts'

/**
 * What every reader of a source's item shares, free of I/O: typed access to raw values, dates,
 * names, images, and the rule of what refuses an item (no ID, no title, a value of a type that cannot
 * be read where it matters) and what only warns (an optional value left out).
 */

export type Raw = Record<string, unknown>

export class ItemReadError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason)
  }
}

/** Collects the warnings of one item while a reader reads it. */
export type ItemReading = { warn: (warning: IngestWarning) => void }

export const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A string field: absent, or a string (trimmed; empty counts as absent). */
export const optionalText = (raw: Raw, key: string, path = key): string | undefined => {
  const value = raw[key]
  if (value === undefined || value === null) {
    return undefined
  }
  if (typeof value !== 'string') {
    throw new ItemReadError(path, 'must be a string')
  }
  return value.trim() || undefined
}

const parsedDate = (value: unknown): Date | undefined => {
  const date = typeof value === 'string' ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

const absent = (value: unknown) => value === undefined || value === null || value === ''

/**
 * A date whose absence is safe (an embargo, a rights expiry): one that cannot be read refuses the
 * item, since leaving it out would publish early or keep rights forever.
 */
export const requiredReadableDate = (value: unknown, path: string): string | undefined => {
  if (absent(value)) {
    return undefined
  }
  const date = parsedDate(value)
  if (!date) {
    throw new ItemReadError(path, 'is not a date')
  }
  return date.toISOString()
}

/** A date that only informs (published, updated): one that cannot be read is left out, with a warning. */
export const informativeDate = (
  value: unknown,
  path: string,
  reading: ItemReading,
): string | undefined => {
  if (absent(value)) {
    return undefined
  }
  const date = parsedDate(value)
  if (date) {
    return date.toISOString()
  }
  reading.warn({ detail: String(value).slice(0, 60), kind: 'date-left-out', path })
  return undefined
}

export const firstText = (...values: unknown[]): string | undefined =>
  values.find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim()

/** The first value that reads as text once its markup is gone (a title or standfirst sent as HTML). */
export const firstPlainText = (...values: unknown[]): string | undefined =>
  firstText(...values.map((value) => (typeof value === 'string' ? htmlToText(value) : undefined)))

export const names = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list
    .map((entry) =>
      typeof entry === 'string'
        ? entry
        : isRecord(entry)
          ? firstText(entry.name, entry.value)
          : undefined,
    )
    .filter((entry): entry is string => Boolean(entry?.trim()))
    .map((entry) => entry.trim())
}

/** "fr-FR", "FR" → "fr": articles are written in a language, not a locale. */
export const primaryLanguage = (value: string | undefined): string | undefined =>
  value ? value.trim().split(/[-_]/)[0]?.toLowerCase() || undefined : undefined

/** An http(s) URL, relative ones resolved against `base` (the item's or the feed's address) when there is one. */
export const webUrl = (value: unknown, base?: string): string | undefined => {
  const text = firstText(value)
  if (!text) {
    return undefined
  }
  if (/^https?:\/\//i.test(text)) {
    return text
  }
  if (!base || /^[a-z][a-z\d+.-]*:/i.test(text)) {
    return undefined
  }
  try {
    const resolved = new URL(text, base)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:'
      ? resolved.href
      : undefined
  } catch {
    return undefined
  }
}

export const pixels = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() ? Number(value) : value
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= 100_000
    ? number
    : undefined
}

/** URLs longer than this are not an image address but an attack or a data blob. */
const maxImageUrlLength = 2_000

/** An image type we publish, or none said; SVG (which can carry script) never, whatever its claim. */
const publishableImage = (image: IngestImage): boolean =>
  image.url.length <= maxImageUrlLength &&
  (!image.mimeType || imageMimeTypes.includes(image.mimeType.toLowerCase())) &&
  !/\.svgz?$/i.test(new URL(image.url).pathname)

/** The item's images with a web URL and a type we publish, each URL once, in the source's order; absent when none. */
export const itemImages = (candidates: (IngestImage | undefined)[]): IngestImage[] | undefined => {
  const seen = new Set<string>()
  const images = candidates.filter((image): image is IngestImage => {
    if (!image || seen.has(image.url) || !publishableImage(image)) {
      return false
    }
    seen.add(image.url)
    return true
  })
  return images.length ? images : undefined
}

/** An item as a reader makes it: its ID and title may still be missing. */
type ReadItem = Omit<IngestItem, 'sourceItemId' | 'title'> &
  Partial<Pick<IngestItem, 'sourceItemId' | 'title'>>

export const required = (item: ReadItem): IngestItem => {
  const { sourceItemId, title } = item
  if (!sourceItemId) {
    throw new ItemReadError('id', 'is required')
  }
  if (!title) {
    throw new ItemReadError('title', 'is required')
  }
  return { ...item, sourceItemId, title }
}

/** A reader that turns its `ItemReadError`s into the item's refusal, and collects its warnings. */
export const guarded =
  <Context = void>(
    itemId: (raw: Raw) => null | string,
    read: (raw: Raw, reading: ItemReading, context: Context) => IngestItem,
  ) =>
  (raw: unknown, context: Context): NormalisedItem => {
    if (!isRecord(raw)) {
      return { error: { itemId: null, path: 'item', reason: 'must be an object' } }
    }
    const warnings: IngestWarning[] = []
    try {
      const item = read(raw, { warn: (warning) => warnings.push(warning) }, context)
      return warnings.length ? { item, warnings } : { item }
    } catch (error) {
      if (!(error instanceof ItemReadError)) {
        throw error
      }
      return { error: { itemId: itemId(raw), path: error.path, reason: error.message } }
    }
  }

export const stringID = (...values: unknown[]): null | string =>
  firstText(
    ...values.map((value) =>
      typeof value === 'number' && Number.isFinite(value) ? String(value) : value,
    ),
  ) ?? null
