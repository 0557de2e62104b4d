import { describe, expect, it } from 'vitest'
import {
  ingestMayTake,
  isOlderVersion,
  planIngestItem,
  withdrawActions,
  workflowActions,
  workflowStates,
} from 'payload-newsroom/rules'
import { type HeldCopy, type IngestPolicy } from 'payload-newsroom/types'
const review: IngestPolicy = { publish: 'review', update: 'review' }
const autoPublish: IngestPolicy = { publish: 'publish-if-compliant', update: 'review' }
const republish: IngestPolicy = { publish: 'review', update: 'republish' }

const now = new Date('2025-06-01T12:00:00Z')

const plan = ({
  fingerprint = 'new-fingerprint',
  held,
  item = {},
  policy = review,
}: {
  fingerprint?: string
  held?: HeldCopy
  item?: { embargoedUntil?: string; killed?: boolean; version?: string }
  policy?: IngestPolicy
}) => planIngestItem({ fingerprint, held, item: { killed: false, ...item }, now, policy })

const copy = (workflowState: HeldCopy['workflowState'], version?: string): HeldCopy => ({
  fingerprint: 'old-fingerprint',
  version,
  workflowState,
})

describe('planning an ingested item', () => {
  it('creates an item we do not hold and submits it for review when the source is reviewed', () => {
    expect(plan({ policy: review })).toEqual({ kind: 'create', then: 'submit' })
  })

  it('creates an item we do not hold and publishes it when the source publishes compliant items', () => {
    expect(plan({ policy: autoPublish })).toEqual({ kind: 'create', then: 'publish' })
  })

  it('writes nothing when the same item arrives twice', () => {
    expect(
      plan({
        fingerprint: 'same',
        held: { fingerprint: 'same', workflowState: 'published' },
        policy: republish,
      }),
    ).toEqual({
      kind: 'unchanged',
      reason: 'sameItem',
    })
  })

  it.each([
    ['numbers compare as numbers ("2" is older than "10")', '2', '10'],
    ['ISO dates compare as dates', '2025-05-01T10:00:00Z', '2025-05-02T09:00:00+02:00'],
    ['other text compares as text', 'b-rev', 'c-rev'],
  ])('ignores an older version: %s', (_, incoming, held) => {
    expect(plan({ held: copy('draft', held), item: { version: incoming } })).toEqual({
      kind: 'unchanged',
      reason: 'olderVersion',
    })
  })

  it('updates from a newer numeric version even when it sorts first as text', () => {
    expect(plan({ held: copy('draft', '2'), item: { version: '10' } })).toEqual({
      kind: 'update',
      then: 'submit',
    })
  })

  describe('an item the source killed', () => {
    it('changes nothing when we never held it', () => {
      expect(plan({ item: { killed: true } })).toEqual({
        kind: 'unchanged',
        reason: 'nothingToWithdraw',
      })
    })

    it('retracts a published copy', () => {
      expect(plan({ held: copy('published'), item: { killed: true } })).toEqual({
        kind: 'withdraw',
        actions: ['retract'],
      })
    })

    it('unschedules and archives a scheduled copy', () => {
      expect(plan({ held: copy('scheduled'), item: { killed: true } })).toEqual({
        kind: 'withdraw',
        actions: ['unschedule', 'archive'],
      })
    })

    it('archives a copy still in review', () => {
      expect(plan({ held: copy('in_review'), item: { killed: true } })).toEqual({
        kind: 'withdraw',
        actions: ['archive'],
      })
    })

    it.each(['retracted', 'archived'] as const)(
      'changes nothing when our copy is already %s',
      (state) => {
        expect(plan({ held: copy(state), item: { killed: true } })).toEqual({
          kind: 'unchanged',
          reason: 'withdrawnAlready',
        })
      },
    )

    it('is withdrawn even when it carries a future embargo', () => {
      expect(
        plan({
          held: copy('published'),
          item: { embargoedUntil: '2030-01-01T00:00:00.000Z', killed: true },
        }),
      ).toEqual({
        kind: 'withdraw',
        actions: ['retract'],
      })
    })
  })

  describe('an embargo', () => {
    it('writes the item, and schedules it for the embargo’s end where the source publishes on ingest', () => {
      const embargoedUntil = '2025-06-01T12:00:01.000Z'
      expect(plan({ item: { embargoedUntil }, policy: autoPublish })).toEqual({
        embargoedUntil,
        kind: 'create',
        then: 'schedule',
      })
      expect(plan({ item: { embargoedUntil }, policy: review })).toEqual({
        embargoedUntil,
        kind: 'create',
        then: 'submit',
      })
      expect(plan({ held: copy('draft'), item: { embargoedUntil }, policy: autoPublish })).toEqual({
        embargoedUntil,
        kind: 'update',
        then: 'schedule',
      })
      expect(
        plan({ held: copy('in_review'), item: { embargoedUntil }, policy: autoPublish }),
      ).toEqual({ embargoedUntil, kind: 'update', then: 'schedule' })
    })

    it('never republishes a published copy before the new version’s embargo ends', () => {
      expect(
        plan({
          held: copy('published'),
          item: { embargoedUntil: '2025-07-01T00:00:00.000Z' },
          policy: republish,
        }),
      ).toEqual({
        embargoedUntil: '2025-07-01T00:00:00.000Z',
        kind: 'update',
        then: 'none',
      })
    })

    it('lets an item through once its embargo has passed', () => {
      expect(
        plan({ item: { embargoedUntil: '2025-06-01T11:59:59.000Z' }, policy: autoPublish }),
      ).toEqual({ kind: 'create', then: 'publish' })
    })
  })

  it.each(['retracted', 'archived'] as const)(
    'refuses a new version of a %s copy: an editor reopens it',
    (state) => {
      expect(plan({ held: copy(state, '1'), item: { version: '2' }, policy: republish })).toEqual({
        kind: 'refuse',
        reason: 'withdrawnCopy',
      })
    },
  )

  it('updates a published copy and leaves the new version for an editor when updates are reviewed', () => {
    expect(
      plan({
        held: copy('published'),
        policy: { publish: 'publish-if-compliant', update: 'review' },
      }),
    ).toEqual({
      kind: 'update',
      then: 'none',
    })
  })

  it('updates a published copy and publishes it again when the source republishes', () => {
    expect(plan({ held: copy('published'), policy: republish })).toEqual({
      kind: 'update',
      then: 'publish',
    })
  })

  it('updates a draft copy, then submits it or publishes it by the publish policy', () => {
    expect(plan({ held: copy('draft'), policy: review })).toEqual({
      kind: 'update',
      then: 'submit',
    })
    expect(plan({ held: copy('draft'), policy: autoPublish })).toEqual({
      kind: 'update',
      then: 'publish',
    })
  })

  it('updates a copy in review and publishes it when the source publishes compliant items', () => {
    expect(plan({ held: copy('in_review'), policy: autoPublish })).toEqual({
      kind: 'update',
      then: 'publish',
    })
    expect(plan({ held: copy('in_review'), policy: review })).toEqual({
      kind: 'update',
      then: 'none',
    })
  })

  it('updates a copy with changes requested and leaves it with the editor', () => {
    expect(plan({ held: copy('changes_requested'), policy: autoPublish })).toEqual({
      kind: 'update',
      then: 'none',
    })
  })
})

describe('comparing versions', () => {
  it('treats a missing version on either side as not older', () => {
    expect(isOlderVersion(undefined, '3')).toBe(false)
    expect(isOlderVersion('3', null)).toBe(false)
    expect(isOlderVersion('3', undefined)).toBe(false)
  })

  it('treats an equal or newer version as not older', () => {
    expect(isOlderVersion('10', '2')).toBe(false)
    expect(isOlderVersion('3', '3')).toBe(false)
    expect(isOlderVersion('2025-05-02T00:00:00Z', '2025-05-01T00:00:00Z')).toBe(false)
  })

  it('compares numbers as numbers, dates as dates and the rest as text', () => {
    expect(isOlderVersion('2', '10')).toBe(true)
    // As text "2025-05-02T00:00:00+05:00" sorts after "2025-05-01T22:00:00Z"; as dates it is earlier.
    expect(isOlderVersion('2025-05-02T00:00:00+05:00', '2025-05-01T22:00:00Z')).toBe(true)
    expect(isOlderVersion('alpha', 'beta')).toBe(true)
    expect(isOlderVersion('beta', 'alpha')).toBe(false)
  })
})

describe('withdrawing a killed item', () => {
  it('takes each state off the site or out of the queue by its own actions', () => {
    expect(withdrawActions('published')).toEqual(['retract'])
    expect(withdrawActions('scheduled')).toEqual(['unschedule', 'archive'])
    for (const state of ['draft', 'in_review', 'changes_requested', 'approved'] as const) {
      expect(withdrawActions(state), state).toEqual(['archive'])
    }
    expect(withdrawActions('retracted')).toEqual([])
    expect(withdrawActions('archived')).toEqual([])
  })
})

describe('what an ingest client may do to its own copies', () => {
  it('publishes an unpublished copy only when the source publishes compliant items', () => {
    for (const state of ['draft', 'in_review', 'changes_requested', 'approved'] as const) {
      expect(ingestMayTake('publish', state, autoPublish), state).toBe(true)
      expect(ingestMayTake('publish', state, review), state).toBe(false)
      expect(ingestMayTake('publish', state, republish), state).toBe(false)
    }
  })

  it('publishes a published copy again only when the source republishes', () => {
    expect(ingestMayTake('publish', 'published', republish)).toBe(true)
    expect(ingestMayTake('publish', 'published', autoPublish)).toBe(false)
  })

  it('never publishes without a source policy', () => {
    for (const state of workflowStates) {
      expect(ingestMayTake('publish', state, undefined), state).toBe(false)
    }
  })

  it('retracts only a published copy', () => {
    for (const state of workflowStates) {
      expect(ingestMayTake('retract', state, autoPublish), state).toBe(state === 'published')
    }
  })

  it('archives a copy that is not published (nor already withdrawn), never a published one', () => {
    expect(ingestMayTake('archive', 'published', republish)).toBe(false)
    for (const state of [
      'draft',
      'in_review',
      'changes_requested',
      'approved',
      'scheduled',
    ] as const) {
      expect(ingestMayTake('archive', state, review), state).toBe(true)
    }
  })

  it('may always submit', () => {
    for (const state of workflowStates) {
      expect(ingestMayTake('submit', state, undefined), state).toBe(true)
    }
  })

  it('takes none of the editors’ actions', () => {
    for (const action of ['request_changes', 'correct', 'reopen', 'unpublish'] as const) {
      expect(workflowActions).toContain(action)
      for (const state of workflowStates) {
        expect(
          ingestMayTake(action, state, { publish: 'publish-if-compliant', update: 'republish' }),
          `${action} ${state}`,
        ).toBe(false)
      }
    }
  })

  it('approves and schedules (for an embargo’s end) only where its source publishes on ingest', () => {
    for (const state of workflowStates) {
      expect(ingestMayTake('approve', state, autoPublish), `approve ${state}`).toBe(
        state === 'in_review',
      )
      expect(ingestMayTake('schedule', state, autoPublish), `schedule ${state}`).toBe(
        state === 'approved',
      )
      expect(ingestMayTake('approve', state, review), `approve ${state} under review`).toBe(false)
      expect(ingestMayTake('schedule', state, review), `schedule ${state} under review`).toBe(false)
    }
  })
})
