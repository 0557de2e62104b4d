import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { createLocalReq } from 'payload'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadDeskQueues, pollSourceFeed } from 'payload-newsroom/server'
import { feedServerForSuite } from '../helpers/feedServer'
import { ingestedCopy, ingestSources, newsroomSuite } from '../helpers/newsroomSuite'

const ninjsExample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/ninjs/examples/${name}`, import.meta.url), 'utf8'))

/** The text of a Lexical body, blocks on their own lines. */
const bodyText = (node: any): string =>
  typeof node?.text === 'string'
    ? node.text
    : (node?.children ?? node?.root?.children ?? [])
        .map(bodyText)
        .join(['paragraph', 'heading', 'quote', 'listitem'].includes(node?.type) ? '' : '\n') +
      (node?.type === 'linebreak' ? '\n' : '')

const linksOf = (node: any): string[] => [
  ...(node?.type === 'link' ? [node.fields.url] : []),
  ...(node?.children ?? node?.root?.children ?? []).flatMap(linksOf),
]

describe('what agencies and sites really send: kept and reshaped, refused only when it cannot be represented', () => {
  const suite = newsroomSuite()
  const feeds = feedServerForSuite()
  const payload = () => suite.newsroom.payload
  const createSource = ingestSources(suite, { language: 'en', name: 'Real world' })

  const ingest = async (
    source: Record<string, any>,
    format: 'newsroom' | 'ninjs',
    items: unknown[],
    status = 200,
  ) => {
    const response = await suite.newsroom.rest.post('/articles/ingest', {
      body: { format, items, source: source.slug },
      token: suite.staff.ingest.token,
    })
    expect(response.status).toBe(status)
    return response.body as { items: Record<string, any>[]; run: Record<string, any> }
  }

  const copyOf = (source: { id: number | string }, itemId: string) =>
    ingestedCopy(suite, source, itemId)

  const runOf = async (id: number | string) =>
    (await payload().findByID({ id, collection: 'newsroom-ingest-runs', depth: 0 })) as Record<
      string,
      any
    >

  const poll = async (source: { id: number | string }) => {
    const polled = await pollSourceFeed(payload(), pluginOptionsOf(payload().config), source.id)
    return runOf((polled as any).run.id)
  }

  it('keeps quotes holding paragraphs and headings, links it can make absolute, and cuts an over-long standfirst, warning of each', async () => {
    const source = await createSource()
    const html = [
      '<p>Intro with a <a href="priced">relative link</a>, a <a href="#fn:1">footnote</a> and <a href=" mailto:&#x6A;ohn @example.com">a broken address</a>.</p>',
      '<blockquote><h3>Quoted heading</h3><p>First quoted paragraph.</p><p>Second quoted paragraph.</p></blockquote>',
      '<table><tr><th>Coin</th><th>Price</th></tr><tr><td>Bitcoin</td><td>97000</td></tr></table>',
      '<ul><li>one<ul><li>two<ul><li>three<ul><li>four<ul><li>five<ul><li>six</li></ul></li></ul></li></ul></li></ul></li></ul></li></ul>',
      '<div>Loose text in a div<div>and a nested div</div></div>',
    ].join('')
    const standfirst = `${'A standfirst sentence that goes on. '.repeat(40)}End.`
    const { items, run } = await ingest(source, 'newsroom', [
      {
        html,
        id: 'shapes',
        standfirst,
        title: 'Shapes',
        url: 'https://wire.example/news/2026/item.html',
      },
    ])
    expect(items[0]).toMatchObject({ outcome: 'created' })
    expect(items[0]!.warnings.map((warning: any) => warning.kind).sort()).toEqual([
      'link-dropped',
      'link-made-absolute',
      'link-made-absolute',
      'list-flattened',
      'quote-flattened',
      'standfirst-cut',
      'table-flattened',
    ])

    const copy = (await copyOf(source, 'shapes'))!
    expect(copy.body.root.children.map((node: any) => node.tag ?? node.type)).toEqual([
      'paragraph',
      'quote',
      'paragraph',
      'paragraph',
      'ul',
      'paragraph',
      'paragraph',
    ])
    const quote = copy.body.root.children[1]
    expect(bodyText(quote)).toBe(
      'Quoted heading\nFirst quoted paragraph.\nSecond quoted paragraph.',
    )
    // The heading inside the quote is bold text (format 1), not a heading the quote cannot hold.
    expect(quote.children[0]).toMatchObject({ format: 1, text: 'Quoted heading', type: 'text' })
    // Relative links point at the original's site, once encoded; the address with a space keeps its text only.
    expect(linksOf(copy.body)).toEqual([
      'https://wire.example/news/2026/priced',
      'https://wire.example/news/2026/item.html#fn:1',
    ])
    expect(bodyText(copy.body)).toContain('a broken address')
    expect(bodyText(copy.body)).toContain('Bitcoin · 97000')
    expect(bodyText(copy.body)).toContain('five\nsix')
    expect(copy.standfirst.length).toBeLessThanOrEqual(1_000)
    expect(copy.standfirst.endsWith('…')).toBe(true)
    expect(standfirst.startsWith(copy.standfirst.slice(0, -1))).toBe(true)

    const recorded = await runOf(run.id)
    expect(recorded.warningCounts).toMatchObject({
      link_dropped: 1,
      link_made_absolute: 2,
      list_flattened: 1,
      quote_flattened: 1,
      standfirst_cut: 1,
      table_flattened: 1,
    })
    expect(
      recorded.itemWarnings.map((warning: any) => [warning.itemId, warning.kind]),
    ).toContainEqual(['shapes', 'link-dropped'])
  })

  it('reads RSS as sites write it: HTML titles and descriptions as text, relative links against the feed, unreadable optional dates left out', async () => {
    const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Site</title><link>https://site.example/</link><language>en</language>
<item><title>It&amp;#8217;s &lt;b&gt;big&lt;/b&gt; &amp;amp; bold</title><link>/posts/one</link><guid isPermaLink="false">one</guid>
<pubDate>Mon, 24 Sep 2018 10:00:00 GMT</pubDate><dc:date>1537790000</dc:date>
<description>&lt;p&gt;The &lt;a href="/x"&gt;summary&lt;/a&gt; in HTML.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Body of one.</p>]]></content:encoded></item>
<item><title>Portuguese date</title><link>https://site.example/posts/two</link><pubDate>Seg, 24 Set 2018 10:00:00 -0300</pubDate><description>Plain body two.</description></item>
</channel></rss>`
    feeds().serve('/site/feed.xml', rss)
    const source = await createSource({
      feed: { format: 'rss', url: feeds().url('/site/feed.xml') },
    })
    const run = await poll(source)
    expect(run).toMatchObject({
      counts: { created: 2, received: 2, refused: 0 },
      status: 'succeeded',
    })
    expect(run.warningCounts.date_left_out).toBe(2)
    expect(
      run.itemWarnings.map((warning: any) => [warning.itemId, warning.path, warning.detail]),
    ).toEqual([
      ['one', 'dc:date', '1537790000'],
      ['https://site.example/posts/two', 'pubDate', 'Seg, 24 Set 2018 10:00:00 -0300'],
    ])
    const one = (await copyOf(source, 'one'))!
    expect(one.title).toBe('It’s big & bold')
    expect(one.standfirst).toBe('The summary in HTML.')
    expect(one.attribution.originalUrl).toBe(feeds().url('/posts/one'))
    expect(one.attribution.originalPublishedAt).toBe('2018-09-24T10:00:00.000Z')
    const two = (await copyOf(source, 'https://site.example/posts/two'))!
    expect(two.attribution.originalPublishedAt ?? null).toBeNull()
  })

  it('resolves Atom links against xml:base and reads html titles as text', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/en/" xml:lang="en"><title>Blog</title><id>urn:blog</id><updated>2026-01-01T00:00:00Z</updated>
<entry xml:base="2026/"><id>urn:blog:1</id><title type="html">&lt;b&gt;Slack&lt;/b&gt; stock &amp;#8212; it&amp;#8217;s up</title>
<link href="post-1.html"/><updated>2026-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;See &lt;a href="other.html"&gt;the other post&lt;/a&gt;.&lt;/p&gt;</content></entry>
</feed>`
    feeds().serve('/blog/atom.xml', atom)
    const source = await createSource({
      feed: { format: 'atom', url: feeds().url('/blog/atom.xml') },
    })
    const run = await poll(source)
    expect(run.counts).toMatchObject({ created: 1, refused: 0 })
    const copy = (await copyOf(source, 'urn:blog:1'))!
    expect(copy.title).toBe('Slack stock — it’s up')
    expect(copy.attribution.originalUrl).toBe('https://blog.example/en/2026/post-1.html')
    expect(linksOf(copy.body)).toEqual(['https://blog.example/en/2026/other.html'])
  })

  it('decodes a UTF-16 feed by its byte-order mark, and fails a document whose items an unclosed element swallowed, naming it', async () => {
    const rss =
      '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Seize</title><language>fr</language><item><guid>u16</guid><title>Été à Montréal</title><description>Un été chaud.</description></item></channel></rss>'
    feeds().serve(
      '/utf16.xml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss, 'utf16le')]),
      'application/rss+xml; charset=utf-8',
    )
    const source = await createSource({ feed: { format: 'rss', url: feeds().url('/utf16.xml') } })
    expect(await poll(source)).toMatchObject({ counts: { created: 1 }, status: 'succeeded' })
    expect((await copyOf(source, 'u16'))!.title).toBe('Été à Montréal')

    const broken =
      '<rss version="2.0"><channel><title>Broken</title><image><url>x</url><item><guid>a</guid><title>A</title></item><item><guid>b</guid><title>B</title></item></channel></rss>'
    feeds().serve('/broken.xml', broken)
    const brokenSource = await createSource({
      feed: { format: 'rss', url: feeds().url('/broken.xml') },
    })
    const run = await poll(brokenSource)
    expect(run.status).toBe('failed')
    expect(run.firstError).toMatch(/holds 2 <item> elements but none could be read/)
  })

  it('counts every refusal by reason and lists the first twenty, saying how many more', async () => {
    const source = await createSource()
    const items = Array.from({ length: 30 }, (_, index) => ({
      id: `de-${index}`,
      language: 'de',
      title: `Auf Deutsch ${index}`,
    }))
    // Nothing could go in: the API says so with a 422, and the run keeps every reason.
    const { run } = await ingest(source, 'newsroom', [...items, { id: 'no-title' }], 422)
    const recorded = await runOf(run.id)
    expect(recorded.counts).toMatchObject({ received: 31, refused: 31 })
    expect(recorded.itemErrors).toHaveLength(20)
    expect(recorded.itemErrorsNotShown).toBe(11)
    expect(recorded.reasons.map((entry: any) => [entry.reason, entry.count])).toEqual([
      ['language: "…" is not one of fr, en', 30],
      ['title: is required', 1],
    ])
  })

  it('reads ninjs 1.x xhtml bodies (an IPTC example); its uncredited images keep it from being published', async () => {
    const source = await createSource({ publishPolicy: 'publish-if-compliant' })
    const businessWire = ninjsExample('1.4--businesswire-newsml-20130515006361.json')
    const { items } = await ingest(source, 'ninjs', [businessWire])
    expect(items[0]).toMatchObject({ outcome: 'created' })
    // The release's pictures come without credit or licence: the guarantee names them, the copy waits for an editor.
    expect(items[0]!.errors.map((error: any) => error.reason)).toContainEqual(
      expect.stringMatching(/dell_blue_rgb\.jpg” needs its credit/),
    )
    const copy = (await copyOf(source, businessWire.uri))!
    expect(copy.workflowState).toBe('in_review')
    // All of the release's text (529 characters), not an empty body.
    expect(bodyText(copy.body).replace(/\s+/g, ' ')).toContain(
      'Dell today announced an expanded and stronger Dell Precision workstation portfolio',
    )
    expect(bodyText(copy.body).replace(/\s+/g, ' ').trim().length).toBeGreaterThanOrEqual(529)
  })

  it('honours a ninjs 3.x kill and embargo, and maps expires as the source chooses', async () => {
    const source = await createSource({
      expiresPolicy: 'rights-expiry',
      publishPolicy: 'publish-if-compliant',
    })
    const item = {
      bodies: [{ contentType: 'text/html', role: 'main', value: '<p>Markets moved.</p>' }],
      copyrightHolder: 'Wire Ltd',
      expires: '2099-06-01T00:00:00Z',
      headlines: [{ role: 'main', value: 'Markets move' }],
      language: 'en',
      links: [{ href: 'https://wire.example/3x/1', rel: 'canonical' }],
      pubStatus: 'usable',
      uri: 'urn:wire:3x:1',
      version: '1',
      versionCreated: '2026-12-01T10:00:00Z',
    }
    const first = await ingest(source, 'ninjs', [item])
    expect(first.items[0], JSON.stringify(first.items[0])).toMatchObject({ outcome: 'created' })
    expect(first.items[0]!.errors).toBeUndefined()
    const published = (await copyOf(source, item.uri))!
    expect(published).toMatchObject({
      attribution: { copyrightHolder: 'Wire Ltd', rightsExpireAt: '2099-06-01T00:00:00.000Z' },
      workflowState: 'published',
    })

    const { items } = await ingest(source, 'ninjs', [
      { ...item, edNote: 'Withdrawn: wrong figures.', pubStatus: 'canceled', version: '2' },
    ])
    expect(items[0]).toMatchObject({ outcome: 'withdrawn' })
    expect((await copyOf(source, item.uri))!.workflowState).toBe('retracted')

    const embargoed = {
      ...item,
      embargoedUntil: '2099-01-01T00:00:00Z',
      headlines: [{ role: 'main', value: 'Markets wait' }],
      links: [],
      uri: 'urn:wire:3x:2',
    }
    const held = await ingest(source, 'ninjs', [embargoed])
    expect(held.items[0]).toMatchObject({ outcome: 'held' })
    const copy = (await copyOf(source, embargoed.uri))!
    expect(copy.embargoUntil).toBe('2099-01-01T00:00:00.000Z')
    expect(copy._status).toBe('draft')

    const ignoring = await createSource({ expiresPolicy: 'ignore' })
    await ingest(ignoring, 'ninjs', [{ ...item, uri: 'urn:wire:3x:3' }])
    expect((await copyOf(ignoring, 'urn:wire:3x:3'))!.attribution.rightsExpireAt ?? null).toBeNull()
  })

  it('flags the same story from a second source (same original, or same title and text), holds it from publishing, and lists it on the desk', async () => {
    const first = await createSource({ publishPolicy: 'publish-if-compliant' })
    const second = await createSource({ publishPolicy: 'publish-if-compliant' })
    const text =
      'The European Central Bank kept its key rates unchanged on Thursday, as markets expected, while signalling a possible cut in June if inflation keeps slowing across the euro area and wages cool.'
    const story = (id: string, url: string, title = 'ECB holds rates') => ({
      html: `<p>${text}</p>`,
      id,
      language: 'en',
      title,
      url,
    })
    await ingest(first, 'newsroom', [
      story('a-1', 'https://www.bank-news.example/ecb-holds?utm_source=rss'),
      story('a-2', 'https://bank-news.example/other', 'Bitcoin rises'),
    ])
    const original = (await copyOf(first, 'a-1'))!

    // Through another agency: the same original address, and (elsewhere) the same title and text.
    const sameUrl = await ingest(second, 'newsroom', [
      story('b-1', 'http://bank-news.example/ecb-holds/'),
    ])
    expect(sameUrl.items[0]).toMatchObject({
      errors: [
        {
          path: 'possibleDuplicate',
          reason: /ECB holds rates.*same original URL.*waits for an editor/,
        },
      ],
      outcome: 'created',
    })
    const sameText = await ingest(second, 'newsroom', [
      story('b-2', 'https://wire-two.example/2026/ecb', 'ECB HOLDS RATES!'),
    ])
    expect(sameText.items[0]!.errors[0].reason).toMatch(/title and text within 48 hours/)
    const unrelated = await ingest(second, 'newsroom', [
      {
        ...story('b-3', 'https://wire-two.example/2026/fed', 'Fed holds rates'),
        html: '<p>The Federal Reserve held rates.</p>',
      },
    ])
    expect(unrelated.items[0]!.errors).toBeUndefined()

    const flagged = (await copyOf(second, 'b-1'))!
    expect(flagged).toMatchObject({
      possibleDuplicate: { of: original.id, reason: 'same-original-url' },
      workflowState: 'in_review',
    })
    expect((await copyOf(second, 'b-2'))!).toMatchObject({
      possibleDuplicate: { of: original.id, reason: 'same-story' },
      workflowState: 'in_review',
    })
    expect(original.workflowState).toBe('published')
    expect((await copyOf(second, 'b-3'))!.workflowState).toBe('published')

    // The desk lists both for editors; "not a duplicate" takes one off.
    const desk = async () => {
      const req = await createLocalReq(
        {
          user: {
            ...(await payload().findByID({ id: suite.staff.editor.id, collection: 'users' })),
            collection: 'users',
          } as never,
        },
        payload(),
      )
      return (await loadDeskQueues(req, pluginOptionsOf(payload().config))).find(
        (queue) => queue.key === 'possibleDuplicates',
      )!
    }
    const listed = () => desk().then((queue) => queue.items.map((item) => item.id))
    expect(await listed()).toEqual(
      expect.arrayContaining([flagged.id, (await copyOf(second, 'b-2'))!.id]),
    )
    const dismissed = await suite.newsroom.rest.patch(`/articles/${flagged.id}?draft=true`, {
      body: { possibleDuplicate: { dismissed: true } },
      token: suite.staff.editor.token,
    })
    expect(dismissed.status).toBe(200)
    expect(await listed()).not.toContain(flagged.id)
    expect(await listed()).toContain((await copyOf(second, 'b-2'))!.id)

    // The flag is the editors' business: an ingest client and the public never see it, and cannot set it.
    const asIngest = await suite.newsroom.rest.get(`/articles/${flagged.id}?draft=true`, {
      token: suite.staff.ingest.token,
    })
    expect(asIngest.body.possibleDuplicate).toBeUndefined()
    const forged = await suite.newsroom.rest.patch(`/articles/${original.id}?draft=true`, {
      body: { possibleDuplicate: { of: flagged.id } },
      token: suite.staff.editor.token,
    })
    expect(forged.status).toBeLessThan(500)
    expect(
      (await payload().findByID({ id: original.id, collection: 'articles', depth: 0, draft: true }))
        .possibleDuplicate?.of ?? null,
    ).toBeNull()
  })
})
