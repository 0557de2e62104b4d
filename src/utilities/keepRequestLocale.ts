import type { PayloadRequest } from 'payload'

/**
 * Wraps a function of the request so that the Local API reads it makes in other locales leave the
 * request's own locale as it was. Payload writes a call's `locale` into the shared `req`: a read in
 * `all` locales during a publication left every later step of that request (other plugins' hooks,
 * plugin-search's index, the write itself) in `all`.
 */
export const keepRequestLocale =
  <Args extends [PayloadRequest, ...any[]], Result>(load: (...args: Args) => Promise<Result>) =>
  async (...args: Args): Promise<Result> => {
    const [req] = args
    const { fallbackLocale, locale } = req
    try {
      return await load(...args)
    } finally {
      req.locale = locale
      req.fallbackLocale = fallbackLocale
    }
  }
