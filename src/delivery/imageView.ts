/** An image as a frontend draws it: absolute URLs, a `srcset`, its texts and its credit. */
export type ImageSizeView = { height: null | number; url: string; width: null | number }

export type ImageView = {
  alt: string
  caption: null | string
  copyrightNotice: null | string
  credit: null | string
  /** Where the subject is (0–100 from the left and the top), for cropping. */
  focalPoint: null | { x: number; y: number }
  height: null | number
  id: number | string
  licence: null | string
  sizes: { article: ImageSizeView | null; card: ImageSizeView | null; social: ImageSizeView | null }
  /** `url width` pairs, smallest first, for the `srcset` attribute. */
  srcset: string
  url: string
  width: null | number
}

type Doc = Record<string, any>

/**
 * Where the CMS answers (its media files, its API): Payload's `serverURL`, else the public site, for
 * the absolute URLs of the read model.
 */
export const cmsOrigin = (serverURL: string | undefined, frontend: { siteUrl: string }): string =>
  serverURL || frontend.siteUrl

const absolute = (url: unknown, base: string): null | string => {
  if (typeof url !== 'string' || !url) {
    return null
  }
  try {
    const resolved = new URL(url, base)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null
  } catch {
    return null
  }
}

const sizeOf = (size: Doc | undefined, base: string): ImageSizeView | null => {
  const url = absolute(size?.url, base)
  return url ? { height: size?.height ?? null, url, width: size?.width ?? null } : null
}

/** The view of a media document (`base`: where the CMS serves files, for relative URLs). */
export const toImageView = (doc: Doc, base: string): ImageView | null => {
  // A stored file's URL, else the address of an image its source hosts.
  const url = absolute(doc.filename ? doc.url : doc.externalUrl, base)
  if (!url) {
    return null
  }
  const sizes = {
    article: sizeOf(doc.sizes?.article, base),
    card: sizeOf(doc.sizes?.card, base),
    social: sizeOf(doc.sizes?.social, base),
  }
  const candidates = [
    sizes.card,
    sizes.article,
    { height: doc.height ?? null, url, width: doc.width ?? null },
  ]
    .filter((size): size is ImageSizeView => Boolean(size?.width))
    .sort((a, b) => a.width! - b.width!)
  return {
    alt: String(doc.alt ?? ''),
    caption: doc.caption ?? null,
    copyrightNotice: doc.copyrightNotice ?? null,
    credit: doc.credit ?? null,
    focalPoint:
      typeof doc.focalX === 'number' && typeof doc.focalY === 'number'
        ? { x: doc.focalX, y: doc.focalY }
        : null,
    height: doc.height ?? null,
    id: doc.id,
    licence: doc.licence ?? null,
    sizes,
    srcset: [
      ...new Map(candidates.map((size) => [size.width, `${size.url} ${size.width}w`])).values(),
    ].join(', '),
    url,
    width: doc.width ?? null,
  }
}
