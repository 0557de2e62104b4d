import { describe, expect, it } from 'vitest'

import { parseAddressRange, refusedAddressReason } from '../../src/rules/outboundAddresses.ts'
import { unstorablePath } from '../../src/rules/storableValues.ts'
import { ownValue } from '../../src/utilities/ownValue.ts'

describe('unstorablePath: what no database we support stores', () => {
  it('finds a NUL in a string, an array or a nested value, and names where', () => {
    expect(unstorablePath('Titre\u0000')).toBe('')
    expect(unstorablePath(['a', 'b\u0000c'])).toBe('1')
    expect(unstorablePath({ root: { children: [{ text: 'ok' }, { text: '\u0000' }] } })).toBe(
      'root.children.1.text',
    )
  })
  it('refuses keys MongoDB refuses, unless keys are not checked (field names are Payload’s)', () => {
    expect(unstorablePath({ $where: 'x' })).toBe('$where')
    expect(unstorablePath({ nested: { 'a.b': 1 } })).toBe('nested.a.b')
    expect(unstorablePath({ $where: 'x' }, { checkKeys: false })).toBeUndefined()
    expect(unstorablePath({ ['k\u0000']: 1 }, { checkKeys: false })).toBe('k\u0000')
  })
  it('accepts everything else, dates and prototype names included', () => {
    expect(
      unstorablePath(JSON.parse('{"constructor":"x","__proto__":"y","n":1,"t":"ça va — “oui”"}')),
    ).toBeUndefined()
    expect(unstorablePath({ d: new Date() })).toBeUndefined()
    expect(unstorablePath(null)).toBeUndefined()
  })
})

describe('ownValue: names are data, not keys', () => {
  const table = { requestChanges: 'request_changes' }
  it('answers own keys only', () => {
    expect(ownValue(table, 'requestChanges')).toBe('request_changes')
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(ownValue(table, name)).toBeUndefined()
    expect(ownValue(table, 42)).toBeUndefined()
  })
})

describe('refusedAddressReason: where outgoing requests may go', () => {
  it('refuses what is not public, IPv4-mapped and translated forms included', () => {
    const cases: Record<string, string> = {
      '0.0.0.0': 'unspecified',
      '10.1.2.3': 'private',
      '100.64.0.1': 'carrierGradeNat',
      '127.0.0.1': 'loopback',
      '169.254.169.254': 'linkLocal',
      '172.16.0.1': 'private',
      '192.168.1.1': 'private',
      '::1': 'loopback',
      '::ffff:127.0.0.1': 'loopback',
      'fc00::1': 'uniqueLocal',
      'fe80::1': 'linkLocal',
      '64:ff9b::a9fe:a9fe': 'rfc6052',
    }
    expect(
      Object.fromEntries(
        Object.keys(cases).map((address) => [address, refusedAddressReason(address)]),
      ),
    ).toEqual(cases)
  })
  it('lets public addresses through, and the ranges a host allows', () => {
    expect(refusedAddressReason('93.184.215.14')).toBeUndefined()
    expect(refusedAddressReason('2606:4700::1111')).toBeUndefined()
    expect(refusedAddressReason('127.0.0.1', [parseAddressRange('127.0.0.1')])).toBeUndefined()
    expect(refusedAddressReason('127.0.0.2', [parseAddressRange('127.0.0.1')])).toBe('loopback')
    expect(refusedAddressReason('10.9.8.7', [parseAddressRange('10.0.0.0/8')])).toBeUndefined()
    expect(refusedAddressReason('::1', [parseAddressRange('10.0.0.0/8')])).toBe('loopback')
  })
})
