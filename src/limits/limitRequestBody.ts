export type RequestBodyLimits = {
  /** Bytes of one request body. Default 2 MiB: a long article is well under 200 KB of JSON. */
  maxBodyBytes?: number
  /** Bytes of one upload (a `multipart/form-data` body). Default 11 MiB: the plugin's 10 MiB image limit and the form around it. */
  maxUploadBytes?: number
  /** Nesting of objects and arrays in a JSON body. Default 100: an article body needs about 30. */
  maxJsonDepth?: number
}

export const defaultMaxBodyBytes = 2 * 1024 * 1024
export const defaultMaxUploadBytes = 11 * 1024 * 1024
export const defaultMaxJsonDepth = 100

/**
 * How deeply a JSON text nests, counted without parsing it (strings skipped), so that a
 * 10,000-deep body is refused before any recursive code (Payload's, a validator's, a logger's) sees it.
 */
export const jsonNestingDepth = (text: string): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]
    if (inString) {
      if (character === '\\') {
        index += 1
      } else if (character === '"') {
        inString = false
      }
    } else if (character === '"') {
      inString = true
    } else if (character === '{' || character === '[') {
      deepest = Math.max(deepest, ++depth)
    } else if (character === '}' || character === ']') {
      depth -= 1
    }
  }
  return deepest
}

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * What `readAtMost` uses of a stream of bytes: a web `Request`'s body, or undici's `Response`'s,
 * whose chunks (Uint8Arrays) its `node:stream/web` type leaves unnamed.
 */
type ByteStream = {
  getReader(): {
    cancel(): Promise<void>
    read(): Promise<{ done: false; value: Uint8Array } | { done: true; value?: Uint8Array }>
  }
}

/**
 * Reads at most `max` bytes of a body stream as it arrives (whatever Content-Length claims);
 * undefined when there are more, and the rest is not read.
 */
export const readAtMost = async (
  body: ByteStream | null,
  max: number,
): Promise<Uint8Array | undefined> => {
  const reader = body?.getReader()
  if (!reader) {
    return new Uint8Array()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    size += value.byteLength
    if (size > max) {
      // Not awaited: a clone's cancel settles only once the original is cancelled too.
      reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** Reads at most `max` bytes of the request's body as text; undefined when there are more. */
const readBounded = async (request: Request, max: number): Promise<string | undefined> => {
  const bytes = await readAtMost(request.clone().body, max)
  return bytes && new TextDecoder().decode(bytes)
}

/**
 * Wraps a Next.js route handler of Payload's (REST or GraphQL) with what Payload leaves to the host:
 * a bound on the request body (413 past it, whatever Content-Length claims) and on JSON nesting
 * (400), and a 400 for a
 * method-override read (`X-HTTP-Method-Override: GET`) whose JSON body does not parse, which Payload
 * would otherwise answer with a 500.
 *
 * `export const POST = limitRequestBody(REST_POST(config))`
 */
export const limitRequestBody =
  <Args extends unknown[]>(
    handler: (request: Request, ...args: Args) => Promise<Response>,
    {
      maxBodyBytes = defaultMaxBodyBytes,
      maxJsonDepth = defaultMaxJsonDepth,
      maxUploadBytes = defaultMaxUploadBytes,
    }: RequestBodyLimits = {},
  ) =>
  async (request: Request, ...args: Args): Promise<Response> => {
    if (request.body === null) {
      return handler(request, ...args)
    }
    const declared = Number(request.headers.get('content-length') ?? 0)
    // An upload is binary and larger: bounded by its own limit, and not decoded as text.
    const isUpload =
      request.headers.get('content-type')?.split(';')[0].trim() === 'multipart/form-data'
    const max = isUpload ? maxUploadBytes : maxBodyBytes
    if (declared > max) {
      return refuse(413, `The request body is larger than ${max} bytes.`)
    }
    if (isUpload) {
      return (await readAtMost(request.clone().body, max))
        ? handler(request, ...args)
        : refuse(413, `The request body is larger than ${max} bytes.`)
    }
    const text = await readBounded(request, maxBodyBytes)
    if (text === undefined) {
      return refuse(413, `The request body is larger than ${maxBodyBytes} bytes.`)
    }
    const isJson = request.headers.get('content-type')?.split(';')[0].trim() === 'application/json'
    if (isJson && jsonNestingDepth(text) > maxJsonDepth) {
      return refuse(400, `The JSON body nests more than ${maxJsonDepth} levels deep.`)
    }
    const overridden = [
      request.headers.get('x-http-method-override'),
      request.headers.get('x-payload-http-method-override'),
    ].includes('GET')
    if (overridden && isJson) {
      try {
        JSON.parse(text)
      } catch {
        return refuse(400, 'Invalid JSON')
      }
    }
    return handler(request, ...args)
  }
