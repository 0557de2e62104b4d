import { describe, expect, it } from 'vitest'

import {
  canonicalJson,
  chainLinkOf,
  chainProblems,
  digestOf,
  manifestOf,
  verifyProvenanceChain,
  viewProblems,
} from 'payload-newsroom/rules'
import { generateProvenanceKey } from 'payload-newsroom/server'
import { CompactSign, importJWK } from 'jose'

const article = {
  _status: 'published',
  appliedDisclaimers: [
    {
      contentHash: 'a'.repeat(64),
      key: 'third-party-content',
      kind: 'third-party',
      texts: {
        en: { shortText: 'Third party.', title: 'Notice' },
        fr: { shortText: 'Tiers.', title: 'Avis' },
      },
      version: 2,
    },
  ],
  appliedImages: [{ credit: 'Photo : Agence', image: 7, licence: 'CC BY 4.0', usedAs: 'featured' }],
  attribution: { licence: '', originalUrl: 'https://agence.example/1', source: { id: 3 } },
  body: { root: { children: [{ text: 'Corps', type: 'text' }], type: 'root' } },
  id: 12,
  language: 'fr',
  origin: 'syndicated',
  slug: 'une-depeche',
  standfirst: null,
  title: 'Une dépêche',
  workflowState: 'published',
}
const manifest = (overrides: Record<string, unknown> = {}, event = 'article.published' as const) =>
  manifestOf({
    article: { ...article, ...overrides },
    editor: { user: 5, via: null },
    event,
    issuedAt: '2026-12-07T10:42:00.000Z',
    previous: null,
    sequence: 1,
    url: 'https://site.example/fr/articles/une-depeche',
    version: 'v1',
  })
const view = {
  attribution: {
    copyrightHolder: null,
    copyrightNotice: null,
    licence: null,
    originalUrl: 'https://agence.example/1',
  },
  body: article.body,
  bodyImages: [],
  disclaimers: [{ key: 'third-party-content', text: 'Tiers.', title: 'Avis' }],
  featuredImage: { credit: 'Photo : Agence', id: 7 },
  id: 12,
  standfirst: null,
  title: 'Une dépêche',
}

describe('provenance rules', () => {
  it('hashes canonical JSON, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 'é' }] })).toBe(
      '{"a":[2,{"c":"é","d":3}],"b":1}',
    )
    expect(digestOf({ b: 1, a: 2 })).toBe(digestOf({ a: 2, b: 1 }))
    expect(digestOf(null)).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('signs what readers are served: the shown wording in the article’s language, the image credits, a withheld retracted body', () => {
    const signed = manifest()
    expect(signed.disclaimers).toEqual([
      expect.objectContaining({
        key: 'third-party-content',
        shown: digestOf({ text: 'Tiers.', title: 'Avis' }),
        version: 2,
      }),
    ])
    expect(signed.images).toEqual([
      {
        copyrightNotice: null,
        credit: 'Photo : Agence',
        id: '7',
        licence: 'CC BY 4.0',
        usedAs: 'featured',
      },
    ])
    expect(signed.attribution).toMatchObject({ licence: null, source: '3' })
    expect(viewProblems(signed, view)).toEqual([])
    const retracted = manifest({ workflowState: 'retracted' }, 'article.retracted' as never)
    expect(retracted.content!.body).toBe(digestOf(null))
    const withdrawn = manifest({}, 'article.unpublished' as never)
    expect(withdrawn).toMatchObject({
      attribution: null,
      content: null,
      disclaimers: [],
      images: [],
    })
    expect(viewProblems(withdrawn, view)).toEqual([
      'the article is public, but its last manifest (article.unpublished) says it is not',
    ])
  })

  it('names each difference between the view and what was signed', () => {
    const signed = manifest()
    expect(
      viewProblems(signed, {
        ...view,
        disclaimers: [{ key: 'third-party-content', text: 'Tiers !', title: 'Avis' }],
        featuredImage: { credit: 'Photo : Autre', id: 7 },
        title: 'Une autre dépêche',
      }),
    ).toEqual([
      "title: the public view's title is not the one signed",
      'disclaimers[0] (third-party-content): the wording shown is not the one signed',
      'image 7: its credit is not the one signed',
    ])
    expect(viewProblems(signed, { ...view, bodyImages: [{ credit: null, id: 9 }] })).toEqual([
      'image 9: shown, but not in the signed manifest',
    ])
    expect(viewProblems(signed, { ...view, disclaimers: [] })[0]).toMatch(
      /^disclaimers: shown \[\]/,
    )
  })

  it('checks order, links and the article a chain is about', () => {
    const first = manifest()
    const entries = [{ jws: 'a.b.c', manifest: first }]
    const second = { ...manifest(), previous: chainLinkOf('a.b.c'), sequence: 2 }
    expect(
      chainProblems([...entries, { jws: 'd.e.f', manifest: second }], [first, second]),
    ).toEqual([])
    const forked = { ...second, previous: chainLinkOf('x.y.z') }
    expect(
      chainProblems([...entries, { jws: 'd.e.f', manifest: forked }], [first, forked])[0],
    ).toMatch(/^manifest 2: the chain is broken/)
    const other = { ...second, article: { ...second.article, id: '13' } }
    expect(chainProblems([...entries, { jws: 'd.e.f', manifest: other }], [first, other])).toEqual([
      'manifest 2: it is about article 13, not 12',
    ])
  })

  it('refuses signatures of another type or algorithm, and an empty chain', async () => {
    const key = await generateProvenanceKey('unit')
    const { d: _private, ...publicKey } = key
    const keys = { keys: [{ ...publicKey, alg: 'EdDSA', use: 'sig' }] }
    const payload = new TextEncoder().encode(canonicalJson(manifest()))
    const signWith = (typ: string) =>
      importJWK(key, 'EdDSA').then((privateKey) =>
        new CompactSign(payload)
          .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ })
          .sign(privateKey),
      )
    const good = await signWith('newsroom-provenance+jws')
    expect(
      (await verifyProvenanceChain({ entries: [{ jws: good, manifest: manifest() }], keys }))
        .problems,
    ).toEqual([])
    const wrongType = await signWith('JWT')
    expect(
      (await verifyProvenanceChain({ entries: [{ jws: wrongType, manifest: manifest() }], keys }))
        .problems[0],
    ).toMatch(/^manifest 1: the signature does not verify \(its type is JWT\)/)
    // `alg: none` is never accepted.
    const unsigned = `${Buffer.from('{"alg":"none","typ":"newsroom-provenance+jws"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}.`
    expect(
      (await verifyProvenanceChain({ entries: [{ jws: unsigned, manifest: manifest() }], keys }))
        .problems[0],
    ).toMatch(/^manifest 1: the signature does not verify/)
    expect((await verifyProvenanceChain({ entries: [], keys })).problems).toEqual([
      'the chain is empty: no publication was signed',
    ])
  })
})
