import { createHash, randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'
import { ninjsValidator } from '../helpers/ninjsSchemas'
import { validateXml } from '../helpers/xmlFormats'

/**
 * Partners pull our items as ninjs with a token (issue 35): only what is published, in their
 * filters, and, of syndicated pieces, only those whose licence allows redistribution; every answer
 * leaves an append-only receipt of who has what.
 */
describe('partners pull our items', () => {
  const suite = newsroomSuite()
  const run = process.pid.toString(36)
  const ids: Record<string, number | string> = {}
  const partners: Record<string, number | string> = {}
  const tokens: Record<string, string> = {}
  const receipts = 'newsroom-partner-receipts'

  const pull = (token: string | undefined, route = '/partners/feed', query = {}, headers = {}) =>
    suite.newsroom.rest.get(route, {
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
      query,
    })
  const receiptCount = async () =>
    (await suite.newsroom.payload.count({ collection: receipts as never })).totalDocs
  const idsOf = (items: { altIds?: any[]; altids?: any[] }[]) =>
    items
      .map((item) => (item.altIds ?? item.altids)!.find((alt) => alt.role === 'newsroom-id').value)
      .sort()
  const issueToken = async (partner: number | string, body: object = {}) => {
    const answer = await suite.newsroom.rest.post(`/partners/${partner}/tokens`, {
      body,
      token: suite.staff.admin.token,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    return answer.body.token as string
  }

  beforeAll(async () => {
    const { basics, staff } = suite
    const open = await basics.make.source({
      licence: { redistribution: 'allowed' },
      name: `Agence Ouverte ${run}`,
    })
    const published = { _status: 'published', section: basics.world.id }
    ids.ownFr = (await basics.make.article({ ...published, slug: `maison-fr-${run}` })).id
    ids.ownEn = (
      await basics.make.article({ ...published, language: 'en', slug: `house-en-${run}` })
    ).id
    ids.ownDraft = (await basics.make.article({ slug: `brouillon-${run}` }, { draft: true })).id
    ids.forbidden = (await basics.syndicated({ ...published, slug: `depeche-fermee-${run}` })).id
    ids.allowed = (
      await basics.syndicated({
        ...published,
        attribution: {
          originalUrl: 'https://ouverte.example/1',
          source: open.id,
          sourceItemId: `ouverte-${run}`,
          usageTerms: 'Redistribution permise aux partenaires.',
        },
        slug: `depeche-ouverte-${run}`,
      })
    ).id
    // A draft saved over the published French piece: partners keep getting the published one.
    await suite.newsroom.payload.update({
      id: ids.ownFr,
      collection: 'articles',
      data: { title: `BROUILLON SECRET ${run}` },
      draft: true,
    })
    const create = async (data: object) =>
      (
        await suite.newsroom.rest.post('/partners', {
          body: data,
          token: staff.admin.token,
        })
      ).body.doc.id
    partners.french = await create({
      filters: { languages: ['fr'], origin: 'own-and-redistributable' },
      formats: ['ninjs-3', 'ninjs-2'],
      name: `Partenaire FR ${run}`,
    })
    partners.own = await create({ formats: ['ninjs-2'], name: `Own only ${run}` })
    tokens.french = await issueToken(partners.french, { label: 'production' })
    tokens.own = await issueToken(partners.own)
  })

  it('issues tokens to admins only, keeps their hash and never the token', async () => {
    const { newsroom, staff } = suite
    for (const [token, status] of [
      [staff.editor.token, 403],
      [staff.writer.token, 403],
      [undefined, 401],
    ] as const) {
      const answer = await newsroom.rest.post(`/partners/${partners.own}/tokens`, {
        body: {},
        token,
      })
      expect(answer.status).toBe(status)
    }
    const stored = await newsroom.payload.findByID({
      id: partners.french,
      collection: 'partners' as never,
      depth: 0,
    })
    const rows = (stored as any).tokens
    expect(rows).toHaveLength(1)
    expect(rows[0].hash).toBe(createHash('sha256').update(tokens.french!).digest('hex'))
    expect(JSON.stringify(stored)).not.toContain(tokens.french)
    // Editors see partners, not their tokens.
    const asEditor = await newsroom.rest.get(`/partners/${partners.french}`, {
      token: staff.editor.token,
    })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.tokens ?? []).toEqual([])
    expect(asEditor.text).not.toMatch(/[0-9a-f]{64}/)
    // Nobody writes a hash through the API, not even an admin.
    const forged = await newsroom.rest.patch(`/partners/${partners.own}`, {
      body: { tokens: [{ expiresAt: '2030-01-01T00:00:00Z', hash: 'a'.repeat(64) }] },
      token: staff.admin.token,
    })
    expect(forged.status).toBe(200)
    const own = (await newsroom.payload.findByID({
      id: partners.own,
      collection: 'partners' as never,
    })) as any
    expect(own.tokens.map((row: any) => row.hash)).not.toContain('a'.repeat(64))
    tokens.own = await issueToken(partners.own)
  })

  it('sends a partner its published items, in its filters, valid ninjs 3.1, with a receipt', async () => {
    const before = await receiptCount()
    const answer = await pull(tokens.french)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('private, no-cache')
    const { items } = answer.body
    // French only; the closed agency's dispatch and the draft never leave.
    expect(idsOf(items)).toEqual([String(ids.allowed), String(ids.ownFr)].sort())
    const validate = ninjsValidator('ninjs-3')
    for (const item of items) {
      expect(validate(item), JSON.stringify(validate.errors)).toBe(true)
    }
    const own = items.find((item: any) => item.altIds[0].value === String(ids.ownFr))
    expect(own.headlines[0].value).not.toContain('BROUILLON SECRET')
    expect(own.bodies[0]).toMatchObject({ contentType: 'text/html', role: 'main' })
    expect(own.bodies[0].value).toContain('<h2>Contexte</h2>')
    const wire = items.find((item: any) => item.altIds[0].value === String(ids.allowed))
    expect(wire.usageTerms).toBe('Redistribution permise aux partenaires.')
    expect(wire.descriptions.some((entry: any) => entry.role === 'disclaimer')).toBe(true)
    expect(wire.infoSources.map((source: any) => source.role)).toEqual(['publisher', 'originator'])
    // The receipt says who has what, in which version.
    expect(await receiptCount()).toBe(before + 1)
    const { docs } = await suite.newsroom.payload.find({
      collection: receipts as never,
      sort: '-createdAt',
      where: { partner: { equals: partners.french } },
    })
    const receipt = docs[0] as any
    expect(receipt).toMatchObject({ channel: 'pull', format: 'ninjs-3' })
    expect(receipt.items.map((item: any) => item.articleRef).sort()).toEqual(idsOf(items))
    expect(receipt.items.every((item: any) => item.version)).toBe(true)
  })

  it('answers 304 to a partner that holds the page, and records no new receipt', async () => {
    const first = await pull(tokens.french)
    const before = await receiptCount()
    const again = await pull(
      tokens.french,
      '/partners/feed',
      {},
      {
        'if-none-match': first.headers.get('etag')!,
      },
    )
    expect(again.status).toBe(304)
    expect(await receiptCount()).toBe(before)
  })

  it('speaks ninjs 2.2 to a partner that takes it, and refuses formats a partner does not take', async () => {
    const answer = await pull(tokens.own)
    expect(answer.status).toBe(200)
    expect(answer.body.format).toBe('ninjs-2')
    // Ours only, in both languages: no syndicated piece at all.
    expect(idsOf(answer.body.items)).toEqual([String(ids.ownEn), String(ids.ownFr)].sort())
    const validate = ninjsValidator('ninjs-2')
    for (const item of answer.body.items) {
      expect(validate(item), JSON.stringify(validate.errors)).toBe(true)
    }
    expect((await pull(tokens.own, '/partners/feed', { format: 'ninjs-3' })).status).toBe(403)
    const unknown = await pull(tokens.own, '/partners/feed', { format: 'nitf' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].data.errors[0].path).toBe('format')
  })

  it('answers one item, and refuses what the partner may not have', async () => {
    const item = (id: number | string, token = tokens.french) =>
      pull(token, `/partners/feed/${encodeURIComponent(String(id))}`)
    const before = await receiptCount()
    const one = await item(ids.allowed)
    expect(one.status).toBe(200)
    expect(one.body.altIds[0].value).toBe(String(ids.allowed))
    expect(await receiptCount()).toBe(before + 1)
    // Published, but its licence forbids passing it on; published, but outside the partner's languages.
    expect((await item(ids.forbidden)).status).toBe(403)
    expect((await item(ids.ownEn)).status).toBe(403)
    expect((await item(ids.forbidden, tokens.own)).status).toBe(403)
    // Not published: as if it did not exist.
    expect((await item(ids.ownDraft)).status).toBe(404)
    for (const hostile of [
      'constructor',
      '__proto__',
      '..%2F..',
      'x'.repeat(200),
      'a\u0000b',
      '-1',
    ]) {
      const answer = await item(hostile)
      expect(answer.status, hostile).toBe(404)
    }
    expect(await receiptCount()).toBe(before + 1)
  })

  it('refuses missing, malformed, unknown, expired and revoked tokens with 401, a suspended partner with 403', async () => {
    const { newsroom, staff } = suite
    const refusedWith = async (token: string | undefined, status: number) => {
      const answer = await pull(token)
      expect(answer.status, String(token)).toBe(status)
      if (status === 401) {
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="newsroom-partners"/)
      }
      return answer
    }
    const before = await receiptCount()
    await refusedWith(undefined, 401)
    await refusedWith('nope', 401)
    await refusedWith(`nrp_${randomBytes(32).toString('base64url')}`, 401)
    await refusedWith(`${tokens.own}x`, 401)
    // A JWT of an admin is not a partner token.
    await refusedWith(staff.admin.token, 401)

    const expiring = await issueToken(partners.own, { label: 'expiring' })
    const revoking = await issueToken(partners.own, { label: 'revoking' })
    expect((await pull(expiring)).status).toBe(200)
    expect((await pull(revoking)).status).toBe(200)
    // The admin ends one and revokes the other through the ordinary update, as the admin panel does.
    const stored = (
      await newsroom.rest.get(`/partners/${partners.own}`, {
        token: staff.admin.token,
      })
    ).body
    const rows = stored.tokens.map((row: any) =>
      row.label === 'expiring'
        ? { ...row, expiresAt: '2020-01-01T00:00:00.000Z' }
        : row.label === 'revoking'
          ? { ...row, revokedAt: new Date(Date.now() - 1000).toISOString() }
          : row,
    )
    const updated = await newsroom.rest.patch(`/partners/${partners.own}`, {
      body: { tokens: rows },
      token: staff.admin.token,
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    await refusedWith(expiring, 401)
    await refusedWith(revoking, 401)
    // The update kept every hash: the partner's other token still works.
    expect((await pull(tokens.own)).status).toBe(200)

    await newsroom.rest.patch(`/partners/${partners.own}`, {
      body: { active: false },
      token: staff.admin.token,
    })
    await refusedWith(tokens.own, 403)
    await newsroom.rest.patch(`/partners/${partners.own}`, {
      body: { active: true },
      token: staff.admin.token,
    })
    // Three answers above were 200s (a receipt each); no refusal wrote one.
    expect(await receiptCount()).toBe(before + 3)
  })

  it('answers hostile parameters with a 400 naming them, and writes nothing', async () => {
    const before = await receiptCount()
    const cases: [Record<string, string>, string][] = [
      [{ limit: '0' }, 'limit'],
      [{ limit: '51' }, 'limit'],
      [{ limit: 'abc' }, 'limit'],
      [{ limit: '1e3' }, 'limit'],
      [{ page: '-1' }, 'page'],
      [{ page: '9'.repeat(20) }, 'page'],
      [{ since: 'yesterday' }, 'since'],
      [{ since: `2026-01-01${'0'.repeat(10_000)}` }, 'since'],
      [{ since: '2026-13-45T99:99:99Z' }, 'since'],
      [{ format: '</script>' }, 'format'],
      [{ format: 'constructor' }, 'format'],
    ]
    for (const [query, field] of cases) {
      const answer = await pull(tokens.french, '/partners/feed', query)
      expect(answer.status, JSON.stringify(query).slice(0, 80)).toBe(400)
      expect(answer.body.errors[0].data.errors[0].path).toBe(field)
    }
    const twice = await suite.newsroom.rest.get('/partners/feed?limit=1&limit=2', {
      headers: { authorization: `Bearer ${tokens.french}` },
    })
    expect(twice.status).toBe(400)
    expect(await receiptCount()).toBe(before)
  })

  it('refuses hostile partner settings with a 400 naming the field, and writes nothing', async () => {
    const { newsroom, staff } = suite
    const count = async () =>
      (await newsroom.payload.count({ collection: 'partners' as never })).totalDocs
    const before = await count()
    const cases: [Record<string, unknown>, string][] = [
      [{ filters: { languages: ['xx'] } }, 'filters.languages'],
      [{ filters: { origin: 'everything' } }, 'filters.origin'],
      [{ filters: { sections: ['constructor'] } }, 'filters.sections'],
      [{ formats: ['nitf'] }, 'formats'],
      [{ formats: [] }, 'formats'],
      [{ pushUrl: 'javascript:alert(1)' }, 'pushUrl'],
      [{ pushUrl: 'http://exa mple/</script>' }, 'pushUrl'],
      [{ pushSecret: 'short' }, 'pushSecret'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ name: 'a\u0000b' }, 'name'],
    ]
    for (const [data, field] of cases) {
      const answer = await newsroom.rest.post('/partners', {
        body: { formats: ['ninjs-3'], name: 'Hostile', ...data },
        token: staff.admin.token,
      })
      expect(answer.status, JSON.stringify(data).slice(0, 80)).toBe(400)
      expect(JSON.stringify(answer.body.errors), JSON.stringify(data).slice(0, 80)).toContain(field)
    }
    const tooLong = await newsroom.rest.post(`/partners/${partners.own}/tokens`, {
      body: { days: 100_000, label: '</script>' },
      token: staff.admin.token,
    })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.errors[0].data.errors[0].path).toBe('days')
    expect(await count()).toBe(before)
  })

  it('pages, and sends only what changed since a given instant', async () => {
    const first = await pull(tokens.french, '/partners/feed', { limit: '1' })
    const second = await pull(tokens.french, '/partners/feed', { limit: '1', page: '2' })
    expect(first.body).toMatchObject({ limit: 1, page: 1, totalDocs: 2, totalPages: 2 })
    expect([...idsOf(first.body.items), ...idsOf(second.body.items)].sort()).toEqual(
      [String(ids.allowed), String(ids.ownFr)].sort(),
    )
    const later = await pull(tokens.french, '/partners/feed', {
      since: new Date(Date.now() + 60_000).toISOString(),
    })
    expect(later.body.items).toEqual([])
  })

  it('keeps receipts append-only, for admins and the system alike', async () => {
    const { newsroom, staff } = suite
    const { docs } = await newsroom.payload.find({ collection: receipts as never, limit: 1 })
    const receipt = docs[0] as any
    const patched = await newsroom.rest.patch(`/${receipts}/${receipt.id}`, {
      body: { format: 'ninjs-2' },
      token: staff.admin.token,
    })
    expect(patched.status).toBe(403)
    const deleted = await newsroom.rest.delete(`/${receipts}/${receipt.id}`, {
      token: staff.admin.token,
    })
    expect(deleted.status).toBe(403)
    await expect(
      newsroom.payload.update({
        id: receipt.id,
        collection: receipts as never,
        data: { format: 'ninjs-2' } as never,
      }),
    ).rejects.toThrow(/append-only/)
    await expect(
      newsroom.payload.delete({ id: receipt.id, collection: receipts as never }),
    ).rejects.toThrow(/append-only/)
    const created = await newsroom.rest.post(`/${receipts}`, {
      body: { channel: 'pull', format: 'ninjs-3', items: [], partner: partners.own },
      token: staff.admin.token,
    })
    expect(created.status).toBe(403)
    const stored = await newsroom.payload.findByID({
      id: receipt.id,
      collection: receipts as never,
    })
    expect((stored as any).format).toBe(receipt.format)
  })

  it('serves RSS and Atom with full content to a partner that takes feeds, valid and escaped', async () => {
    const { basics, newsroom } = suite
    const hostile = await basics.make.article({
      _status: 'published',
      language: 'en',
      section: basics.world.id,
      slug: `hostile-${run}`,
      title: `</script><script>alert(1)</script> & ]]> ${run}`,
    })
    const feeds = (
      await newsroom.rest.post('/partners', {
        body: {
          filters: { origin: 'own-and-redistributable' },
          formats: ['atom', 'rss'],
          name: `Feeds ${run}`,
        },
        token: suite.staff.admin.token,
      })
    ).body.doc.id
    const token = await issueToken(feeds)
    const atom = await pull(token, '/partners/feed', { limit: '50' })
    expect(atom.status).toBe(200)
    expect(atom.headers.get('content-type')).toContain('application/atom+xml')
    expect(await validateXml(atom.text, 'atom')).toEqual([])
    const rss = await pull(token, '/partners/feed', { format: 'rss', limit: '50' })
    expect(rss.headers.get('content-type')).toContain('application/rss+xml')
    expect(await validateXml(rss.text, 'rss')).toEqual([])
    for (const document of [atom.text, rss.text]) {
      // Full content: the body and the disclaimer shown with the syndicated piece.
      expect(document).toContain('Contexte')
      expect(document).toContain(`/partners/feed/${ids.allowed}`)
      expect(document).not.toContain(`/partners/feed/${ids.forbidden}`)
    }
    // Atom's title holds HTML: escaped. RSS's holds text: in CDATA, whose end cannot be forged.
    expect(atom.text).not.toContain('<script>alert(1)</script>')
    expect(atom.text).toContain('&lt;/script&gt;&lt;script&gt;alert(1)')
    expect(rss.text).toContain(
      `<title><![CDATA[</script><script>alert(1)</script> & ]] > ${run}]]></title>`,
    )
    expect(atom.text).toContain(`/partners/feed/${hostile.id}`)
    // The receipt names the feed format.
    const { docs } = await newsroom.payload.find({
      collection: receipts as never,
      where: { partner: { equals: feeds } },
    })
    expect(docs.map((receipt: any) => receipt.format).sort()).toEqual(['atom', 'rss'])
  })

  it('keeps a partner that was sent items: deleting it is refused, suspending it is the way', async () => {
    const { newsroom, staff } = suite
    const refused = await newsroom.rest.delete(`/partners/${partners.french}`, {
      token: staff.admin.token,
    })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/suspend it/)
    expect(
      await newsroom.payload.findByID({
        id: partners.french,
        collection: 'partners' as never,
        disableErrors: true,
      }),
    ).not.toBeNull()
    // One that never received anything goes.
    const unused = (
      await newsroom.rest.post('/partners', {
        body: { formats: ['ninjs-3'], name: `Unused ${run}` },
        token: staff.admin.token,
      })
    ).body.doc.id
    expect(
      (await newsroom.rest.delete(`/partners/${unused}`, { token: staff.admin.token })).status,
    ).toBe(200)
  })

  it('serves twenty pulls at once, each with its receipt', async () => {
    const before = await receiptCount()
    const answers = await Promise.all(Array.from({ length: 20 }, () => pull(tokens.french)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200))
    expect(await receiptCount()).toBe(before + 20)
  })
})
