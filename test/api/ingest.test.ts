import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { pollSourceFeed, queueDueFeedPolls } from 'payload-newsroom/server'
import { feedServerForSuite } from '../helpers/feedServer'
import { ingestSources, newsroomSuite } from '../helpers/newsroomSuite'

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url))

const ninjsFeed = () =>
  JSON.parse(fixture('wire.ninjs.json').toString()) as { items: Record<string, any>[] }

describe('syndication ingest: feeds polled through the jobs queue, the ingest API, kills, policies and bad input', () => {
  const suite = newsroomSuite({
    newsroom: { ingest: { maxBodyBytes: 20_000, maxFeedBytes: 50_000 } },
  })
  const feeds = feedServerForSuite()

  const payload = () => suite.newsroom.payload
  /** Sources polled from the fixture server as the suite's ingest account. */
  const createSource = ingestSources(suite)

  /** Queues the source's poll and runs the queue, as a worker does. */
  const pollThroughQueue = async (source: { id: number | string }) => {
    await payload().jobs.queue({
      input: { source: String(source.id) } as never,
      task: 'newsroomPollFeed' as never,
    })
    await payload().jobs.run({ queue: 'default' })
    const { docs } = await payload().find({
      collection: 'newsroom-ingest-runs',
      depth: 0,
      limit: 1,
      sort: '-startedAt',
      where: { source: { equals: source.id } },
    })
    return docs[0] as Record<string, any>
  }

  const copiesOf = async (source: { id: number | string }, draft = true) =>
    (
      await payload().find({
        collection: 'articles',
        depth: 0,
        draft,
        pagination: false,
        sort: 'attribution.sourceItemId',
        where: { 'attribution.source': { equals: source.id } },
      })
    ).docs as Record<string, any>[]

  const ingest = (body: Record<string, unknown>, token = suite.staff.ingest.token) =>
    suite.newsroom.rest.post('/articles/ingest', { body, token })

  it('polls a ninjs feed: the first poll creates copies in review with their attribution, the second writes nothing', async () => {
    feeds().serve('/ninjs', JSON.stringify(ninjsFeed()), 'application/json')
    const source = await createSource({
      automatedByline: true,
      bylineSystem: 'Horizon Robot',
      feed: { format: 'ninjs', url: feeds().url('/ninjs') },
      requestSummary: true,
    })

    const first = await pollThroughQueue(source)
    expect(first).toMatchObject({
      counts: { created: 2, received: 2, refused: 0 },
      status: 'succeeded',
      trigger: 'poll',
    })
    expect(first.by).toBe(suite.staff.ingest.id)
    const copies = await copiesOf(source)
    expect(copies.map((copy) => [copy.title, copy.workflowState, copy._status])).toEqual([
      ['Le bitcoin franchit un nouveau seuil', 'in_review', 'draft'],
      ['La BCE maintient ses taux', 'in_review', 'draft'],
    ])
    const [bitcoin, ecb] = copies as [Record<string, any>, Record<string, any>]
    expect(bitcoin).toMatchObject({
      attribution: {
        copyrightHolder: 'Horizon Presse',
        copyrightNotice: '© 2026 Horizon Presse',
        creditText: 'Horizon Presse',
        originalAuthors: ['Marie Dupont', 'Karim Benali'],
        originalTitle: 'Le bitcoin franchit un nouveau seuil',
        originalUrl: 'https://horizon-presse.example/depeches/hp-0001',
        sourceItemId: 'urn:newsml:horizon-presse.example:20261128:hp-0001',
        sourceVersion: '1',
        usageTerms: 'Usage éditorial uniquement.',
      },
      byline: { automated: { enabled: true, system: 'Horizon Robot' } },
      language: 'fr',
      origin: 'syndicated',
      section: suite.basics.world.id,
      standfirst: 'La cryptomonnaie a progressé de 4 % en séance.',
      summary: { status: 'pending' },
    })
    // HTML became our body: h1 → h2, h5 → h4, the script and the handler gone, the link kept.
    const body = JSON.stringify(bitcoin.body)
    expect(bitcoin.body.root.children.map((node: any) => node.tag ?? node.type)).toEqual([
      'h2',
      'paragraph',
      'paragraph',
      'h4',
      'ul',
    ])
    expect(body).not.toMatch(/alert|steal|onclick|script/i)
    expect(body).toContain('https://horizon-presse.example/marches')
    // The iframe is gone and the javascript: link kept its text only.
    expect(JSON.stringify(ecb.body)).not.toMatch(/javascript|evil\.example|iframe/i)
    expect(JSON.stringify(ecb.body)).toContain('Cliquez')
    expect(ecb.attribution).toMatchObject({
      licence: 'https://horizon-presse.example/licence',
      originalAuthors: ['Claire Martin'],
    })
    // The audit trail names the ingest account.
    const audit = await payload().find({
      collection: 'workflow-events',
      depth: 0,
      where: { article: { equals: bitcoin.id } },
    })
    expect(audit.docs.map((event: any) => [event.action, event.by])).toEqual([
      ['submit', suite.staff.ingest.id],
    ])

    // The summaries the source asked for are written by the worker's next run, outside the ingest.
    await payload().jobs.run({ queue: 'default' })
    const summarised = await copiesOf(source)
    expect(summarised.map((copy) => copy.summary.status)).toEqual(['ready', 'ready'])

    const second = await pollThroughQueue(source)
    expect(second).toMatchObject({
      counts: { created: 0, received: 0 },
      feed: { httpStatus: 304 },
      status: 'not-modified',
    })
    expect(feeds().requests.at(-1)).toMatchObject({
      ifNoneMatch: expect.stringMatching(/^"/),
      status: 304,
    })
    const after = await copiesOf(source)
    expect(after.map((copy) => copy.updatedAt)).toEqual(summarised.map((copy) => copy.updatedAt))

    // The same items again through the API: unchanged, nothing written.
    const again = await ingest({ format: 'ninjs', items: ninjsFeed().items, source: source.slug })
    expect(again.status).toBe(200)
    expect(again.body.run.counts).toMatchObject({ received: 2, unchanged: 2 })
    expect((await copiesOf(source)).map((copy) => copy.updatedAt)).toEqual(
      summarised.map((copy) => copy.updatedAt),
    )
  })

  it('publishes when the policy allows and the guarantee holds; a new version republishes or waits for an editor; a kill retracts at once', async () => {
    // Another wire's items: the first test's again would be the same story twice, held as possible duplicates.
    const feed = ninjsFeed()
    for (const item of feed.items) {
      item.links = [{ href: `${item.links[0].href}?wire=b`, rel: 'canonical' }]
      if (item.body_html) item.body_html += '<p>Fil B.</p>'
    }
    feeds().serve('/ninjs-publish', JSON.stringify(feed), 'application/json')
    const source = await createSource({
      feed: { format: 'ninjs', url: feeds().url('/ninjs-publish') },
      publishPolicy: 'publish-if-compliant',
      updatePolicy: 'review',
    })
    const first = await pollThroughQueue(source)
    expect(first.counts).toMatchObject({ created: 2 })
    const published = await copiesOf(source, false)
    expect(published.map((copy) => [copy.workflowState, copy._status])).toEqual([
      ['published', 'published'],
      ['published', 'published'],
    ])
    expect(published[0]!.appliedDisclaimers.map((entry: any) => entry.kind)).toContain(
      'third-party',
    )
    const slug = published[0]!.slug as string
    const view = () => suite.newsroom.rest.get(`/articles/view/fr/${slug}`)
    expect((await view()).status).toBe(200)

    // Version 2 of the first item: with the `review` update policy, the published version stays.
    feed.items[0]!.version = '2'
    feed.items[0]!.headline = 'Le bitcoin franchit un nouveau seuil (mise à jour)'
    feeds().serve('/ninjs-publish', JSON.stringify(feed), 'application/json')
    const update = await pollThroughQueue(source)
    expect(update.counts).toMatchObject({ unchanged: 1, updated: 1 })
    expect((await view()).body.article.title).toBe('Le bitcoin franchit un nouveau seuil')
    expect((await copiesOf(source))[0]!.title).toBe(
      'Le bitcoin franchit un nouveau seuil (mise à jour)',
    )

    // With `republish`, version 3 reaches readers through the workflow's publish action.
    await payload().update({
      id: source.id,
      collection: 'sources',
      data: { ingest: { updatePolicy: 'republish' } } as any,
    })
    feed.items[0]!.version = '3'
    feed.items[0]!.headline = 'Le bitcoin franchit un nouveau seuil (version 3)'
    feeds().serve('/ninjs-publish', JSON.stringify(feed), 'application/json')
    expect((await pollThroughQueue(source)).counts).toMatchObject({ updated: 1 })
    expect((await view()).body.article.title).toBe(
      'Le bitcoin franchit un nouveau seuil (version 3)',
    )
    // An older version arriving late changes nothing.
    feed.items[0]!.version = '2'
    expect(
      (await ingest({ format: 'ninjs', item: feed.items[0], source: source.slug })).body.items[0],
    ).toMatchObject({ outcome: 'unchanged' })

    // The agency kills the item: retracted with its note, out of the feed, the view without its body.
    const feedSlugs = async () =>
      (
        await suite.newsroom.rest.get('/articles/feed/fr', { query: { limit: '100' } })
      ).body.docs.map((card: any) => card.slug)
    expect(await feedSlugs()).toContain(slug)
    feed.items[0]!.version = '4'
    feed.items[0]!.pubstatus = 'canceled'
    feed.items[0]!.ednote = 'Dépêche annulée : chiffres erronés.'
    feeds().serve('/ninjs-publish', JSON.stringify(feed), 'application/json')
    const killRun = await pollThroughQueue(source)
    expect(killRun.counts).toMatchObject({ unchanged: 1, withdrawn: 1 })
    const retracted = await view()
    expect(retracted.body.article).toMatchObject({
      body: null,
      retracted: { notice: 'Dépêche annulée : chiffres erronés.' },
    })
    // The audit trail names the ingest account, the source and the run.
    const killAudit = await payload().find({
      collection: 'workflow-events',
      depth: 0,
      where: {
        and: [{ article: { equals: published[0]!.id } }, { action: { equals: 'retract' } }],
      },
    })
    expect(killAudit.docs).toEqual([
      expect.objectContaining({
        by: suite.staff.ingest.id,
        note: 'Dépêche annulée : chiffres erronés.',
        via: `ingest: ${source.name}, run ${killRun.id}`,
      }),
    ])
    expect(await feedSlugs()).not.toContain(slug)
    // A kill of a copy still in review archives it, so no one publishes it.
    const inReview = await ingest({
      format: 'newsroom',
      item: { id: 'draft-kill', title: 'Brève à retirer', url: 'https://horizon-presse.example/k' },
      source: source.slug,
    })
    expect(inReview.body.items[0].outcome).toBe('created')
    await payload().update({
      id: source.id,
      collection: 'sources',
      data: { ingest: { publishPolicy: 'review' } } as any,
    })
    const second = await ingest({
      format: 'newsroom',
      item: { id: 'draft-kill-2', title: 'Autre brève', url: 'https://horizon-presse.example/k2' },
      source: source.slug,
    })
    expect(second.body.items[0]).toMatchObject({ outcome: 'created' })
    const kill = await ingest({
      format: 'newsroom',
      item: { id: 'draft-kill-2', killed: true, title: 'Autre brève' },
      source: source.slug,
    })
    expect(kill.body.items[0]).toMatchObject({ outcome: 'withdrawn', state: 'archived' })
  })

  it('reads RSS 2.0, Atom and JSON Feed, maps categories to sections, and decodes a declared charset', async () => {
    feeds().serve('/rss', fixture('wire.rss.xml'), 'application/rss+xml; charset=utf-8')
    feeds().serve('/atom', fixture('wire.atom.xml'), 'application/atom+xml')
    feeds().serve('/json', fixture('wire.feed.json'), 'application/feed+json')
    feeds().serve('/latin1', fixture('latin1.rss.xml'), 'application/rss+xml')
    const markets = suite.basics.markets.id
    const categories = [{ category: 'marchés', section: markets }]
    const rss = await createSource({
      feed: { categories, format: 'rss', url: feeds().url('/rss') },
    })
    const atom = await createSource({
      defaultLanguage: 'en',
      feed: {
        categories: [{ category: 'Markets', section: markets }],
        format: 'atom',
        url: feeds().url('/atom'),
      },
    })
    const json = await createSource({
      feed: { categories, format: 'json-feed', url: feeds().url('/json') },
    })
    const latin = await createSource({ feed: { format: 'rss', url: feeds().url('/latin1') } })

    expect((await pollThroughQueue(rss)).counts).toMatchObject({ created: 2 })
    const [asia, oslo] = await copiesOf(rss)
    expect(asia).toMatchObject({
      attribution: {
        originalAuthors: ['Lucie Bernard'],
        originalUrl: 'https://horizon-presse.example/rss/1',
      },
      section: markets,
      standfirst: 'Tokyo et Séoul progressent.',
    })
    expect(JSON.stringify(asia!.body)).not.toMatch(/onerror|alert|<style|p\{\}/)
    expect(oslo).toMatchObject({
      section: suite.basics.world.id,
      title: "Un sommet sur l'énergie à Oslo",
    })
    expect(JSON.stringify(oslo!.body)).toContain('demain')

    expect((await pollThroughQueue(atom)).counts).toMatchObject({ created: 1 })
    expect((await copiesOf(atom))[0]).toMatchObject({
      language: 'en',
      section: markets,
      title: 'Central banks keep rates on hold',
    })
    expect((await copiesOf(atom))[0]!.body.root.children[0]).toMatchObject({
      tag: 'h3',
      type: 'heading',
    })

    expect((await pollThroughQueue(json)).counts).toMatchObject({ created: 1 })
    expect((await copiesOf(json))[0]!.body.root.children.map((node: any) => node.type)).toEqual([
      'paragraph',
      'quote',
    ])

    expect((await pollThroughQueue(latin)).counts).toMatchObject({ created: 1 })
    expect((await copiesOf(latin))[0]!.title).toBe('Dépêche en latin-1')
  })

  it('records a feed that cannot be read, and does not poll a suspended source', async () => {
    feeds().serve('/html', fixture('not-a-feed.html'), 'text/html')
    feeds().serve('/malformed', fixture('malformed.xml'))
    feeds().serve('/wrong-encoding', fixture('wrong-encoding.rss.xml'))
    feeds().serve(
      '/huge',
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${'x'.repeat(60_000)}</title></channel></rss>`,
    )
    feeds().serve('/atom-not-rss', fixture('wire.atom.xml'))
    const cases: [string, string, RegExp][] = [
      ['/html', 'rss', /not a feed/],
      ['/wrong-encoding', 'rss', /not valid UTF-8/i],
      ['/huge', 'rss', /larger than 50000 bytes/],
      ['/atom-not-rss', 'rss', /expected rss, found atom/],
      ['/missing', 'rss', /HTTP 404/],
    ]
    for (const [path, format, reason] of cases) {
      const source = await createSource({ feed: { format, url: feeds().url(path) } })
      const run = await pollThroughQueue(source)
      expect(run, path).toMatchObject({ status: 'failed' })
      expect(run.itemErrors[0].reason, path).toMatch(reason)
      expect(await copiesOf(source), path).toEqual([])
    }
    const malformed = await createSource({
      feed: { format: 'rss', url: feeds().url('/malformed') },
    })
    const run = await pollThroughQueue(malformed)
    expect(run.status).not.toBe('succeeded')
    expect(await copiesOf(malformed)).toEqual([])

    const suspended = await createSource(
      { feed: { format: 'ninjs', url: feeds().url('/ninjs') } },
      { status: 'suspended' },
    )
    const before = feeds().requests.length
    expect(
      await pollSourceFeed(payload(), pluginOptionsOf(payload().config), suspended.id),
    ).toEqual({ outcome: 'skipped', reason: 'the source is suspended' })
    expect(feeds().requests.length).toBe(before)
    expect(
      (
        await payload().count({
          collection: 'newsroom-ingest-runs',
          where: { source: { equals: suspended.id } },
        })
      ).totalDocs,
    ).toBe(0)
    // The scheduler queues due sources only: never the suspended one, nor one polled a moment ago.
    const due = await createSource({
      feed: { format: 'ninjs', pollMinutes: 5, url: feeds().url('/ninjs') },
    })
    const queued = await queueDueFeedPolls(payload(), pluginOptionsOf(payload().config))
    expect(queued).toContain(String(due.id))
    expect(queued).not.toContain(String(suspended.id))
    expect(queued).not.toContain(String(malformed.id))
  })

  it('answers each bad item in a batch with its reason while the valid ones go in, and writes nothing for them', async () => {
    const source = await createSource({})
    const items = [
      {
        id: 'ok-1',
        markdown: '## Titre\n\nUn **paragraphe**.',
        title: 'Brève en Markdown',
        url: 'https://horizon-presse.example/ok-1',
      },
      { id: 'ok-1', title: 'Doublon', url: 'https://horizon-presse.example/dup' },
      { title: 'Sans identifiant' },
      { id: 'no-title' },
      { html: `<p>${'x'.repeat(25_000)}</p>`, id: 'huge', title: 'Trop long' },
      { embargoedUntil: '2099-01-01T00:00:00Z', id: 'embargo', title: 'Sous embargo' },
      { id: 'bad-date', publishedAt: 'yesterday', title: 'Date invalide' },
      { id: 'de', language: 'de', title: 'Auf Deutsch' },
      { authors: 'Jean', id: 'bad-authors', title: 'Auteurs' },
      { id: 'script', title: '</script><script>alert(1)</script>', html: '<p>ok</p>' },
      'not an object',
      { id: 'js-url', title: 'Lien piégé', url: 'javascript:alert(1)' },
      { id: 'long-title', title: 'x'.repeat(10_000) },
    ]
    const response = await ingest({ format: 'newsroom', items, source: source.slug })
    expect(response.status).toBe(200)
    const byId = (id: null | string) =>
      response.body.items.filter((item: any) => item.itemId === id)
    expect(response.body.run.counts).toMatchObject({
      created: 2,
      held: 1,
      received: 13,
      refused: 10,
    })
    expect(
      byId('ok-1')
        .map((item: any) => item.outcome)
        .sort(),
    ).toEqual(['created', 'refused'])
    expect(byId('ok-1').find((item: any) => item.outcome === 'refused').errors[0]).toMatchObject({
      path: 'id',
      reason: /twice/,
    })
    expect(
      byId(null)
        .map((item: any) => item.errors[0].path)
        .sort(),
    ).toEqual(['id', 'item'])
    expect(byId('no-title')[0].errors[0]).toMatchObject({ path: 'title' })
    expect(byId('huge')[0].errors[0]).toMatchObject({
      path: 'body',
      reason: /larger than 20000 bytes/,
    })
    expect(byId('embargo')[0]).toMatchObject({ errors: [{ path: 'embargoed' }], outcome: 'held' })
    expect(byId('bad-date')[0].errors[0]).toMatchObject({
      path: 'publishedAt',
      reason: 'is not a date',
    })
    expect(byId('de')[0].errors[0]).toMatchObject({ path: 'language' })
    expect(byId('bad-authors')[0].errors[0]).toMatchObject({ path: 'authors' })
    expect(byId('js-url')[0]).toMatchObject({
      errors: [{ path: 'attribution.originalUrl' }],
      outcome: 'refused',
    })
    expect(byId('long-title')[0]).toMatchObject({ outcome: 'refused' })
    expect(byId('long-title')[0].errors[0]).toMatchObject({
      path: 'title',
      reason: /300 characters/,
    })
    // A title is text: stored as sent, escaped wherever it is shown.
    expect(byId('script')[0].outcome).toBe('created')

    const copies = await copiesOf(source)
    // The embargoed item is written and waits in review, its embargo on it: no path publishes it before then.
    expect(copies.map((copy) => copy.attribution.sourceItemId).sort()).toEqual([
      'embargo',
      'ok-1',
      'script',
    ])
    expect(copies.find((copy) => copy.attribution.sourceItemId === 'embargo')).toMatchObject({
      embargoUntil: '2099-01-01T00:00:00.000Z',
      workflowState: 'in_review',
    })
    expect(
      copies
        .find((copy) => copy.attribution.sourceItemId === 'ok-1')!
        .body.root.children.map((node: any) => node.tag ?? node.type),
    ).toEqual(['h2', 'paragraph'])
    const run = await payload().findByID({
      collection: 'newsroom-ingest-runs',
      depth: 0,
      id: response.body.run.id,
    })
    expect(run).toMatchObject({ counts: { refused: 10 }, status: 'partial', trigger: 'api' })
    // One per refusal, two for the long title (ours and the original's).
    expect((run as any).itemErrors.length).toBe(12)
  })

  it('refuses requests it cannot take, naming the field, and records a run for an unknown source', async () => {
    const source = await createSource({})
    const item = { id: 'x', title: 'x', url: 'https://horizon-presse.example/x' }
    expect(
      (
        await suite.newsroom.rest.post('/articles/ingest', {
          body: { format: 'newsroom', item, source: source.slug },
        })
      ).status,
    ).toBe(401)
    expect(
      (await ingest({ format: 'newsroom', item, source: source.slug }, suite.staff.writer.token))
        .status,
    ).toBe(403)
    expect(
      (await ingest({ format: 'rss', item, source: source.slug })).body.errors[0].data.errors[0]
        .path,
    ).toBe('format')
    expect(
      (await ingest({ format: 'newsroom', items: 'nope', source: source.slug })).body.errors[0].data
        .errors[0].path,
    ).toBe('items')
    expect(
      (await ingest({ format: 'newsroom', items: [], source: source.slug })).body.errors[0].data
        .errors[0].path,
    ).toBe('items')
    const tooMany = await ingest({
      format: 'newsroom',
      items: Array.from({ length: 501 }, (_, index) => ({ ...item, id: `n${index}` })),
      source: source.slug,
    })
    expect(tooMany).toMatchObject({
      body: { errors: [{ data: { errors: [{ path: 'items' }] } }] },
      status: 400,
    })
    const unknown = await ingest({ format: 'newsroom', item, source: 'no-such-source' })
    expect(unknown).toMatchObject({
      body: { errors: [{ data: { errors: [{ path: 'source' }] } }] },
      status: 400,
    })
    const failedRun = await payload().find({
      collection: 'newsroom-ingest-runs',
      depth: 0,
      limit: 1,
      sort: '-startedAt',
      where: { source: { exists: false } },
    })
    expect(failedRun.docs[0]).toMatchObject({ counts: { refused: 1 }, status: 'failed' })
    const malformed = await suite.newsroom.rest.post('/articles/ingest', {
      headers: { 'content-type': 'application/json' },
      rawBody: '{"format": "newsroom", "items": [',
      token: suite.staff.ingest.token,
    })
    expect(malformed.status).toBe(400)
    // The runs: editors read them all, an ingest account its own, writers and the public none; nobody writes them.
    const rest = suite.newsroom.rest
    expect(
      (await rest.get('/newsroom-ingest-runs', { token: suite.staff.editor.token })).body.totalDocs,
    ).toBeGreaterThan(0)
    expect(
      (await rest.get('/newsroom-ingest-runs', { token: suite.staff.writer.token })).status,
    ).toBe(403)
    expect((await rest.get('/newsroom-ingest-runs')).status).toBe(403)
    const ownRuns = (
      await rest.get('/newsroom-ingest-runs', {
        query: { depth: '0', limit: '100' },
        token: suite.staff.ingest.token,
      })
    ).body.docs
    expect(ownRuns.length).toBeGreaterThan(0)
    expect(ownRuns.every((run: any) => run.by === suite.staff.ingest.id)).toBe(true)
    expect(
      (
        await rest.post('/newsroom-ingest-runs', {
          body: { status: 'succeeded' },
          token: suite.staff.admin.token,
        })
      ).status,
    ).toBe(403)
    // Another account may not deliver as this source's.
    const partner = await payload().create({
      collection: 'users',
      data: {
        email: 'partner@newsroom.test',
        name: 'Partner feed',
        password: 'partner-password-1',
        roles: ['ingest'],
      } as any,
    })
    const other = await createSource({ user: partner.id })
    // And a source's account must be an ingest account, never an editor's or an admin's.
    await expect(createSource({ user: suite.staff.admin.id })).rejects.toThrow(/ingest/i)
    expect((await ingest({ format: 'newsroom', item, source: other.slug })).status).toBe(403)
    // A suspended source takes nothing: every item refused, 422.
    const suspended = await createSource({}, { status: 'suspended' })
    const refused = await ingest({ format: 'newsroom', item, source: suspended.slug })
    expect(refused).toMatchObject({
      body: { items: [{ errors: [{ path: 'source' }], outcome: 'refused' }] },
      status: 422,
    })
    expect(await copiesOf(suspended)).toEqual([])
  })

  it('creates an item once when twenty deliveries of it arrive at once', async () => {
    const source = await createSource({})
    const item = {
      id: 'race-1',
      title: 'Dépêche livrée vingt fois',
      url: 'https://horizon-presse.example/race',
    }
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => ingest({ format: 'newsroom', item, source: source.slug })),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    const outcomes = responses.map((response) => response.body.items[0].outcome).sort()
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome === 'unchanged')).toHaveLength(19)
    expect(await copiesOf(source)).toHaveLength(1)
  })
})
