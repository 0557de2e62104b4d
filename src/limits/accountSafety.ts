import type {
  AfterErrorHook,
  CollectionAfterErrorHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  PayloadRequest,
  Where,
} from 'payload'

import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { AuthenticationError } from 'payload'

import type { ResolvedRateLimits } from '../types.ts'

import { allowRoles } from '../users/roles.ts'
import { createRateLimiter, enforceRateLimit } from './rateLimit.ts'
import { newsroomContext } from '../utilities/requestContext.ts'
import { recordOf } from '../utilities/values.ts'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * The parameters of Payload's password hash (3.90: `pbkdf2-sha256-v1`, see
 * payload/dist/auth/strategies/local/generatePasswordSaltHash.js). If Payload changes them, the
 * timing test (`test/api/accountSafety.test.ts`) shows the difference.
 */
const passwordHashWork = { digest: 'sha256', iterations: 600_000, keyLength: 32 } as const

/**
 * The work Payload spends checking a password, spent on nothing: an unknown email or a locked account
 * then answers in the time a wrong password takes, so timing does not tell which emails exist.
 */
const spendPasswordCheckTime = (password: string) =>
  pbkdf2(
    password,
    crypto.randomBytes(32).toString('hex'),
    passwordHashWork.iterations,
    passwordHashWork.keyLength,
    passwordHashWork.digest,
  )

/** Set on `req.context` by a login the plugin guards, so the GraphQL error hook knows it is ours. */

const isFilled = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== ''

/**
 * Before a login on the users collection:
 * 1. the per-client rate limit, before any database work, so a refused attempt counts nothing against
 *    the account (429 with `Retry-After`);
 * 2. the same answer and about the same time for every failure: an unknown email or a locked account
 *    costs the password hash Payload spends on a wrong password, and a locked account is refused here
 *    with Payload's own wrong-password error (401 "The email or password provided is incorrect."), on
 *    REST and GraphQL alike, so a lock does not confirm that the email exists.
 *
 * A missing email or blank password is left to Payload, which refuses it (400) before looking anyone up.
 */
export const guardLogins = (
  limits: Pick<ResolvedRateLimits, 'clientKey' | 'login'>,
): CollectionBeforeOperationHook => {
  const limiter = limits.login ? createRateLimiter(limits.login) : undefined
  return async ({ args, collection, operation, req }) => {
    if (operation !== 'login') {
      return args
    }
    if (limiter) {
      enforceRateLimit(req, limiter, `login:${limits.clientKey(req)}`)
    }
    const data: { email?: unknown; password?: unknown; username?: unknown } = args.data ?? {}
    const login = isFilled(data.username) ? data.username : data.email
    if (!isFilled(login) || !isFilled(data.password)) {
      return args
    }
    newsroomContext(req).newsroomGuardedLogin = true
    // Payload's lookup: by email, or also by username when the collection allows it; trashed users are nobody.
    const value = login.toLowerCase().trim()
    const where: Where = collection.auth?.loginWithUsername
      ? { or: [{ email: { equals: value } }, { username: { equals: value } }] }
      : { email: { equals: value } }
    const user = await req.payload.db.findOne<{ id: number | string; lockUntil?: null | string }>({
      collection: collection.slug,
      req,
      where: collection.trash ? { and: [where, { deletedAt: { exists: false } }] } : where,
    })
    const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
    if (!user || locked) {
      await spendPasswordCheckTime(data.password)
    }
    if (locked) {
      throw new AuthenticationError(req.t)
    }
    return args
  }
}

/**
 * REST: a `LockedAuth` that still reaches the answer answers exactly as a wrong password does. Payload
 * throws it when wrong passwords sent in parallel race past the lock (those counted after the fifth),
 * or when a right password arrives as a parallel attempt locks the account. For the collection's
 * `hooks.afterError`.
 */
export const answerLockedLikeWrongPassword: CollectionAfterErrorHook = ({ error, req }) => {
  if (error.name === 'LockedAuth') {
    return {
      response: { errors: [{ message: new AuthenticationError(req.t).message }] },
      status: 401,
    }
  }
}

/**
 * GraphQL: the same, for the config's global `hooks.afterError` (Payload's GraphQL route calls only
 * those, not the collection's). Only for requests that ran a login the plugin guards.
 */
export const answerLockedLoginLikeWrongPasswordInGraphQL: AfterErrorHook = ({
  error,
  graphqlResult,
  req,
}) => {
  if (!graphqlResult || !req.context || !newsroomContext(req).newsroomGuardedLogin) {
    return
  }
  // A GraphQL error keeps what was thrown as `originalError`.
  if (recordOf(recordOf(error).originalError).name !== 'LockedAuth') {
    return
  }
  const wrongPassword = new AuthenticationError(req.t)
  return {
    graphqlResult: {
      ...graphqlResult,
      extensions: {
        ...graphqlResult.extensions,
        name: wrongPassword.name,
        statusCode: wrongPassword.status,
      },
      message: wrongPassword.message,
    },
  }
}

/**
 * A users collection's `access` with unlocking for admins only, unless it already has its own rule:
 * Payload's default lets any signed-in user undo the lockout that stops password guessing.
 */
export const withAdminOnlyUnlock = (
  access: CollectionConfig['access'] = {},
): NonNullable<CollectionConfig['access']> => ({
  ...access,
  unlock: access.unlock ?? allowRoles('admin'),
})

/** Anonymous reads over REST and GraphQL (the Local API is server code and never limited). */
export const limitPublicReads = (limits: Pick<ResolvedRateLimits, 'clientKey' | 'publicReads'>) => {
  const limiter = limits.publicReads ? createRateLimiter(limits.publicReads) : undefined
  return (req: PayloadRequest) => {
    if (!limiter || req.user || req.payloadAPI === 'local') {
      return
    }
    // Once per request (a feed request, or a GraphQL query, runs several reads through the same `req`),
    // and every read of a refused request is refused.
    const context = newsroomContext(req)
    const earlier = context.newsroomReadCounted
    if (earlier instanceof Error) {
      throw earlier
    }
    if (earlier) {
      return
    }
    try {
      enforceRateLimit(req, limiter, `read:${limits.clientKey(req)}`)
      context.newsroomReadCounted = true
    } catch (error) {
      // A refusal (an `APIError`): kept for the request's later reads.
      if (error instanceof Error) {
        context.newsroomReadCounted = error
      }
      throw error
    }
  }
}
