import type { Endpoint } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole } from '../access/roles.ts'
import { checkCompliance } from '../compliance/checkCompliance.ts'

/** `GET /api/<articles>/compliance`: the compliance check, for editors and admins. */
export const complianceEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  handler: async (req) => {
    if (!hasAnyRole(req.user, ['admin', 'editor'])) {
      return Response.json({ errors: [{ message: req.t('error:unauthorized') }] }, { status: req.user ? 403 : 401 })
    }
    const findings = await checkCompliance(req.payload, options, req)
    return Response.json({ findings, totalFindings: findings.length })
  },
  method: 'get',
  path: '/compliance',
})
