import { describe, expect, it } from 'vitest'

import {
  availableActions,
  decideTransition,
  nextStates,
  statusOfState,
  transitions,
  workflowStates,
} from 'payload-newsroom'

describe('the workflow table', () => {
  it('lets writers only submit, and editors do the rest', () => {
    expect(availableActions('draft', ['writer'])).toEqual(['submit'])
    expect(availableActions('in_review', ['writer'])).toEqual([])
    expect(availableActions('in_review', ['editor'])).toEqual(['requestChanges', 'approve', 'publish', 'archive'])
    expect(availableActions('approved', ['editor'])).toEqual(['requestChanges', 'publish', 'schedule', 'archive'])
    expect(availableActions('published', ['admin'])).toEqual(['publish', 'correct', 'retract', 'archive', 'unpublish'])
    expect(availableActions('published', ['ingest'])).toEqual([])
  })

  it('refuses a transition from the wrong state and names the states that can follow', () => {
    expect(decideTransition('draft', 'approve', ['editor'])).toEqual({
      allowed: false,
      nextStates: ['in_review', 'published', 'archived'],
      reason: 'invalidFromState',
    })
    expect(decideTransition('in_review', 'approve', ['writer'])).toMatchObject({ allowed: false, reason: 'forbidden' })
    expect(decideTransition('in_review', 'approve', ['editor'])).toMatchObject({ allowed: true, transition: { to: 'approved' } })
  })

  it('requires a note to request changes, correct and retract', () => {
    expect(transitions.filter((transition) => transition.noteRequired).map((transition) => transition.action)).toEqual([
      'requestChanges',
      'correct',
      'retract',
    ])
  })

  it('makes exactly the published and retracted states public', () => {
    expect(workflowStates.filter((state) => statusOfState(state) === 'published')).toEqual(['published', 'retracted'])
  })

  it('leaves no state a dead end except through an editor', () => {
    for (const state of workflowStates) {
      expect(nextStates(state).length, state).toBeGreaterThan(0)
    }
  })
})
