import { describe, expect, it } from 'vitest'

import { unstorablePath } from '../../src/rules/storableValues.ts'
import { ownValue } from '../../src/utilities/ownValue.ts'

describe('unstorablePath: what no database we support stores', () => {
  it('finds a NUL in a string, an array or a nested value, and names where', () => {
    expect(unstorablePath('Titre\u0000')).toBe('')
    expect(unstorablePath(['a', 'b\u0000c'])).toBe('1')
    expect(unstorablePath({ root: { children: [{ text: 'ok' }, { text: '\u0000' }] } })).toBe('root.children.1.text')
  })
  it('refuses keys MongoDB refuses, unless keys are not checked (field names are Payload’s)', () => {
    expect(unstorablePath({ $where: 'x' })).toBe('$where')
    expect(unstorablePath({ nested: { 'a.b': 1 } })).toBe('nested.a.b')
    expect(unstorablePath({ $where: 'x' }, { checkKeys: false })).toBeUndefined()
    expect(unstorablePath({ ['k\u0000']: 1 }, { checkKeys: false })).toBe('k\u0000')
  })
  it('accepts everything else, dates and prototype names included', () => {
    expect(unstorablePath(JSON.parse('{"constructor":"x","__proto__":"y","n":1,"t":"ça va — “oui”"}'))).toBeUndefined()
    expect(unstorablePath({ d: new Date() })).toBeUndefined()
    expect(unstorablePath(null)).toBeUndefined()
  })
})

describe('ownValue: names are data, not keys', () => {
  const table = { requestChanges: 'request_changes' }
  it('answers own keys only', () => {
    expect(ownValue(table, 'requestChanges')).toBe('request_changes')
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) expect(ownValue(table, name)).toBeUndefined()
    expect(ownValue(table, 42)).toBeUndefined()
  })
})
