import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { createPreviewToken } from 'payload-newsroom/server'
import { seedNewsroom } from '../../seed/seedNewsroom'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'

describe('editor preview: the latest draft behind a signed, expiring token', () => {
  let newsroom: TestNewsroom
  let editorToken: string
  let writerToken: string

  beforeAll(async () => {
    newsroom = await startNewsroom()
    await seedNewsroom(newsroom.payload, pluginOptionsOf(newsroom.payload.config))
    editorToken = await newsroom.rest.login('editor@newsroom.test', 'newsroom-editor')
    writerToken = await newsroom.rest.login('writer@newsroom.test', 'newsroom-writer')
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  const articleBySlug = async (slug: string) =>
    (
      await newsroom.payload.find({
        collection: 'articles',
        draft: true,
        where: { slug: { equals: slug } },
      })
    ).docs[0] as Record<string, any>
  const previewOf = (token: string) => newsroom.rest.get('/articles/preview', { query: { token } })
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!

  it('gives an editor a preview link that shows the draft to whoever holds it, uncached and unindexed', async () => {
    const draft = await articleBySlug('la-croissance-du-quatrieme-trimestre-attendue')
    expect(draft._status).toBe('draft')
    const link = await newsroom.rest.get(`/articles/${draft.id}/preview-url`, {
      token: editorToken,
    })
    expect(link.status).toBe(200)
    expect(link.body.url).toMatch(/^http:\/\/localhost:3000\/preview\?token=/)
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000)

    const preview = await previewOf(tokenOf(link.body.url))
    expect(preview.status).toBe(200)
    expect(preview.body.article).toMatchObject({ slug: draft.slug, title: draft.title })
    expect(preview.headers.get('cache-control')).toBe('private, no-store')
    expect(preview.headers.get('x-robots-tag')).toBe('noindex')
    // The public's own reads of the same article: nothing.
    expect((await newsroom.rest.get(`/articles/view/fr/${draft.slug}`)).status).toBe(404)
  })

  it('shows the latest draft of a published article while the public still reads the published version', async () => {
    const published = await articleBySlug('moscou-renforce-la-defense-du-venezuela')
    const saved = await newsroom.rest.patch(`/articles/${published.id}`, {
      body: { title: 'Titre en cours de réécriture' },
      query: { draft: 'true' },
      token: editorToken,
    })
    expect(saved.status).toBe(200)
    const link = await newsroom.rest.get(`/articles/${published.id}/preview-url`, {
      token: editorToken,
    })
    expect((await previewOf(tokenOf(link.body.url))).body.article.title).toBe(
      'Titre en cours de réécriture',
    )
    expect(
      (await newsroom.rest.get(`/articles/view/fr/${published.slug}`)).body.article.title,
    ).toBe('Moscou renforce la défense du Venezuela')
  })

  it('answers 404 to a missing, forged, altered or expired token, and gives no link to the public', async () => {
    const draft = await articleBySlug('la-croissance-du-quatrieme-trimestre-attendue')
    const { secret } = newsroom.payload
    const valid = createPreviewToken(secret, draft.id).token
    const [id, expiry, signature] = valid.split('.')
    const other = await articleBySlug('ecb-holds-rates')
    const hostile = [
      '',
      'x',
      `${id}.${expiry}`,
      `${Buffer.from(String(other.id)).toString('base64url')}.${expiry}.${signature}`,
      `${id}.${Number(expiry) + 86_400_000}.${signature}`,
      `${id}.${expiry}.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`,
      createPreviewToken('another-secret', draft.id).token,
      createPreviewToken(secret, draft.id, new Date(Date.now() - 2 * 3_600_000)).token,
      `${valid}.extra`,
      'a'.repeat(10_000),
      '../../admin',
      '<script>alert(1)</script>',
    ]
    for (const token of hostile) {
      const answer = await previewOf(token)
      expect([answer.status, answer.headers.get('cache-control')], token.slice(0, 40)).toEqual([
        404,
        'no-store',
      ])
    }
    expect((await newsroom.rest.get('/articles/preview')).status).toBe(404)

    expect((await newsroom.rest.get(`/articles/${draft.id}/preview-url`)).status).toBe(404)
    // The admin's Preview button asks the same function: nothing for an anonymous request.
    const preview = newsroom.payload.collections.articles.config.admin.preview!
    expect(
      await preview(draft, {
        locale: 'fr',
        req: await createLocalReq({}, newsroom.payload),
        token: null,
      }),
    ).toBeNull()
    const editor = (
      await newsroom.payload.find({
        collection: 'users',
        where: { email: { equals: 'editor@newsroom.test' } },
      })
    ).docs[0]!
    const editorReq = await createLocalReq(
      { user: { ...editor, collection: 'users' } as never },
      newsroom.payload,
    )
    expect(await preview(draft, { locale: 'fr', req: editorReq, token: null })).toMatch(
      /^http:\/\/localhost:3000\/preview\?token=/,
    )
  })

  it('gives a writer a link to the writer’s own draft, and none to a draft the writer may not read', async () => {
    const own = await articleBySlug('la-croissance-du-quatrieme-trimestre-attendue')
    expect(
      (await newsroom.rest.get(`/articles/${own.id}/preview-url`, { token: writerToken })).status,
    ).toBe(200)
    const othersDraft = await newsroom.payload.create({
      collection: 'articles',
      data: { language: 'fr', title: 'Brouillon de la rédaction en chef' } as never,
      draft: true,
    })
    expect(
      (
        await newsroom.rest.get(`/articles/${othersDraft.id}`, {
          query: { draft: 'true' },
          token: writerToken,
        })
      ).status,
    ).toBe(404)
    expect(
      (await newsroom.rest.get(`/articles/${othersDraft.id}/preview-url`, { token: writerToken }))
        .status,
    ).toBe(404)
  })
})
