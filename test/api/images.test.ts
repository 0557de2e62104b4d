import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { fieldErrorsOf } from '../helpers/expectations'
import { publishedVersion } from '../helpers/newsroomData'
import { newsroomSuite } from '../helpers/newsroomSuite'

/** A made-up photo: a flat colour, or noise (which does not compress) for the size limit. */
const png = (width: number, height: number, noise = false) =>
  sharp({
    create: noise
      ? {
          background: '#000',
          channels: 3,
          height,
          noise: { mean: 128, sigma: 60, type: 'gaussian' },
          width,
        }
      : { background: { b: 160, g: 90, r: 30 }, channels: 3, height, width },
  })
    .png()
    .toBuffer()

const maxFileBytes = 300_000

describe('images with credits under the guarantee', () => {
  const suite = newsroomSuite({ newsroom: { media: { maxFileBytes } } })
  const mediaCount = async () =>
    (await suite.newsroom.payload.count({ collection: 'media', overrideAccess: true })).totalDocs
  const fieldPaths = (body: any): string[] =>
    (body?.errors ?? []).flatMap((error: any) =>
      (error.data?.errors ?? error.extensions?.data?.errors ?? []).map((entry: any) => entry.path),
    )

  /** An upload through REST, as the admin and clients send it: the file and the fields (`_payload`) in one form. */
  const upload = async (
    file: Blob,
    name: string,
    data: Record<string, unknown>,
    token = suite.staff.editor.token,
  ) => {
    const form = new FormData()
    form.append('file', file, name)
    form.append('_payload', JSON.stringify(data))
    return suite.newsroom.rest.post('/media', {
      headers: { 'accept-language': 'en' },
      query: { locale: 'fr' },
      rawBody: form,
      token,
    })
  }
  /** An image through the Local API, alt text per locale. */
  const image = async (
    data: Record<string, any>,
    alt: { en?: string; fr?: string } = { fr: 'Un graphique des cours' },
  ) => {
    const { payload } = suite.newsroom
    const buffer = await png(1600, 1000)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: alt.fr, ...data } as never,
      file: {
        data: buffer,
        mimetype: 'image/png',
        name: `image-${Math.random().toString(36).slice(2)}.png`,
        size: buffer.length,
      },
      locale: 'fr',
    })
    if (alt.en)
      await payload.update({
        collection: 'media',
        data: { alt: alt.en } as never,
        id: doc.id,
        locale: 'en',
      })
    return doc as Record<string, any>
  }
  const bodyWith = (...ids: (number | string)[]) => ({
    root: {
      children: [
        {
          children: [{ text: 'Avant l’image.', type: 'text', version: 1 }],
          type: 'paragraph',
          version: 1,
        },
        ...ids.map((id) => ({
          fields: null,
          format: '',
          relationTo: 'media',
          type: 'upload',
          value: id,
          version: 3,
        })),
      ],
      type: 'root',
      version: 1,
    },
  })

  it('stores an uploaded image in its sizes, and keeps it from the public until an article shows it (no one makes it public by hand)', async () => {
    const response = await upload(
      new Blob([await png(1600, 1000)], { type: 'image/png' }),
      'marches.png',
      { alt: 'Les marchés en hausse', credit: 'Rédaction', public: true },
    )
    expect(response.status, response.text.slice(0, 500)).toBe(201)
    const doc = response.body.doc
    expect(doc).toMatchObject({
      alt: 'Les marchés en hausse',
      height: 1000,
      mimeType: 'image/png',
      public: false,
      width: 1600,
    })
    expect(doc.sizes.card).toMatchObject({ width: 640 })
    expect(doc.sizes.article).toMatchObject({ width: 1280 })
    expect(doc.sizes.social).toMatchObject({ height: 630, width: 1200 })
    expect((await suite.newsroom.rest.get(`/media/${doc.id}`)).status).toBe(404)
    expect(
      (await suite.newsroom.rest.get(`/media/${doc.id}`, { token: suite.staff.writer.token }))
        .status,
    ).toBe(200)
  })

  it('refuses a file that is not an image, an SVG with script, a corrupt image and an oversized one, naming the file and storing nothing', async () => {
    const before = await mediaCount()
    const valid = await png(400, 300)
    const cases: [string, Blob, string][] = [
      [
        'text named .png',
        new Blob(['just some text, not an image'], { type: 'image/png' }),
        'notes.png',
      ],
      [
        'SVG with script',
        new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {
          type: 'image/svg+xml',
        }),
        'logo.svg',
      ],
      [
        'corrupt PNG',
        new Blob([valid.subarray(0, Math.floor(valid.length / 2))], { type: 'image/png' }),
        'cut.png',
      ],
      ['oversized', new Blob([await png(1000, 1000, true)], { type: 'image/png' }), 'huge.png'],
    ]
    for (const [label, file, name] of cases) {
      const response = await upload(file, name, { alt: label })
      expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBe(400)
      expect(fieldPaths(response.body), label).toContain('file')
    }
    expect(await mediaCount()).toBe(before)
  })

  it('refuses to publish, on every path, an article whose image lacks alt text in its language or a third-party credit, licence or rights', async () => {
    const { basics, newsroom, staff } = suite
    const englishAltOnly = await image({ credit: 'Rédaction' }, { en: 'A price chart' })
    await newsroom.payload.update({
      collection: 'media',
      data: { alt: null } as never,
      id: englishAltOnly.id,
      locale: 'fr',
    })
    const draft = await basics.make.article(
      { featuredImage: englishAltOnly.id, section: basics.world.id },
      { draft: true },
    )

    const rest = await newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { _status: 'published' },
      token: staff.editor.token,
    })
    expect(rest.status).toBe(400)
    expect(fieldPaths(rest.body)).toEqual(['featuredImage'])
    expect(rest.body.errors[0].data.errors[0].message).toMatch(/needs alt text in FR/)
    const graphql = await newsroom.graphql(
      `mutation ($id: String!) { updateArticle(id: $id, data: { _status: published }) { id } }`,
      {
        token: staff.editor.token,
        variables: { id: String(draft.id) },
      },
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(
      (
        await fieldErrorsOf(
          newsroom.payload.update({
            collection: 'articles',
            data: { _status: 'published' },
            id: draft.id,
          }),
        )
      ).map((error) => error.path),
    ).toEqual(['featuredImage'])
    const workflow = await newsroom.rest.post(`/articles/${draft.id}/workflow`, {
      body: { action: 'publish' },
      token: staff.editor.token,
    })
    expect(fieldPaths(workflow.body)).toEqual(['featuredImage'])
    expect(await publishedVersion(newsroom.payload, draft.id)).toBeNull()

    // A third-party image in the body: no credit, no licence; another whose rights have run out.
    const agency = await image({ origin: 'third-party', source: basics.source.id })
    const expired = await image({
      credit: 'Agence',
      licence: 'Licence de presse',
      origin: 'third-party',
      rightsExpireAt: new Date(Date.now() - 60_000).toISOString(),
    })
    const withBodyImages = await basics.make.article(
      { body: bodyWith(agency.id, expired.id), section: basics.world.id },
      { draft: true },
    )
    const errors = await fieldErrorsOf(
      newsroom.payload.update({
        collection: 'articles',
        data: { _status: 'published' },
        id: withBodyImages.id,
      }),
    )
    expect(errors.map((error) => error.path)).toEqual(['body', 'body', 'body'])
    expect(errors.map((error) => error.message).join(' ')).toMatch(
      /needs its credit.*needs its licence.*expired on/,
    )
  })

  it('publishes once the image is complete: the image becomes public, its credit is recorded, and the view and JSON-LD carry it', async () => {
    const { basics, newsroom, staff } = suite
    const featured = await image(
      {
        caption: 'Le siège de la banque centrale.',
        credit: 'Photo : Agence Horizon',
        licence: 'https://horizon-presse.example/licence',
        origin: 'third-party',
      },
      { en: 'The central bank building', fr: 'Le siège de la banque centrale' },
    )
    const inBody = await image({ credit: 'Rédaction' }, { fr: 'Un graphique' })
    const article = await basics.make.article(
      {
        body: bodyWith(inBody.id),
        featuredImage: featured.id,
        section: basics.world.id,
        title: 'Avec images',
      },
      { draft: true },
    )
    const published = await newsroom.rest.post(`/articles/${article.id}/workflow`, {
      body: { action: 'publish' },
      token: staff.editor.token,
    })
    expect(published.status).toBe(200)

    const stored = await publishedVersion(newsroom.payload, article.id, { internal: true })
    expect(
      stored!.appliedImages.map((entry: any) => [entry.usedAs, entry.credit, entry.licence]),
    ).toEqual([
      ['featuredImage', 'Photo : Agence Horizon', 'https://horizon-presse.example/licence'],
      ['body', 'Rédaction', null],
    ])
    // Shown by a published article: now the public's.
    expect(
      (await newsroom.payload.findByID({ collection: 'media', depth: 0, id: featured.id })).public,
    ).toBe(true)
    expect((await newsroom.rest.get(`/media/${featured.id}`)).status).toBe(200)

    const view = await newsroom.rest.get(`/articles/view/fr/${article.slug}`)
    expect(view.status).toBe(200)
    const { featuredImage, bodyImages } = view.body.article
    expect(featuredImage).toMatchObject({
      alt: 'Le siège de la banque centrale',
      caption: 'Le siège de la banque centrale.',
      credit: 'Photo : Agence Horizon',
      width: 1600,
    })
    expect(featuredImage.srcset.split(', ').map((entry: string) => entry.split(' ')[1])).toEqual([
      '640w',
      '1280w',
      '1600w',
    ])
    expect(featuredImage.url).toMatch(/^https?:\/\/.+\.png$/)
    expect(bodyImages.map((entry: any) => [entry.id, entry.alt])).toEqual([
      [inBody.id, 'Un graphique'],
    ])
    const images = view.body.jsonLd.image
    expect(images[0]).toMatchObject({
      '@type': 'ImageObject',
      creditText: 'Photo : Agence Horizon',
      height: '630',
      license: 'https://horizon-presse.example/licence',
      width: '1200',
    })
    expect(images.map((entry: any) => entry.width)).toEqual(['1200', '1280', '1600'])
  })

  it('refuses an edit that would leave an image that published articles show without its alt text, credit or licence, naming the field', async () => {
    const { basics, newsroom, staff } = suite
    const shown = await image(
      {
        credit: 'Photo : Agence Horizon',
        licence: 'https://horizon-presse.example/licence',
        origin: 'third-party',
      },
      { en: 'The harbour', fr: 'Le port' },
    )
    const unused = await image({ credit: 'Rédaction' }, { fr: 'Une image que rien ne montre' })
    const article = await basics.make.article(
      { featuredImage: shown.id, section: basics.world.id, title: 'Le port reprend' },
      { draft: true },
    )
    expect(
      (
        await newsroom.rest.post(`/articles/${article.id}/workflow`, {
          body: { action: 'publish' },
          token: staff.editor.token,
        })
      ).status,
    ).toBe(200)

    const patch = (id: unknown, data: Record<string, unknown>, locale = 'fr') =>
      newsroom.rest.patch(`/media/${id}`, {
        body: data,
        headers: { 'accept-language': 'en' },
        query: { locale },
        token: staff.editor.token,
      })
    for (const [data, field] of [
      [{ alt: '' }, 'alt'],
      [{ credit: '' }, 'credit'],
      [{ licence: '' }, 'licence'],
      [{ rightsExpireAt: new Date(Date.now() - 60_000).toISOString() }, 'rightsExpireAt'],
    ] as const) {
      const refused = await patch(shown.id, data)
      expect(refused.status).toBe(400)
      expect(fieldPaths(refused.body)).toEqual([field])
      expect(refused.body.errors[0].data.errors[0].message).toMatch(
        /Published articles \(1\) show this image/,
      )
    }
    const stored = await newsroom.payload.findByID({
      collection: 'media',
      depth: 0,
      id: shown.id,
      locale: 'fr',
    })
    expect([stored.alt, stored.credit, stored.licence, stored.rightsExpireAt ?? null]).toEqual([
      'Le port',
      'Photo : Agence Horizon',
      'https://horizon-presse.example/licence',
      null,
    ])
    // Better wording goes through; the English alt may go, as no published article is in English.
    expect((await patch(shown.id, { alt: 'Le port de Marseille au matin' })).status).toBe(200)
    expect((await patch(shown.id, { alt: '' }, 'en')).status).toBe(200)
    // An image no published article shows is the newsroom's to change.
    expect((await patch(unused.id, { alt: '' })).status).toBe(200)
  })
})
