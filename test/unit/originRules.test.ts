import { describe, expect, it } from 'vitest'

import {
  leavesSyndication,
  type OriginChange,
  originChangeProblem,
} from '../../src/rules/originRules.ts'

const syndicated = { origin: 'syndicated', originalUrl: 'https://wire.example/1', source: 's1' }
const change = (overrides: Partial<OriginChange> = {}): OriginChange => ({
  after: { ...syndicated, origin: 'original' },
  before: syndicated,
  licensedTransformations: [],
  reason: 'Réécrit',
  roles: ['editor'],
  ...overrides,
})

describe('origin rules: leaving syndication is a decision', () => {
  it('knows which writes leave syndication', () => {
    expect(leavesSyndication(change())).toBe(true)
    expect(leavesSyndication(change({ after: { ...syndicated, source: null } }))).toBe(true)
    expect(leavesSyndication(change({ after: { ...syndicated, originalUrl: '' } }))).toBe(true)
    expect(leavesSyndication(change({ after: { ...syndicated, source: 's2' } }))).toBe(false)
    expect(
      leavesSyndication(
        change({ after: { origin: 'syndicated' }, before: { origin: 'original' } }),
      ),
    ).toBe(false)
  })
  it('asks for an editor or an admin, a reason, a licence allowing a rewrite, and the original URL kept', () => {
    expect(originChangeProblem(change())).toBeUndefined()
    expect(originChangeProblem(change({ roles: ['admin'] }))).toBeUndefined()
    expect(originChangeProblem(change({ roles: null }))).toBeUndefined()
    expect(originChangeProblem(change({ roles: ['writer'] }))?.code).toBe(
      'originChangeForbiddenRole',
    )
    expect(originChangeProblem(change({ roles: ['ingest'] }))?.code).toBe(
      'originChangeForbiddenRole',
    )
    expect(originChangeProblem(change({ reason: '   ' }))?.code).toBe('originChangeNeedsReason')
    expect(originChangeProblem(change({ licensedTransformations: ['verbatim'] }))?.code).toBe(
      'originChangeNotLicensed',
    )
    expect(
      originChangeProblem(change({ licensedTransformations: ['verbatim', 'rewritten'] })),
    ).toBeUndefined()
    expect(
      originChangeProblem(
        change({ after: { origin: 'original', originalUrl: null, source: 's1' } }),
      )?.code,
    ).toBe('originChangeKeepsOriginalUrl')
  })
})
