import type { Endpoint } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole } from '../users/roles.ts'
import { checkCompliance, findRightsExpiringSoon } from './checkCompliance.ts'
import { translate } from '../translations/index.ts'
import { inTransaction } from '../transactions/inTransaction.ts'
import { runWorkflowAction } from '../workflow/runWorkflowAction.ts'
import { refusal } from '../utilities/refusal.ts'
import { errorMessage } from '../utilities/values.ts'

/** `GET /api/<articles>/compliance`: the compliance check and the rights expiring soon, for editors and admins. */
export const complianceEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  handler: async (req) => {
    if (!hasAnyRole(req.user, ['admin', 'editor'])) {
      throw refusal(req.t('error:unauthorized'), req.user ? 403 : 401)
    }
    const findings = await checkCompliance(req.payload, options, req)
    const rightsExpiringSoon = await findRightsExpiringSoon(req.payload, options, req)
    return Response.json({ findings, rightsExpiringSoon, totalFindings: findings.length })
  },
  method: 'get',
  path: '/compliance',
})

/**
 * `POST /api/<articles>/compliance/republish`, for editors and admins: re-publishes, through the
 * workflow (rules, snapshot, audit event, one transaction each), every published article the
 * compliance check lists with an outdated or invalid disclaimer snapshot, so readers see the approved
 * wording. Articles the rules now refuse stay as they are and are listed with the reasons.
 */
export const republishOutdatedEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  handler: async (req) => {
    if (!hasAnyRole(req.user, ['admin', 'editor'])) {
      throw refusal(req.t('error:unauthorized'), req.user ? 403 : 401)
    }
    const outdated = (await checkCompliance(req.payload, options, req, { record: false })).filter(
      (finding) =>
        finding.problems.some(
          (problem) => problem.code === 'snapshotOutdated' || problem.code === 'snapshotInvalid',
        ),
    )
    const republished: { id: number | string; slug: string }[] = []
    const refused: { id: number | string; reason: string; slug: string }[] = []
    for (const finding of outdated) {
      try {
        await inTransaction(req, () =>
          runWorkflowAction(req, options, {
            action: 'publish',
            id: finding.id,
            note: translate(req.t, 'republishedForDisclaimers'),
          }),
        )
        republished.push({ id: finding.id, slug: finding.slug })
      } catch (error) {
        refused.push({ id: finding.id, reason: errorMessage(error), slug: finding.slug })
      }
    }
    return Response.json({ refused, republished })
  },
  method: 'post',
  path: '/compliance/republish',
})
