import { checkPluginOptions } from 'payload-newsroom'
import { trustTxtOf } from 'payload-newsroom/rules'
import { describe, expect, it } from 'vitest'

describe('trust.txt and the publisher’s trust options', () => {
  it('writes one line per value in the specification’s order, then whether data may train AI', () => {
    expect(
      trustTxtOf({
        name: 'La Gazette',
        trustTxt: {
          contact: ['mailto:redaction@gazette.example'],
          datatrainingallowed: false,
          member: ['https://press-council.example/', 'https://journallist.net/'],
          social: ['https://social.example/@gazette'],
        },
      }),
    ).toBe(
      [
        '# trust.txt of La Gazette',
        'member=https://press-council.example/',
        'member=https://journallist.net/',
        'social=https://social.example/@gazette',
        'contact=mailto:redaction@gazette.example',
        'datatrainingallowed=no',
        '',
      ].join('\n'),
    )
    expect(trustTxtOf({ name: 'Sans rien' })).toBe('# trust.txt of Sans rien\n')
  })

  it('refuses at start a value that would add a line, an unknown variable or a policy that is not a web URL', () => {
    const problems = checkPluginOptions({
      frontend: {
        publisher: {
          name: 'X',
          policies: {
            constructor: 'https://x.example/',
            ethicsPolicy: 'javascript:alert(1)',
            masthead: 'https://x.example/ours\nbelongto=https://evil.example',
          } as never,
          trustTxt: {
            datatrainingallowed: 'yes' as never,
            member: ['https://ok.example', 'https://x.example\r\ncontrol=https://evil.example'],
            owner: ['https://x.example'] as never,
          } as never,
        },
      },
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        'frontend.publisher.policies.constructor: unknown policy',
        'frontend.publisher.policies.ethicsPolicy: expected an http(s) URL',
        'frontend.publisher.policies.masthead: expected an http(s) URL',
        'frontend.publisher.trustTxt.datatrainingallowed: expected true or false',
        'frontend.publisher.trustTxt.member: expected a list of values, each on one line',
        'frontend.publisher.trustTxt.owner: unknown trust.txt variable',
      ]),
    )
    expect(problems).toHaveLength(6)
  })
})
