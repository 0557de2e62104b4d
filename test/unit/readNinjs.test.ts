import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import type { IngestItem } from '../../src/ingest/ingestItem'

import { ninjsVersion, plainTextToHtml, readNinjsItem } from '../../src/ingest/readNinjs'

/**
 * IPTC's own ninjs examples, copied into test/fixtures/ninjs/ from github.com/iptc/newsinjson at
 * 3ace397 (see its README.md and manifest.json for each file's origin and licence).
 */
type ManifestEntry = {
  file: string
  hasBody: boolean
  kind: 'example' | 'schema'
  origin: string
  pubStatus: null | string
  version: string
}
const fixtures = new URL('../fixtures/ninjs/', import.meta.url)
const manifest = JSON.parse(
  readFileSync(new URL('manifest.json', fixtures), 'utf8'),
) as ManifestEntry[]
const examples = manifest.filter((entry) => entry.kind === 'example')

/** One of IPTC's examples by its name here (`<version>--<original name>.json`), checked against the manifest. */
const example = (name: string): Record<string, unknown> => {
  const entry = examples.find((candidate) => candidate.file === `examples/${name}`)
  if (!entry) throw new Error(`${name} is not in test/fixtures/ninjs/manifest.json`)
  return JSON.parse(readFileSync(new URL(entry.file, fixtures), 'utf8'))
}

const itemOf = (result: ReturnType<typeof readNinjsItem>): IngestItem => {
  if (result.error) throw new Error(`refused: ${result.error.path} ${result.error.reason}`)
  return result.item
}

describe('ninjs 1.x: IPTC examples read end to end', () => {
  it('reads the AP story of 1.4 (body_text and body_xhtml): the XHTML body, byline, rights, dates and its picture', () => {
    const result = readNinjsItem(example('1.4--ninjsExComplex1.json'))
    expect(result.warnings).toBeUndefined()
    const item = itemOf(result)
    expect(item).toMatchObject({
      authors: ['Paulo Santalucia', "Frances d'Emilio"],
      copyrightNotice: 'Copyright 2013 The News Agency, www.tna.org - all rights reserved.',
      killed: false,
      language: 'en',
      publishedAt: '2013-07-09T10:37:00.000Z',
      sourceItemId: 'http://ninjs.example.com/newsitems/20130709cplx123',
      title: 'Captain of wrecked cruise ship on trial in Italy',
      updatedAt: '2013-07-09T10:37:00.000Z',
      version: '2013-07-09T10:37:00Z',
    })
    expect(item.body?.format).toBe('html')
    expect(item.body?.text).toMatch(/^<p>GROSSETO, Italy \(AP\)/)
    expect(item.body?.text).toContain(
      '<p>The sole defendant, Francesco Schettino, his eyes shaded by sunglasses',
    )
    expect(item.images).toEqual([
      {
        alt: expect.stringMatching(/^The Costa Concordia cruise ship lies on its side/),
        caption: expect.stringMatching(/^The Costa Concordia cruise ship lies on its side/),
        credit: 'Paulo Santalucia',
        height: 281,
        mimeType: 'image/jpeg', // sent as "image/jpg"
        url: 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg',
        width: 429,
      },
    ])
  })

  it('reads a Business Wire release of 1.4 that has only body_xhtml: body, subjects, language, largest renditions', () => {
    const item = itemOf(readNinjsItem(example('1.4--businesswire-newsml-20130515006361.json')))
    expect(item.title).toBe(
      'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations',
    )
    expect(item.body?.text).toContain('the Dell Precision T1700 small form-factor')
    expect(item).toMatchObject({
      language: 'en',
      updatedAt: '2013-05-16T04:01:00.000Z',
      version: '1',
    })
    expect(item.categories).toContain('Technology')
    expect(item.images?.map((image) => image.url)).toEqual([
      'http://mms.businesswire.com/media/newsItemId/en/221373/5/dell_blue_rgb.jpg',
      'http://mms.businesswire.com/media/newsItemId/en/369394/5/0025lf.jpg',
      'http://mms.businesswire.com/media/newsItemId/en/369395/5/00095.jpg',
    ])
  })

  it('reads the 1.6 guide example with only a plain `body_main` and `headline_main`: the text becomes a paragraph', () => {
    const item = itemOf(readNinjsItem(example('1.6--001_simple_example.json')))
    expect(item.title).toBe('Captain of wrecked cruise ship on trial in Italy')
    expect(item.body?.text).toMatch(
      /^<p>GROSSETO, Italy \(AP\) -- The trial of the captain.*Schettino has denied wrongdoing\.<\/p>$/,
    )
  })

  it('prefers the rich text of 1.6 (`body_richtext`) to its plain `body_main`', () => {
    const item = itemOf(readNinjsItem(example('1.6--004_simple_text_article.json')))
    expect(item.body?.text).toContain('</p> <p>The sole defendant')
  })

  it('reads the 1.4 additions: `expires`, `contentcreated` (the only date sent) and the declared `$standard`', () => {
    const raw = example('1.4--ninjs-1-4-examples.json')
    expect(ninjsVersion(raw)).toBe(1)
    expect(itemOf(readNinjsItem(raw))).toMatchObject({
      expiresAt: '2022-12-31T23:59:59.000Z',
      publishedAt: '2022-04-21T12:34:56.000Z',
      title: 'Test of three new properties',
    })
  })
})

describe('ninjs 2.x: IPTC examples read end to end', () => {
  it('reads the dpa story: HTML body, byline, rights, language and dates', () => {
    const item = itemOf(readNinjsItem(example('2.1--dpa_text.json')))
    expect(item).toMatchObject({
      authors: ['Von Christian Hollmann', 'dpa'],
      copyrightHolder: 'dpa',
      copyrightNotice: 'Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten',
      killed: false,
      language: 'de',
      publishedAt: '2019-05-10T14:02:28.000Z',
      title: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
      version: '2',
    })
    expect(item.body?.text).toContain(
      'Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».',
    )
  })

  it('reads the TT story: the text/html body of the document (no <head>), expiry, holder, standfirst and picture', () => {
    const item = itemOf(readNinjsItem(example('2.1--tt_text_image_2.json')))
    expect(item).toMatchObject({
      copyrightHolder: 'TT',
      expiresAt: '2023-05-30T22:00:00.000Z',
      language: 'sv',
      title: 'Militärövning i jätteformat hålls 2023',
      updatedAt: '2021-05-26T11:40:18.000Z',
    })
    expect(item.standfirst).toMatch(
      /^Pandemin satte stopp för den stora internationella militärövningen Aurora 2020/,
    )
    expect(item.body?.text).toContain('Pandemin satte stopp')
    expect(item.body?.text).not.toMatch(/<head|<title|<html|<body/)
    expect(item.categories).toEqual(['Krig, konflikter och oroligheter', '16000000'])
    expect(item.images).toEqual([
      expect.objectContaining({
        credit: 'Karl Melander/TT',
        height: 3149,
        mimeType: 'image/jpeg',
        url: 'https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg',
        width: 4724,
      }),
    ])
  })

  it('reads the NTB story (no body): standfirst from the description, editorial note, holder, both dates', () => {
    const item = itemOf(readNinjsItem(example('2.1--ntb_text.json')))
    expect(item).toMatchObject({
      body: undefined,
      copyrightHolder: 'NTB',
      copyrightNotice: undefined, // sent empty
      killNote: 'Noe utvidet.',
      language: 'nb',
      publishedAt: '2019-08-09T09:30:04.000Z',
      title: 'Google har kjøpt giganttomt i Skien',
      updatedAt: '2019-08-09T09:46:53.000Z',
      version: '6',
    })
    expect(item.standfirst).toMatch(/^IT-giganten Google har kjøpt en tomt/)
    expect(item.categories).toEqual([
      'Innenriks',
      'Teknologi',
      '13010000',
      'Industri',
      '04011000',
      'Olje og energi',
      '04005000',
    ])
  })

  it('reads the 2.2 guide example: the application/xhtml+xml body over the text/plain one, with the copyright notice', () => {
    const item = itemOf(readNinjsItem(example('2.2--005_complex_text_article.json')))
    expect(item.body?.text).toMatch(/^<p>GROSSETO/)
    expect(item.copyrightNotice).toBe(
      'Copyright 2013 The News Agency, www.tna.org - all rights reserved.',
    )
  })

  it('reads linked rights as the licence', () => {
    expect(itemOf(readNinjsItem(example('2.1--imageLinkedRights.json'))).licence).toBe(
      'http://example.agency.com/rights/editorialUseOnly',
    )
  })
})

describe('ninjs 3.x: IPTC examples read end to end', () => {
  it('reads the 3.1 multimedia guide example: camelCase dates, notice, XHTML body and pictures with contentType', () => {
    const raw = example('3.1--007_multimedia.json')
    expect(ninjsVersion(raw)).toBe(3)
    const result = readNinjsItem(raw)
    expect(result.warnings).toBeUndefined()
    const item = itemOf(result)
    expect(item).toMatchObject({
      authors: ['Paulo Santalucia', "Frances d'Emilio"],
      copyrightNotice: 'Copyright 2013 The News Agency, www.tnag.org - all rights reserved.',
      language: 'en',
      publishedAt: '2013-07-09T10:39:00.000Z',
      title: 'Captain of wrecked cruise ship on trial in Italy',
      updatedAt: '2013-07-09T10:39:00.000Z',
      version: '2013-07-09T10:39:00Z',
    })
    expect(item.body?.text).toContain('<p>His lawyer, Domenico Pepe, told reporters that')
    expect(item.images).toEqual([
      expect.objectContaining({
        copyrightNotice: 'Copyright 2013 The News Agency, www.tna.org - all rights reserved.',
        credit: 'Paulo Santalucia',
        mimeType: 'image/jpeg',
        url: 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg',
        width: 429,
      }),
      expect.objectContaining({
        alt: 'Francesco Schettino the captain of the Costa Concordia cruise ship at court in Grossetto, Italy, on 9 July 2013',
        width: 280,
      }),
    ])
  })

  it('reads the 3.0 NTB story: pubStatus, edNote, copyrightHolder, firstCreated, versionCreated', () => {
    const item = itemOf(readNinjsItem(example('3.0--ntb_text.json')))
    expect(item).toMatchObject({
      copyrightHolder: 'NTB',
      killed: false,
      killNote: 'Noe utvidet.',
      publishedAt: '2019-08-09T09:30:04.000Z',
      updatedAt: '2019-08-09T09:46:53.000Z',
    })
  })

  it('reads the 3.0 ADDB story: the text/plain body (its NITF one is not read) in paragraphs, its declared version', () => {
    const raw = example(
      '3.0--20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json',
    )
    expect(ninjsVersion(raw)).toBe(3)
    const item = itemOf(readNinjsItem(raw))
    expect(item.title).toBe(
      "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
    )
    expect(item.standfirst).toMatch(
      /^The Australian Sports Anti-Doping Authority \(ASADA\) today announced/,
    )
    expect(item.body?.text).toMatch(
      /^<p>The initiatives are being implemented in close partnership/,
    )
    expect(item.body?.text).toContain(
      '</p><p>The anti-doping initiatives announced by ASADA and the UCI',
    )
    expect(item.body?.text).not.toContain('nitf')
    expect(item.authors).toEqual(['Trond Husø', 'The Anti-Doping Database'])
  })

  it('reads the 3.0 TT story: expires, copyrightHolder, the text/html body', () => {
    const item = itemOf(readNinjsItem(example('3.0--tt_text_image_3.json')))
    expect(item).toMatchObject({
      copyrightHolder: 'TT',
      expiresAt: '2023-05-30T22:00:00.000Z',
      language: 'sv',
    })
    expect(item.body?.text).toContain('Pandemin satte stopp')
    expect(item.images).toHaveLength(1)
  })

  it('reads rightsInfo: linkedRights, else encodedRights, as the licence', () => {
    expect(itemOf(readNinjsItem(example('3.0--imageLinkedRights.json'))).licence).toBe(
      'http://example.agency.com/rights/editorialUseOnly',
    )
    expect(itemOf(readNinjsItem(example('3.0--imageEncodedRights.json'))).licence).toContain(
      'http://www.w3.org/ns/odrl/2/Agreement',
    )
  })
})

describe('every IPTC ninjs example', () => {
  it.each(examples.map((entry) => [entry.file.replace('examples/', ''), entry] as const))(
    '%s: read without throwing; a body when it has one',
    (name, entry) => {
      const raw = JSON.parse(readFileSync(new URL(entry.file, fixtures), 'utf8'))
      for (const one of Array.isArray(raw) ? raw : [raw]) {
        const result = readNinjsItem(one)
        // Only event and rendition-only examples carry no headline, and those are not articles.
        if (result.error) {
          expect(result.error).toMatchObject({ path: 'title', reason: 'is required' })
          continue
        }
        expect(result.warnings).toBeUndefined()
        if (entry.hasBody || one.bodies) expect(result.item.body?.text.trim()).toBeTruthy()
        expect(result.item.killed).toBe(
          entry.pubStatus === 'canceled' || entry.pubStatus === 'withheld',
        )
      }
    },
  )

  it.each(
    examples
      .filter((entry) => entry.file !== 'examples/3.1--002_renditions_example.json')
      .map((entry) => [entry.file, entry.version] as const),
  )('%s is seen as ninjs %s', (file, version) => {
    const raw = JSON.parse(readFileSync(new URL(file, fixtures), 'utf8'))
    expect(ninjsVersion(Array.isArray(raw) ? raw[0] : raw)).toBe(Number(version[0]))
  })
})

describe('the ninjs version', () => {
  it('is the declared one (`standard`, `$standard`, a ninjs `$schema`), else the one its names show', () => {
    expect(ninjsVersion({ headline: 'x', standard: { name: 'ninjs', version: '3.0' } })).toBe(3)
    expect(
      ninjsVersion({
        $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json',
        pubStatus: 'usable',
      }),
    ).toBe(2)
    expect(
      ninjsVersion({ $schema: 'https://json-schema.org/draft/2020-12/schema', headline: 'x' }),
    ).toBe(1)
    expect(ninjsVersion({ headlines: [] })).toBe(2)
    expect(ninjsVersion({ headlines: [], versionCreated: '2025-01-01T00:00:00Z' })).toBe(3)
    expect(ninjsVersion({ body_html: '', headline: 'x' })).toBe(1)
  })
})

describe('ninjs kills, embargoes and expiry', () => {
  const v3 = {
    bodies: [{ contentType: 'text/html', value: '<p>Body</p>' }],
    headlines: [{ role: 'main', value: 'H' }],
    uri: 'urn:wire:3',
  }

  it('reads `pubStatus: canceled` (3.x) as killed, with `edNote` as the kill note', () => {
    expect(
      itemOf(readNinjsItem({ ...v3, edNote: 'Withdrawn: legal reasons.', pubStatus: 'canceled' })),
    ).toMatchObject({
      killNote: 'Withdrawn: legal reasons.',
      killed: true,
    })
    expect(itemOf(readNinjsItem({ ...v3, pubStatus: 'withheld' })).killed).toBe(true)
    expect(itemOf(readNinjsItem({ ...v3, pubStatus: 'usable' })).killed).toBe(false)
  })

  it('kills under either spelling, whatever the version (a 2.x item with `pubStatus`)', () => {
    expect(
      itemOf(readNinjsItem({ headline: 'H', pubStatus: 'canceled', uri: 'urn:x:1' })).killed,
    ).toBe(true)
  })

  it('refuses a publication status that is not text, naming it', () => {
    expect(readNinjsItem({ ...v3, pubStatus: { value: 'canceled' } }).error).toMatchObject({
      path: 'pubStatus',
      reason: 'must be a string',
    })
  })

  it('reads the 3.x embargo `embargoedUntil`, and refuses one it cannot read, naming it', () => {
    expect(
      itemOf(readNinjsItem({ ...v3, embargoedUntil: '2026-06-02T06:00:00+02:00' })).embargoedUntil,
    ).toBe('2026-06-02T04:00:00.000Z')
    expect(readNinjsItem({ ...v3, embargoedUntil: 'after lunch' }).error).toEqual({
      itemId: 'urn:wire:3',
      path: 'embargoedUntil',
      reason: 'is not a date',
    })
  })

  it('holds the later embargo when both spellings are sent', () => {
    expect(
      itemOf(
        readNinjsItem({
          ...v3,
          embargoed: '2026-06-03T00:00:00Z',
          embargoedUntil: '2026-06-02T00:00:00Z',
        }),
      ).embargoedUntil,
    ).toBe('2026-06-03T00:00:00.000Z')
  })

  it('reads `expires` into expiresAt only (not the rights expiry), in every version', () => {
    const item = itemOf(readNinjsItem({ ...v3, expires: '2026-12-31T23:59:59+01:00' }))
    expect(item.expiresAt).toBe('2026-12-31T22:59:59.000Z')
    expect(item.rightsExpireAt).toBeUndefined()
    expect(
      itemOf(readNinjsItem({ expires: '2026-12-31T00:00:00Z', headline: 'H', uri: 'urn:x:1' }))
        .expiresAt,
    ).toBe('2026-12-31T00:00:00.000Z')
    expect(itemOf(readNinjsItem(v3)).expiresAt).toBeUndefined()
  })

  it('refuses an `expires` it cannot read, naming it (leaving it out would keep publishing what may not be)', () => {
    expect(readNinjsItem({ ...v3, expires: 'end of season' }).error).toEqual({
      itemId: 'urn:wire:3',
      path: 'expires',
      reason: 'is not a date',
    })
    expect(readNinjsItem({ ...v3, expires: 20261231 }).error).toMatchObject({
      path: 'expires',
      reason: 'is not a date',
    })
  })
})

describe('ninjs rights and dates, 3.x names', () => {
  const v3 = { headlines: [{ value: 'H' }], uri: 'urn:wire:4' }

  it('reads copyrightHolder, copyrightNotice, usageTerms and rightsInfo.linkedRights', () => {
    expect(
      itemOf(
        readNinjsItem({
          ...v3,
          copyrightHolder: 'Wire Co',
          copyrightNotice: '© Wire Co 2026',
          rightsInfo: {
            langId: 'http://www.w3.org/ns/odrl/2/',
            linkedRights: 'https://wire.example/licence',
          },
          usageTerms: 'Editorial use only.',
        }),
      ),
    ).toMatchObject({
      copyrightHolder: 'Wire Co',
      copyrightNotice: '© Wire Co 2026',
      licence: 'https://wire.example/licence',
      usageTerms: 'Editorial use only.',
    })
  })

  it('leaves out optional values of the wrong type', () => {
    const item = itemOf(
      readNinjsItem({
        ...v3,
        copyrightHolder: { name: 'Wire Co' },
        descriptions: 'a summary',
        rightsInfo: 'all rights',
        usageTerms: 5,
      }),
    )
    expect(item).toMatchObject({
      copyrightHolder: undefined,
      licence: undefined,
      standfirst: undefined,
      title: 'H',
      usageTerms: undefined,
    })
  })

  it('warns once for a `versionCreated` it cannot read, and publishes by `firstCreated`', () => {
    const result = readNinjsItem({
      ...v3,
      firstCreated: '2026-01-01T00:00:00Z',
      versionCreated: 'garbage',
    })
    expect(result.item).toMatchObject({
      publishedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: undefined,
      version: 'garbage',
    })
    expect(result.warnings).toEqual([
      { detail: 'garbage', kind: 'date-left-out', path: 'versionCreated' },
    ])
  })

  it('warns once for a `versionCreated` it cannot read when it is the only date', () => {
    expect(readNinjsItem({ ...v3, versionCreated: 'garbage' }).warnings).toEqual([
      { detail: 'garbage', kind: 'date-left-out', path: 'versionCreated' },
    ])
  })

  it('uses contentCreated for the publication only when neither firstCreated nor versionCreated is sent', () => {
    expect(
      itemOf(readNinjsItem({ ...v3, contentCreated: '2025-01-01T00:00:00Z' })).publishedAt,
    ).toBe('2025-01-01T00:00:00.000Z')
    expect(
      itemOf(
        readNinjsItem({
          ...v3,
          contentCreated: '2025-01-01T00:00:00Z',
          versionCreated: '2026-01-01T00:00:00Z',
        }),
      ).publishedAt,
    ).toBe('2026-01-01T00:00:00.000Z')
  })

  it('does not take an editorial note, a credit line or a caption as the standfirst', () => {
    const item = itemOf(
      readNinjsItem({
        ...v3,
        descriptions: [
          { role: 'ednote', value: 'Not for publication' },
          { role: 'creditline', value: 'AGENCY' },
          { role: 'caption', value: 'A caption' },
        ],
      }),
    )
    expect(item.standfirst).toBeUndefined()
    expect(item.killNote).toBe('Not for publication')
    expect(
      itemOf(
        readNinjsItem({
          ...v3,
          descriptions: [
            { role: 'text', value: 'A text' },
            { role: 'summary', contentType: 'text/html', value: '<p>The <b>summary</b></p>' },
          ],
        }),
      ).standfirst,
    ).toBe('The summary')
  })
})

describe('the ninjs body', () => {
  const base = { headline: 'H', uri: 'urn:x:1' }

  it('makes plain text into paragraphs: blank lines part them, single newlines break lines, <>&" escaped', () => {
    expect(plainTextToHtml('a < b & "c" > d\r\n\r\nline one\nline two\n\n\n  ')).toBe(
      '<p>a &lt; b &amp; &quot;c&quot; &gt; d</p><p>line one<br>line two</p>',
    )
    const item = itemOf(
      readNinjsItem({
        ...base,
        body_text: 'Prices <script>alert(1)</script> rose.\n\nSecond paragraph.',
      }),
    )
    expect(item.body).toEqual({
      format: 'html',
      text: '<p>Prices &lt;script&gt;alert(1)&lt;/script&gt; rose.</p><p>Second paragraph.</p>',
    })
  })

  it('takes 1.x body_html, else body_xhtml, else body_text', () => {
    const all = { ...base, body_html: '<p>html</p>', body_text: 'text', body_xhtml: '<p>xhtml</p>' }
    expect(itemOf(readNinjsItem(all)).body?.text).toBe('<p>html</p>')
    const { body_html: _, ...withoutHtml } = all
    expect(itemOf(readNinjsItem(withoutHtml)).body?.text).toBe('<p>xhtml</p>')
    expect(itemOf(readNinjsItem({ ...base, body_text: 'text' })).body?.text).toBe('<p>text</p>')
  })

  it('chooses among `bodies` by contentType: text/html, then application/xhtml+xml, then text/plain; never NITF or XML', () => {
    const bodies = [
      { contentType: 'text/plain', role: 'main', value: 'plain' },
      { contentType: 'application/xhtml+xml', role: 'main', value: '<p>xhtml</p>' },
      { contentType: 'text/html', role: 'main', value: '<p>html</p>' },
      { contentType: 'text/vnd.IPTC.NITF', role: 'main', value: '<nitf/>' },
    ]
    const read = (list: unknown[]) => itemOf(readNinjsItem({ ...base, bodies: list })).body?.text
    expect(read(bodies)).toBe('<p>html</p>')
    expect(read(bodies.filter((body) => body.value !== '<p>html</p>'))).toBe('<p>xhtml</p>')
    expect(read([bodies[0], bodies[3]])).toBe('<p>plain</p>')
    expect(read([bodies[3]])).toBeUndefined()
    expect(
      read([
        { contenttype: 'application/xml', value: '<x/>' },
        { contenttype: 'text/plain', value: 'two' },
      ]),
    ).toBe('<p>two</p>')
  })

  it('prefers the main body (role `main`, none, or one naming a format) to one with another role', () => {
    expect(
      itemOf(
        readNinjsItem({
          ...base,
          bodies: [
            { contentType: 'text/html', role: 'summary', value: '<p>summary</p>' },
            { contentType: 'text/plain', role: 'main', value: 'main' },
          ],
        }),
      ).body?.text,
    ).toBe('<p>main</p>')
  })

  it('reads a body without a content type as HTML when it begins with markup, else as text', () => {
    expect(itemOf(readNinjsItem({ ...base, bodies: [{ value: '<p>x</p>' }] })).body?.text).toBe(
      '<p>x</p>',
    )
    expect(itemOf(readNinjsItem({ ...base, bodies: [{ value: 'x < y' }] })).body?.text).toBe(
      '<p>x &lt; y</p>',
    )
  })

  it('refuses a body, headline or language of the wrong type, naming its path', () => {
    expect(readNinjsItem({ ...base, body_html: { p: 'x' } }).error).toMatchObject({
      path: 'body_html',
      reason: 'must be a string',
    })
    expect(readNinjsItem({ ...base, bodies: '<p>x</p>' }).error).toMatchObject({
      path: 'bodies',
      reason: 'must be a list',
    })
    expect(readNinjsItem({ ...base, bodies: [{ value: 5 }] }).error).toMatchObject({
      path: 'bodies.0.value',
      reason: 'must be a string',
    })
    expect(
      readNinjsItem({ headlines: [{ role: 'main', value: ['H'] }], uri: 'urn:x:1' }).error,
    ).toMatchObject({ path: 'headlines.0.value', reason: 'must be a string' })
    expect(readNinjsItem({ headlines: 'H', uri: 'urn:x:1' }).error).toMatchObject({
      path: 'headlines',
      reason: 'must be a list',
    })
    expect(readNinjsItem({ ...base, language: ['en'] }).error).toMatchObject({
      path: 'language',
      reason: 'must be a string',
    })
  })
})
