import { describe, expect, it } from 'vitest'

import {
  deliveryFor,
  kindOfWorkflowEvent,
  notificationKinds,
  recipientsOf,
} from 'payload-newsroom/rules'
import { translations } from '../../src/translations/index'

describe('notification rules', () => {
  it('delivers every kind by bell and email until the person turns it off, per channel; the digest holds emails', () => {
    for (const kind of notificationKinds) {
      expect(deliveryFor(kind, null, true)).toEqual({ admin: true, email: 'pending' })
    }
    expect(deliveryFor('submitted', { mutedEmail: ['submitted'] }, true)).toEqual({
      admin: true,
      email: 'none',
    })
    expect(deliveryFor('approved', { mutedEmail: ['submitted'] }, true).email).toBe('pending')
    expect(deliveryFor('submitted', { mutedInAdmin: ['submitted'] }, true)).toEqual({
      admin: false,
      email: 'pending',
    })
    expect(deliveryFor('assigned', { emailDigest: true }, true).email).toBe('digest')
    // A host's own field of the same name, holding text: it mutes nothing (no substring match).
    expect(deliveryFor('submitted', { mutedEmail: 'not submitted' } as never, true).email).toBe(
      'pending',
    )
    // No address, no email, whatever was chosen.
    expect(deliveryFor('assigned', { emailDigest: true }, false).email).toBe('none')
  })

  it('maps audit events to kinds: an ingest tells only of its withdrawals', () => {
    expect(kindOfWorkflowEvent('submit', false)).toBe('submitted')
    expect(kindOfWorkflowEvent('request_changes', false)).toBe('changes_requested')
    expect(kindOfWorkflowEvent('approve', false)).toBe('approved')
    expect(kindOfWorkflowEvent('publish', false)).toBeUndefined()
    expect(kindOfWorkflowEvent('retract', false)).toBeUndefined()
    expect(kindOfWorkflowEvent('submit', true)).toBeUndefined()
    for (const action of ['retract', 'unpublish', 'archive']) {
      expect(kindOfWorkflowEvent(action, true)).toBe('ingest_withdrawn')
    }
    expect(kindOfWorkflowEvent('constructor', false)).toBeUndefined()
  })

  it('tells each person once and never the one who acted, whatever type the IDs have', () => {
    expect(recipientsOf([1, '1', 2, null, undefined, 3, 2], 3)).toEqual([1, 2])
    expect(recipientsOf(['a', 'b'], null)).toEqual(['a', 'b'])
  })

  it('has a label and a sentence for every kind, in English and French', () => {
    for (const strings of Object.values(translations)) {
      for (const kind of notificationKinds) {
        const labels = strings.newsroom as Record<string, string>
        expect(labels[`notification_${kind}`], kind).toBeTruthy()
        expect(labels[`notificationLine_${kind}`], kind).toContain('{{title}}')
      }
    }
  })
})
