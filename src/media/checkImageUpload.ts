import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { translate } from '../translations/index.ts'
import { recordOf } from '../utilities/values.ts'

/** Formats sharp reads that we publish (as sharp names them). */
const publishedFormats = new Set(['avif', 'gif', 'heif', 'jpeg', 'png', 'webp'])

/**
 * Checks an uploaded image before Payload stores it or resizes it: within the size limit, and an
 * image sharp can read whole, in a published format and of a bounded pixel count. A corrupt or
 * oversized file is a 400 naming `file`, and nothing is written (Payload would otherwise fail while
 * resizing). The type itself is Payload's check (`mimeTypes`, sniffed from the content; SVG refused).
 */
export const checkImageUpload =
  (options: ResolvedNewsroomOptions): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    const file = req.file
    const refuse = (message: string, path = 'file') => {
      throw new ValidationError({ errors: [{ message, path }] }, req.t)
    }
    // An image is a stored file or one its source hosts (`externalUrl`), exactly one of the two.
    const externalUrl = recordOf(recordOf(args).data).externalUrl
    if (operation === 'create' && !file && !externalUrl) {
      refuse(translate(req.t, 'mediaFileRequired'))
    }
    if (operation === 'create' && file && externalUrl) {
      refuse(translate(req.t, 'mediaFileOrExternalUrl'), 'externalUrl')
    }
    if (!file || (operation !== 'create' && operation !== 'update')) {
      return args
    }
    const { maxFileBytes, maxPixels } = options.media
    if (file.size > maxFileBytes || (file.data?.length ?? 0) > maxFileBytes) {
      refuse(translate(req.t, 'mediaTooLarge', { max: Math.round(maxFileBytes / 1024 / 1024) }))
    }
    const sharp = req.payload.config.sharp
    if (!sharp || !file.data?.length) {
      return args
    }
    try {
      // `failOn: 'truncated'` reads the whole image: a cut-off or corrupt file fails here, not in the resize.
      const image = sharp(file.data, { failOn: 'truncated', limitInputPixels: maxPixels })
      const metadata = await image.metadata()
      if (!metadata.format || !publishedFormats.has(metadata.format)) {
        refuse(translate(req.t, 'mediaNotAnImage'))
      }
      await image.stats()
    } catch (error) {
      if (error instanceof ValidationError) {
        throw error
      }
      refuse(translate(req.t, 'mediaNotAnImage'))
    }
    return args
  }
