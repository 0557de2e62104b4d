import { describe, expect, it } from 'vitest'
import {
  availableActions,
  decideTransition,
  nextStates,
  statusOfState,
  transitions,
  workflowStates,
  workflowInputProblems,
} from 'payload-newsroom/rules'
describe('the workflow table', () => {
  it('lets writers only submit, and editors do the rest', () => {
    expect(availableActions('draft', ['writer'])).toEqual(['submit'])
    expect(availableActions('in_review', ['writer'])).toEqual([])
    expect(availableActions('in_review', ['editor'])).toEqual([
      'request_changes',
      'approve',
      'publish',
      'archive',
    ])
    expect(availableActions('approved', ['editor'])).toEqual([
      'request_changes',
      'publish',
      'schedule',
      'archive',
    ])
    expect(availableActions('published', ['admin'])).toEqual([
      'publish',
      'correct',
      'retract',
      'archive',
      'unpublish',
    ])
    expect(availableActions('published', ['ingest'])).toEqual([])
  })

  it('refuses a transition from the wrong state and names the states that can follow', () => {
    expect(decideTransition('draft', 'approve', ['editor'])).toEqual({
      allowed: false,
      nextStates: ['in_review', 'published', 'archived'],
      reason: 'invalidFromState',
    })
    expect(decideTransition('in_review', 'approve', ['writer'])).toMatchObject({
      allowed: false,
      reason: 'forbidden',
    })
    expect(decideTransition('in_review', 'approve', ['editor'])).toMatchObject({
      allowed: true,
      transition: { to: 'approved' },
    })
  })

  it('requires a note to request changes, correct and retract', () => {
    expect(
      transitions
        .filter((transition) => transition.noteRequired)
        .map((transition) => transition.action),
    ).toEqual(['request_changes', 'correct', 'retract'])
  })

  it('makes exactly the published and retracted states public', () => {
    expect(workflowStates.filter((state) => statusOfState(state) === 'published')).toEqual([
      'published',
      'retracted',
    ])
  })

  it('leaves no state a dead end except through an editor', () => {
    for (const state of workflowStates) {
      expect(nextStates(state).length, state).toBeGreaterThan(0)
    }
  })
})

describe('what an action is given (the same rule for the server and the admin drawer)', () => {
  const limits = { noteLength: 20, now: new Date('2026-12-01T12:00:00Z') }
  it('asks a note of the actions the table says need one, trimmed, and bounds every note', () => {
    expect(workflowInputProblems('request_changes', { note: '   ' }, limits)).toEqual([
      { key: 'workflowNoteRequired', path: 'note' },
    ])
    expect(workflowInputProblems('retract', {}, limits)).toEqual([
      { key: 'workflowNoteRequired', path: 'note' },
    ])
    expect(workflowInputProblems('request_changes', { note: 'Sources ?' }, limits)).toEqual([])
    expect(workflowInputProblems('approve', {}, limits)).toEqual([])
    expect(workflowInputProblems('approve', { note: 'x'.repeat(21) }, limits)).toEqual([
      { key: 'workflowNoteInvalid', path: 'note' },
    ])
    expect(workflowInputProblems('correct', { note: { $ne: '' } }, limits)).toEqual([
      { key: 'workflowNoteInvalid', path: 'note' },
    ])
  })
  it('asks a publication time after now to schedule', () => {
    for (const publishAt of [undefined, '', 'tomorrow', '2026-12-01T11:59:59Z', 42]) {
      expect(workflowInputProblems('schedule', { publishAt }, limits)).toEqual([
        { key: 'workflowPublishAtRequired', path: 'publishAt' },
      ])
    }
    expect(
      workflowInputProblems('schedule', { publishAt: '2026-12-01T12:00:01Z' }, limits),
    ).toEqual([])
  })
})
