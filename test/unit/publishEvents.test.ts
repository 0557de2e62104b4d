import { describe, expect, it } from 'vitest'
import { publishEventOf } from 'payload-newsroom/rules'
const state = (
  workflowState: string,
  _status = ['published', 'retracted'].includes(workflowState) ? 'published' : 'draft',
) => ({
  _status,
  workflowState,
})

describe('publish events', () => {
  it.each([
    ['a first publication', null, state('published'), undefined, 'article.published'],
    [
      'a scheduled article going out',
      state('scheduled'),
      state('published'),
      'publish',
      'article.published',
    ],
    [
      'an edit of a published article, published again',
      state('published'),
      state('published'),
      'publish',
      'article.updated',
    ],
    ['a correction', state('published'), state('published'), 'correct', 'article.corrected'],
    ['a retraction', state('published'), state('retracted'), 'retract', 'article.retracted'],
    [
      'an edit of a retracted article',
      state('retracted'),
      state('retracted'),
      undefined,
      'article.updated',
    ],
    ['an unpublication', state('published'), state('draft'), 'unpublish', 'article.unpublished'],
    [
      'archiving a published article',
      state('published'),
      state('archived'),
      'archive',
      'article.unpublished',
    ],
    ['deleting a published article', state('published'), null, undefined, 'article.deleted'],
    ['deleting a retracted article', state('retracted'), null, undefined, 'article.deleted'],
  ] as const)('%s is an event', (_, before, after, action, event) => {
    expect(publishEventOf({ action, after, before })).toBe(event)
  })

  it.each([
    ['a draft saved over a published article', state('published'), state('published', 'draft')],
    ['a new draft', null, state('draft')],
    ['a submission for review', state('draft'), state('in_review')],
    ['scheduling', state('approved'), state('scheduled')],
    ['deleting a draft', state('draft'), null],
    ['archiving a draft', state('draft'), state('archived')],
  ] as const)('%s is no event: the public sees nothing new', (_, before, after) => {
    expect(publishEventOf({ after, before })).toBeNull()
  })
})
