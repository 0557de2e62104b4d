import { describe, expect, it } from 'vitest'

import { maxPreviousSlugs, previousSlugsAfter } from '../../src/rules/previousSlugs.ts'

describe('previousSlugsAfter', () => {
  it('adds the slug readers saw until now when the new one differs', () => {
    expect(previousSlugsAfter(['a'], 'b', 'c')).toEqual(['a', 'b'])
  })
  it('changes nothing when the slug stays', () => {
    expect(previousSlugsAfter(['a'], 'b', 'b')).toEqual(['a'])
  })
  it('drops the slug an article is renamed back to, and keeps each slug once', () => {
    expect(previousSlugsAfter(['a', 'b'], 'c', 'a')).toEqual(['b', 'c'])
    expect(previousSlugsAfter(['a', 'b'], 'a', 'c')).toEqual(['a', 'b'])
  })
  it('keeps nothing for an article that was never public', () => {
    expect(previousSlugsAfter([], undefined, 'a')).toEqual([])
  })
  it('keeps the newest within the bound', () => {
    const many = Array.from({ length: maxPreviousSlugs }, (_, index) => `s${index}`)
    const after = previousSlugsAfter(many, 'latest', 'current')
    expect(after).toHaveLength(maxPreviousSlugs)
    expect(after[0]).toBe('s1')
    expect(after.at(-1)).toBe('latest')
  })
})
