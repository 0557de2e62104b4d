import { describe, expect, it } from 'vitest'
import {
  bodyLinkSchemes,
  checkLexicalDocument,
  checkWhere,
  defaultInputLimits,
  hasAllowedScheme,
  safeUrl,
  webSchemes,
} from 'payload-newsroom/rules'
import { heading, lexicalDocument, link, paragraph, quote } from 'payload-newsroom/server'
// White-box: the request body's nesting count is internal to limitRequestBody.
import { jsonNestingDepth } from '../../src/limits/limitRequestBody'

const limits = defaultInputLimits.body
const problemsOf = (value: unknown, collections: string[] = ['articles']) =>
  checkLexicalDocument(value, limits, collections).problems
const kinds = (value: unknown) => problemsOf(value).map((problem) => problem.kind)

describe('link targets', () => {
  it.each([
    ['https://example.com/a?b=c', true],
    ['http://example.com', true],
    ['mailto:desk@example.com', true],
    ['/fr/avertissement#third-party', true],
    ['#notes', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,x', false],
    ['//evil.example', false],
    ['/\\evil.example', false],
    ['https:/\\evil.example', false],
    ['https://example.com ', false],
    ['', false],
  ])('%j allowed in a body: %s', (url, allowed) => {
    expect(hasAllowedScheme(url, bodyLinkSchemes, { allowRelative: true })).toBe(allowed)
  })

  it('hands frontends only safe hrefs, whatever is stored', () => {
    expect(safeUrl('javascript:alert(1)', webSchemes)).toBeNull()
    expect(safeUrl('/\\evil.example', webSchemes, { allowRelative: true })).toBeNull()
    expect(safeUrl('/fr/avertissement', webSchemes, { allowRelative: true })).toBe(
      '/fr/avertissement',
    )
    expect(safeUrl('https://example.com/a', webSchemes)).toBe('https://example.com/a')
    expect(safeUrl(null, webSchemes)).toBeNull()
  })

  it('refuses site-relative paths where only absolute web URLs make sense', () => {
    expect(hasAllowedScheme('/path', webSchemes)).toBe(false)
    expect(hasAllowedScheme('mailto:a@b.c', webSchemes)).toBe(false)
  })
})

describe('article bodies', () => {
  it('accepts what the editor produces', () => {
    const body = lexicalDocument([
      heading('h2', 'Contexte'),
      paragraph('Texte ', link('https://example.com', 'source')),
      quote('Citation'),
    ])
    expect(checkLexicalDocument(body, limits, ['articles'])).toEqual({
      internalLinks: [],
      problems: [],
    })
  })

  it('refuses what is not a document', () => {
    for (const value of [
      'hello',
      '<p>x</p>',
      42,
      null,
      [],
      { root: null },
      { root: { children: 5, type: 'root' } },
      { root: { children: [], type: 'paragraph' } },
    ]) {
      expect(kinds(value)).toEqual(['notADocument'])
    }
  })

  it('refuses unknown nodes, nodes out of place, h1 and inline styles', () => {
    const at = (...children: unknown[]) => lexicalDocument(children as never)
    expect(kinds(at({ children: [], type: 'iframe' }))).toEqual(['invalidNode'])
    expect(kinds(at({ html: '<script>', type: 'html' }))).toEqual(['invalidNode'])
    expect(kinds(at({ children: [], tag: 'h1', type: 'heading' }))).toEqual(['invalidNode'])
    expect(kinds(at({ text: 'x', type: 'text' }))).toEqual(['invalidNode'])
    expect(kinds(at(paragraph(paragraph('x') as never)))).toEqual(['invalidNode'])
    expect(
      kinds(
        at({
          children: [{ style: 'background:url(javascript:x)', text: 'x', type: 'text' }],
          type: 'paragraph',
        }),
      ),
    ).toEqual(['invalidNode'])
    expect(kinds(JSON.parse('{"root":{"type":"root","children":[],"__proto__":{"x":1}}}'))).toEqual(
      ['notADocument'],
    )
  })

  it('refuses javascript: links whatever their type says, and internal links outside the allowed collections', () => {
    const withLink = (fields: Record<string, unknown>, type = 'link') =>
      lexicalDocument([
        {
          children: [{ children: [{ text: 'x', type: 'text' }], fields, type }],
          type: 'paragraph',
        } as never,
      ])
    expect(kinds(withLink({ linkType: 'internal', url: 'javascript:alert(1)' }))).toEqual([
      'disallowedLink',
    ])
    expect(kinds(withLink({ linkType: 'custom', url: '/\\evil.example' }, 'autolink'))).toEqual([
      'disallowedLink',
    ])
    expect(
      kinds(withLink({ doc: { relationTo: 'users', value: 'u1' }, linkType: 'internal' })),
    ).toEqual(['unknownLinkTarget'])
    const internal = checkLexicalDocument(
      withLink({ doc: { relationTo: 'articles', value: { id: 'a1' } }, linkType: 'internal' }),
      limits,
      ['articles'],
    )
    expect(internal.problems).toEqual([])
    expect(internal.internalLinks).toEqual([
      { collection: 'articles', id: 'a1', path: 'root.children.0.children.0' },
    ])
  })

  it('bounds depth, nodes and text without recursing', () => {
    let deep: unknown = { text: 'x', type: 'text' }
    for (let level = 0; level < 5_000; level += 1)
      deep = { children: [{ children: [deep], type: 'listitem' }], tag: 'ul', type: 'list' }
    expect(kinds(lexicalDocument([deep as never]))).toEqual(['tooDeep'])
    const many = lexicalDocument(Array.from({ length: limits.maxNodes }, () => paragraph('x')))
    expect(kinds(many)).toEqual(['tooLarge'])
    expect(kinds(lexicalDocument([paragraph('x'.repeat(limits.maxTextLength + 1))]))).toEqual([
      'tooLarge',
    ])
  })
})

describe('where clauses', () => {
  const where = defaultInputLimits.where
  it('accepts ordinary filters', () => {
    expect(
      checkWhere({ and: [{ title: { like: 'bitcoin' } }, { id: { in: ['a', 'b'] } }] }, where),
    ).toBeUndefined()
    expect(
      checkWhere(
        { publishedAt: { greater_than: '2026-01-01' } },
        where,
        (path) => path === 'publishedAt',
      ),
    ).toBeUndefined()
  })
  it('refuses deep nesting without recursing, long lists, unknown operators and non-dates', () => {
    let deep: unknown = { title: { equals: 'x' } }
    for (let level = 0; level < 5_000; level += 1) deep = { or: [deep] }
    expect(checkWhere(deep, where)?.kind).toBe('tooDeep')
    expect(checkWhere({ id: { in: Array.from({ length: 40_000 }, String) } }, where)?.kind).toBe(
      'listTooLong',
    )
    expect(
      checkWhere({ id: { in: Array.from({ length: 300 }, String).join(',') } }, where)?.kind,
    ).toBe('listTooLong')
    expect(checkWhere({ title: { $where: 'sleep(1)' } }, where)?.kind).toBe('unknownOperator')
    expect(checkWhere({ title: 'x' }, where)?.kind).toBe('notAnObject')
    expect(checkWhere({ title: { equals: { $ne: 1 } } }, where)?.kind).toBe('notAnObject')
    expect(checkWhere({ createdAt: { greater_than: 'not a date' } }, where, () => true)?.kind).toBe(
      'invalidDate',
    )
  })
})

describe('JSON nesting', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3)
    expect(jsonNestingDepth('"\\"[[["')).toBe(0)
    expect(jsonNestingDepth(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toBe(10_000)
  })
})
