import { describe, expect, it } from 'vitest'

import { isCheckedStep, stepCheckOf } from 'payload-newsroom/rules'

describe('checks at each workflow step', () => {
  it('warns of everything at submit; blocks a missing part of the article at approve and schedule, and nothing that depends on time or on others', () => {
    expect(stepCheckOf('originalUrlMissing', 'submit')).toBe('warn')
    expect(stepCheckOf('originalUrlMissing', 'approve')).toBe('block')
    expect(stepCheckOf('imageAltMissing', 'schedule')).toBe('block')
    expect(stepCheckOf('disclaimerMissing', 'approve')).toBe('block')
    for (const code of ['embargoed', 'rightsExpired', 'sourceInactive', 'taskOpen'] as const) {
      expect(stepCheckOf(code, 'approve'), code).toBe('warn')
      expect(stepCheckOf(code, 'schedule'), code).toBe('warn')
    }
    expect(
      ['submit', 'approve', 'schedule', 'publish', 'retract'].map((a) => isCheckedStep(a as never)),
    ).toEqual([true, true, true, false, false])
  })
})
