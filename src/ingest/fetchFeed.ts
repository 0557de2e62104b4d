import { readAtMost } from '../http/limitRequestBody.ts'
import { fetchFailure, outboundFetch } from '../http/outboundFetch.ts'
import { hasAllowedScheme, webSchemes } from '../utilities/urls.ts'

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
  | { bytes: number; etag: null | string; httpStatus: number; lastModified: null | string; notModified: false; text: string }
  | { etag: null | string; httpStatus: 304; lastModified: null | string; notModified: true }


/** The charset the server or the XML declaration names; UTF-8 when neither does. */
const declaredCharset = (contentType: null | string, head: string): string =>
  /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'utf-8'

const decode = (bytes: Uint8Array, charset: string): string => {
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
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, */*;q=0.1',
    'user-agent': 'payload-newsroom-ingest',
  }
  if (etag) headers['if-none-match'] = etag
  if (lastModified) headers['if-modified-since'] = lastModified
  // The field allows http(s) only; old or imported records are checked again (fetch also reads data: URLs).
  if (!hasAllowedScheme(url, webSchemes)) throw new FeedFetchError('the feed URL is not http(s)')
  let response: Awaited<ReturnType<typeof outboundFetch>>
  try {
    // Redirects are followed, each to an address checked again at connect time.
    response = await outboundFetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) }, allowAddresses)
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `could not be fetched (${fetchFailure(error)})`
    throw new FeedFetchError(reason)
  }
  const validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined)
    // A 304 may leave out the validators; the ones sent still hold.
    return { etag: validators.etag ?? etag ?? null, httpStatus: 304, lastModified: validators.lastModified ?? lastModified ?? null, notModified: true }
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    throw new FeedFetchError(`HTTP ${response.status}`, response.status)
  }
  const bytes = await readAtMost(response.body as ReadableStream<Uint8Array> | null, maxBytes)
  if (!bytes) throw new FeedFetchError(`the feed is larger than ${maxBytes} bytes`, response.status)
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const text = decode(bytes, declaredCharset(response.headers.get('content-type'), head))
  return { ...validators, bytes: bytes.byteLength, httpStatus: response.status, notModified: false, text }
}
