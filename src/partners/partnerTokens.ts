import type { PayloadRequest } from 'payload'

import { createHash, randomBytes } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import {
  partnerTokenProblem,
  type RulePartner,
  type RulePartnerToken,
} from '../rules/partnerRules.ts'
import { refusal } from '../utilities/refusal.ts'

/** A pull token: a prefix that names what it is (secret scanners key on it), then 256 random bits. */
const tokenPattern = /^nrp_[\w-]{43}$/

/** How a token is kept: its SHA-256, since the token itself has all the entropy a hash needs. */
export const hashPartnerToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new token and the hash to store; the token is shown once and never stored. */
export const issuePartnerToken = () => {
  const token = `nrp_${randomBytes(32).toString('base64url')}`
  return { hash: hashPartnerToken(token), token }
}

export type Partner = RulePartner & Record<string, any> & { id: number | string }

/** The `context` key under which the token endpoint may write a token's hash (see the field's access). */
export const issuingTokenContext = 'newsroomIssuingPartnerToken'

/**
 * The partner a request's `Authorization: Bearer <token>` belongs to, or the 401 to answer (with the
 * `WWW-Authenticate` challenge of RFC 6750) when the token is missing, malformed, unknown, expired or
 * revoked. A suspended partner's valid token is refused with a 403.
 */
export const authenticatePartner = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  now: Date,
): Promise<Partner | Response> => {
  const header = req.headers.get('authorization') ?? ''
  const token = /^Bearer (\S+)$/i.exec(header)?.[1] ?? ''
  const unauthorised = (reason: string) => {
    const message = `The partner token ${reason}.`
    // As Payload answers a refusal, with the challenge RFC 6750 asks of a 401.
    return Response.json(
      { errors: [{ data: { errors: [{ message, path: 'authorization' }] }, message }] },
      {
        headers: {
          'cache-control': 'no-store',
          'www-authenticate': 'Bearer realm="newsroom-partners", error="invalid_token"',
        },
        status: 401,
      },
    )
  }
  if (!tokenPattern.test(token)) {
    return unauthorised(token ? 'is malformed' : 'is missing')
  }
  const hash = hashPartnerToken(token)
  // The system reads the tokens (their hashes are hidden from everyone but admins).
  const { docs } = await req.payload.find({
    collection: options.collections.partners.slug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { 'tokens.hash': { equals: hash } },
  })
  const partner = docs[0] as Partner | undefined
  const stored = (partner?.tokens as (RulePartnerToken & { hash?: string })[] | undefined)?.find(
    (row) => row.hash === hash,
  )
  if (!partner || !stored) {
    return unauthorised('is not known')
  }
  const problem = partnerTokenProblem(stored, now)
  if (problem) {
    return unauthorised(`was ${problem}`)
  }
  if (partner.active !== true) {
    throw refusal('This partner is suspended.', 403, 'authorization')
  }
  return partner
}
