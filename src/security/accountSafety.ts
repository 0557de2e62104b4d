import type {
  CollectionAfterErrorHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type { ResolvedRateLimits } from '../types'

import { clientAddress, createRateLimiter, enforceRateLimit } from './rateLimit'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * The work Payload spends checking a password (its current hash parameters: PBKDF2-SHA256, 600,000
 * iterations, 32 bytes), spent on nothing: an unknown email or a locked account then answers in the
 * time a wrong password takes, so timing does not tell which emails exist.
 */
const spendPasswordCheckTime = (password: unknown) =>
  pbkdf2(typeof password === 'string' ? password : '', crypto.randomBytes(32).toString('hex'), 600_000, 32, 'sha256')

/**
 * Before a login: the per-client rate limit (before any database work, so a refused attempt counts
 * nothing against the account), then the same time for every outcome.
 */
export const guardLogins = (limits: ResolvedRateLimits): CollectionBeforeOperationHook => {
  const limiter = limits.login ? createRateLimiter(limits.login) : undefined
  return async ({ args, collection, operation, req }) => {
    if (operation !== 'login') return args
    if (limiter) enforceRateLimit(req, limiter, `login:${limits.clientKey(req)}`)
    const { email, password } = ((args as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>
    if (typeof email !== 'string' || email === '') return args
    const { docs } = await req.payload.find({
      collection: collection.slug as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req,
      showHiddenFields: true,
      where: { email: { equals: email.toLowerCase().trim() } },
    })
    const user = docs[0] as { lockUntil?: null | string } | undefined
    const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
    if (!user || locked) await spendPasswordCheckTime(password)
    return args
  }
}

/** A locked account answers exactly as a wrong password does: the lock does not confirm the email. */
export const answerLockedLikeWrongPassword: CollectionAfterErrorHook = ({ error, req }) => {
  if ((error as { name?: string }).name === 'LockedAuth') {
    return { response: { errors: [{ message: req.t('error:emailOrPasswordIncorrect') }] }, status: 401 }
  }
}

const countedKey = 'newsroomReadCounted'

/** Anonymous reads over REST and GraphQL (the Local API is server code and never limited). */
export const limitPublicReads = (limits: Pick<ResolvedRateLimits, 'clientKey' | 'publicReads'>) => {
  const limiter = limits.publicReads ? createRateLimiter(limits.publicReads) : undefined
  return (req: PayloadRequest) => {
    // Once per request: a feed request runs several reads through the same `req`.
    if (!limiter || req.user || req.payloadAPI === 'local' || req.context[countedKey]) return
    req.context[countedKey] = true
    enforceRateLimit(req, limiter, `read:${limits.clientKey(req)}`)
  }
}

export { clientAddress }
