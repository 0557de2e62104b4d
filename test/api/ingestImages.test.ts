import { describe, expect, it } from 'vitest'

import { feedServerForSuite } from '../helpers/feedServer'
import { ingestedCopy, ingestSources, newsroomSuite } from '../helpers/newsroomSuite'

/** A wire photo as ninjs 2.x sends it: renditions, descriptions, credit and rights. */
const picture = (name: string, extra: Record<string, unknown> = {}) => ({
  by: 'Léa Martin',
  creditline: 'Léa Martin / Horizon Presse',
  descriptions: [{ role: 'alt', value: `Photo ${name}` }],
  renditions: [
    {
      contenttype: 'image/jpeg',
      height: 400,
      href: `https://photos.horizon-presse.example/${name}-640.jpg`,
      name: 'thumbnail',
      width: 640,
    },
    {
      contenttype: 'image/jpeg',
      height: 1200,
      href: `https://photos.horizon-presse.example/${name}-1920.jpg`,
      name: 'original',
      width: 1920,
    },
  ],
  rightsinfo: [
    {
      linkedrights: 'https://horizon-presse.example/licence-photo',
      usageterms: 'Usage éditorial.',
    },
  ],
  type: 'picture',
  ...extra,
})

const wireItem = (id: string, associations: unknown, extra: Record<string, unknown> = {}) => ({
  associations,
  body_html: '<p>Le marché progresse.</p>',
  headline: `Dépêche ${id}`,
  language: 'fr',
  links: [{ href: `https://horizon-presse.example/depeches/${id}`, rel: 'canonical' }],
  rightsinfo: {
    copyrightnotice: '© 2026 Horizon Presse',
    linkedrights: 'https://horizon-presse.example/licence',
  },
  uri: `urn:horizon:${id}`,
  version: '1',
  ...extra,
})

describe('syndicated images: recorded from ninjs associations and feed enclosures with their credit, under the guarantee', () => {
  const suite = newsroomSuite()
  const feeds = feedServerForSuite()

  const payload = () => suite.newsroom.payload
  const imageSources = ingestSources(suite, {
    creditLine: 'Horizon Presse',
    name: 'Horizon Images',
  })
  const createSource = (ingest: Record<string, any> = {}) =>
    imageSources({ publishPolicy: 'publish-if-compliant', ...ingest })
  const ingest = (body: Record<string, unknown>) =>
    suite.newsroom.rest.post('/articles/ingest', { body, token: suite.staff.ingest.token })
  const imagesOf = async (source: { id: number | string }) =>
    (
      await payload().find({
        collection: 'media',
        depth: 0,
        locale: 'fr',
        overrideAccess: true,
        pagination: false,
        sort: 'createdAt',
        where: { source: { equals: source.id } },
      })
    ).docs as Record<string, any>[]
  const copyOf = async (source: { id: number | string }, itemId: string) =>
    (await ingestedCopy(suite, source, itemId))!

  it('publishes a wire item with its credited photos: the first is the featured image, the next closes the body, each recorded once', async () => {
    const source = await createSource()
    const item = wireItem('photo-1', [
      picture('marche'),
      picture('salle', {
        descriptions: [{ role: 'alt', value: 'La salle des marchés' }],
        renditions: [
          { href: 'https://photos.horizon-presse.example/salle.webp', contenttype: 'image/webp' },
        ],
      }),
      // Not ours to show: an SVG (it can carry script), a javascript: address, a video.
      {
        renditions: [
          { contenttype: 'image/svg+xml', href: 'https://photos.horizon-presse.example/logo.svg' },
        ],
        type: 'graphic',
      },
      { type: 'picture', uri: 'javascript:alert(1)' },
      { type: 'video', uri: 'https://photos.horizon-presse.example/clip.mp4' },
    ])
    const response = await ingest({ format: 'ninjs', item, source: source.slug })
    expect(response.status).toBe(200)
    expect(response.body.items[0]).toMatchObject({ outcome: 'created' })
    expect(response.body.items[0].errors).toBeUndefined()

    const images = await imagesOf(source)
    expect(
      images.map((image) => [
        image.externalUrl,
        image.alt,
        image.credit,
        image.licence,
        image.origin,
        image.width,
        image.filename ?? null,
      ]),
    ).toEqual([
      [
        'https://photos.horizon-presse.example/marche-1920.jpg',
        'Photo marche',
        'Léa Martin / Horizon Presse',
        'https://horizon-presse.example/licence-photo',
        'third-party',
        1920,
        null,
      ],
      [
        'https://photos.horizon-presse.example/salle.webp',
        'La salle des marchés',
        'Léa Martin / Horizon Presse',
        'https://horizon-presse.example/licence-photo',
        'third-party',
        null,
        null,
      ],
    ])
    const copy = await copyOf(source, 'urn:horizon:photo-1')
    expect(copy).toMatchObject({
      _status: 'published',
      featuredImage: images[0]!.id,
      workflowState: 'published',
    })
    expect(copy.body.root.children.at(-1)).toMatchObject({
      relationTo: 'media',
      type: 'upload',
      value: images[1]!.id,
    })
    // Shown by a published article: the public reads them; the view and JSON-LD show the source's address and credit.
    expect((await suite.newsroom.rest.get(`/media/${images[0]!.id}`)).status).toBe(200)
    const view = await suite.newsroom.rest.get(`/articles/view/fr/${copy.slug}`)
    expect(view.body.article.featuredImage).toMatchObject({
      alt: 'Photo marche',
      credit: 'Léa Martin / Horizon Presse',
      srcset: 'https://photos.horizon-presse.example/marche-1920.jpg 1920w',
      url: 'https://photos.horizon-presse.example/marche-1920.jpg',
    })
    expect(view.body.article.bodyImages.map((image: any) => image.url)).toEqual([
      'https://photos.horizon-presse.example/salle.webp',
    ])
    expect(view.body.jsonLd.image[0]).toMatchObject({
      url: 'https://photos.horizon-presse.example/marche-1920.jpg',
      creditText: 'Léa Martin / Horizon Presse',
    })

    // Version 2 shows the same photos: found again, not recorded twice.
    const update = await ingest({
      format: 'ninjs',
      item: { ...item, headline: 'Dépêche photo-1 (mise à jour)', version: '2' },
      source: source.slug,
    })
    expect(update.body.items[0]).toMatchObject({ outcome: 'updated' })
    expect((await imagesOf(source)).map((image) => image.id)).toEqual(
      images.map((image) => image.id),
    )
  })

  it('holds in review, naming the image, a wire item whose photo lacks its credit or its alt text', async () => {
    const source = await createSource()
    const item = wireItem('photo-2', {
      featureimage: picture('anonyme', {
        by: undefined,
        creditline: undefined,
        descriptions: undefined,
        rightsinfo: undefined,
      }),
    })
    const response = await ingest({ format: 'ninjs', item, source: source.slug })
    expect(response.body.items[0].outcome).toBe('created')
    const reasons = response.body.items[0].errors.map(
      (error: any) => `${error.path}: ${error.reason}`,
    )
    expect(reasons).toEqual([
      expect.stringMatching(/^featuredImage: not published: .*alt/i),
      expect.stringMatching(/^featuredImage: not published: .*credit/i),
    ])
    const copy = await copyOf(source, 'urn:horizon:photo-2')
    expect(copy).toMatchObject({ _status: 'draft', workflowState: 'in_review' })
    const [image] = await imagesOf(source)
    // The item's licence stands for the photo's; no credit is made up.
    expect({ ...image, credit: image!.credit ?? null }).toMatchObject({
      credit: null,
      licence: 'https://horizon-presse.example/licence',
      public: false,
    })
    expect((await suite.newsroom.rest.get(`/media/${image!.id}`)).status).toBe(404)
  })

  it('reads Media RSS pictures and image enclosures from a polled feed', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Horizon</title><link>https://horizon-presse.example</link><description>Fil</description><language>fr</language>
<item><title>Le port de Marseille</title><guid>rss-photo-1</guid><link>https://horizon-presse.example/rss/1</link><description>Le trafic reprend.</description>
<media:content url="https://photos.horizon-presse.example/port.jpg" medium="image" type="image/jpeg" width="1600" height="900">
<media:description>Des porte-conteneurs à quai</media:description><media:credit role="photographer">Paul Roux / Horizon</media:credit>
<media:copyright>© Horizon 2026</media:copyright><media:license href="https://horizon-presse.example/licence-photo">Éditorial</media:license></media:content>
<enclosure url="https://photos.horizon-presse.example/quai.png" length="2048" type="image/png"/>
<enclosure url="https://photos.horizon-presse.example/son.mp3" length="2048" type="audio/mpeg"/></item></channel></rss>`
    feeds().serve('/photos.rss', rss, 'application/rss+xml; charset=utf-8')
    const source = await createSource({
      feed: { format: 'rss', url: feeds().url('/photos.rss') },
      publishPolicy: 'review',
    })
    await payload().jobs.queue({
      input: { source: String(source.id) } as never,
      task: 'newsroomPollFeed' as never,
    })
    await payload().jobs.run({ queue: 'default' })
    const images = await imagesOf(source)
    expect(
      images.map((image) => [
        image.externalUrl,
        image.alt ?? null,
        image.credit ?? null,
        image.copyrightNotice ?? null,
        image.licence ?? null,
        image.mimeType,
      ]),
    ).toEqual([
      [
        'https://photos.horizon-presse.example/port.jpg',
        'Des porte-conteneurs à quai',
        'Paul Roux / Horizon',
        '© Horizon 2026',
        'https://horizon-presse.example/licence-photo',
        'image/jpeg',
      ],
      ['https://photos.horizon-presse.example/quai.png', null, null, null, null, 'image/png'],
    ])
    expect((await copyOf(source, 'rss-photo-1')).featuredImage).toBe(images[0]!.id)
  })

  it('records a photo once when twenty deliveries of its item arrive at once', async () => {
    const source = await createSource({ publishPolicy: 'review' })
    const item = wireItem('photo-race', [picture('course')])
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => ingest({ format: 'ninjs', item, source: source.slug })),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    expect(await imagesOf(source)).toHaveLength(1)
    expect((await copyOf(source, 'urn:horizon:photo-race')).featuredImage).toBe(
      (await imagesOf(source))[0]!.id,
    )
  })

  it('refuses a media document with neither a file nor a web address, or with a javascript: address, naming the field and storing nothing', async () => {
    const before = (await payload().count({ collection: 'media', overrideAccess: true })).totalDocs
    const fieldErrors = (body: any): { message: string; path: string }[] =>
      (body?.errors ?? []).flatMap((error: any) => error.data?.errors ?? [])
    const post = (data: Record<string, unknown>) =>
      suite.newsroom.rest.post('/media', {
        body: data,
        headers: { 'accept-language': 'en' },
        token: suite.staff.editor.token,
      })
    const empty = await post({ alt: 'Sans fichier' })
    expect(empty.status).toBe(400)
    expect(fieldErrors(empty.body)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/image file|external URL/),
        path: 'file',
      }),
    ])
    const script = await post({ alt: 'Piège', externalUrl: 'javascript:alert(document.cookie)' })
    expect(script.status).toBe(400)
    expect(fieldErrors(script.body).map((error: any) => error.path)).toEqual(['externalUrl'])
    const huge = await post({
      alt: 'Trop long',
      externalUrl: `https://photos.example/${'a'.repeat(1_000_000)}.jpg`,
    })
    expect([huge.status, fieldErrors(huge.body).map((error: any) => error.path)]).toEqual([
      400,
      ['externalUrl'],
    ])
    const remote = await post({
      alt: 'Hébergée ailleurs',
      credit: 'Agence',
      externalUrl: 'https://photos.example/a.jpg',
    })
    expect(remote.status).toBe(201)
    expect((await payload().count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(
      before + 1,
    )
  })
})
