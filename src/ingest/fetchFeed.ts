import iconv from 'iconv-lite'

import { readAtMost } from '../limits/limitRequestBody.ts'
import { fetchFailure, outboundFetch } from '../limits/outboundFetch.ts'
import { hasAllowedScheme, webSchemes } from '../utilities/urls.ts'
import { recordOf } from '../utilities/values.ts'

/**
 * One conditional GET of a source's feed: the validators of the last fetch (ETag, Last-Modified) sent
 * back, a timeout, a size bound read as it streams (whatever Content-Length claims), and the text
 * decoded strictly in its declared charset, so a feed in the wrong encoding is an error, not mojibake.
 */

export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message)
  }
}

export type FetchedFeed =
  /** `url`: where the feed was read after redirects, that its relative links resolve against. */
  | {
      bytes: number
      etag: null | string
      httpStatus: number
      lastModified: null | string
      notModified: false
      text: string
      url: string
    }
  | { etag: null | string; httpStatus: 304; lastModified: null | string; notModified: true }

// Byte-order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
const byteOrderMarks: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
]

/**
 * The document's charset as XML reads it: the byte-order mark first, then the server's header, then
 * the XML declaration; UTF-8 when none says.
 */
export const feedCharset = (bytes: Uint8Array, contentType: null | string): string => {
  const marked = byteOrderMarks.find(([mark]) => mark.every((byte, index) => bytes[index] === byte))
  if (marked) {
    return marked[1]
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  return (
    /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    'utf-8'
  )
}

/** Text in `charset`, strictly: bytes that are not valid in it are an error, never mojibake. WHATWG's decoders; UTF-32 (not a web encoding) by iconv-lite. */
export const decodeFeed = (bytes: Uint8Array, charset: string): string => {
  if (/^utf-?32/i.test(charset)) {
    if (bytes.byteLength % 4 !== 0) {
      throw new FeedFetchError(`the feed is not valid ${charset}`)
    }
    return iconv.decode(Buffer.from(bytes), charset).replace(/^\uFEFF/, '')
  }
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset, { fatal: true })
  } catch {
    throw new FeedFetchError(`unknown character encoding "${charset.slice(0, 40)}"`)
  }
  try {
    return decoder.decode(bytes)
  } catch {
    throw new FeedFetchError(`the feed is not valid ${charset.slice(0, 40)}`)
  }
}

const isClosedConnection = (error: unknown) => {
  const { code } = recordOf(recordOf(error).cause)
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET'
}

export const fetchFeed = async ({
  allowAddresses,
  etag,
  lastModified,
  maxBytes,
  timeoutMs,
  url,
}: {
  /** Non-public addresses the fetch may reach besides public ones (`outbound.allowAddresses`). */
  allowAddresses: readonly string[]
  etag?: null | string
  lastModified?: null | string
  maxBytes: number
  timeoutMs: number
  url: string
}): Promise<FetchedFeed> => {
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, */*;q=0.1',
    'user-agent': 'payload-newsroom-ingest',
  }
  if (etag) {
    headers['if-none-match'] = etag
  }
  if (lastModified) {
    headers['if-modified-since'] = lastModified
  }
  // The field allows http(s) only; old or imported records are checked again (fetch also reads data: URLs).
  if (!hasAllowedScheme(url, webSchemes)) {
    throw new FeedFetchError('the feed URL is not http(s)')
  }
  let response: Awaited<ReturnType<typeof outboundFetch>>
  try {
    // Redirects are followed, each to an address checked again at connect time.
    const signal = AbortSignal.timeout(timeoutMs)
    const get = () => outboundFetch(url, { headers, redirect: 'follow', signal }, allowAddresses)
    // A pooled keep-alive connection the server closed as we reused it fails before any answer: a GET
    // is safe to send once more, on a new connection.
    response = await get().catch((error: unknown) => {
      if (!isClosedConnection(error)) {
        throw error
      }
      return get()
    })
  } catch (error) {
    const reason =
      recordOf(error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `could not be fetched (${fetchFailure(error)})`
    throw new FeedFetchError(reason)
  }
  const validators = {
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined)
    // A 304 may leave out the validators; the ones sent still hold.
    return {
      etag: validators.etag ?? etag ?? null,
      httpStatus: 304,
      lastModified: validators.lastModified ?? lastModified ?? null,
      notModified: true,
    }
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    throw new FeedFetchError(`HTTP ${response.status}`, response.status)
  }
  const bytes = await readAtMost(response.body, maxBytes)
  if (!bytes) {
    throw new FeedFetchError(`the feed is larger than ${maxBytes} bytes`, response.status)
  }
  const text = decodeFeed(bytes, feedCharset(bytes, response.headers.get('content-type')))
  return {
    ...validators,
    bytes: bytes.byteLength,
    httpStatus: response.status,
    notModified: false,
    text,
    url: response.url || url,
  }
}
