import { describe, expect, it } from 'vitest'
import {
  feedFormats,
  ingestFingerprint,
  readFeedItems,
  readItem,
  readNinjsItem,
  readPlainItem,
  sanitiseArticleHtml,
} from 'payload-newsroom/rules'
import { type IngestItem } from 'payload-newsroom/types'
import { FeedReadError, primaryLanguage } from '../../src/ingest/readItems'

/** The item a reader made of `raw`, failing the test with the reader's error when it refused it. */
const itemOf = (result: ReturnType<typeof readNinjsItem>): IngestItem => {
  if (result.error) throw new Error(`refused: ${result.error.path} ${result.error.reason}`)
  return result.item
}

describe('reading an IPTC ninjs 1.x item', () => {
  const ninjs1 = {
    body_html: '<p>The council voted.</p>',
    by: 'Ana Pereira, Tom Clark',
    copyrightholder: 'Agency Ltd',
    description_text: 'A short summary.',
    firstcreated: '2025-05-31T08:00:00Z',
    headline: '  Council votes on budget  ',
    language: 'fr-FR',
    links: [
      { href: 'https://agency.example/feed/1', rel: 'self-feed' },
      { href: 'https://agency.example/story/1', rel: 'canonical' },
    ],
    pubstatus: 'usable',
    subject: [{ code: 'medtop:11000000', name: 'Politics' }, { name: 'Budget' }],
    uri: 'urn:newsml:agency.example:2025:1',
    usageterms: 'No resale.',
    version: 3,
    versioncreated: '2025-05-31T09:30:00+01:00',
  }

  it('reads the flat 1.x names into an item', () => {
    expect(itemOf(readNinjsItem(ninjs1))).toEqual({
      authors: ['Ana Pereira', 'Tom Clark'],
      body: { format: 'html', text: '<p>The council voted.</p>' },
      categories: ['Politics', 'medtop:11000000', 'Budget'],
      copyrightHolder: 'Agency Ltd',
      copyrightNotice: undefined,
      embargoedUntil: undefined,
      killed: false,
      killNote: undefined,
      language: 'fr',
      licence: undefined,
      publishedAt: '2025-05-31T08:00:00.000Z',
      sourceItemId: 'urn:newsml:agency.example:2025:1',
      standfirst: 'A short summary.',
      title: 'Council votes on budget',
      updatedAt: '2025-05-31T08:30:00.000Z',
      url: 'https://agency.example/story/1',
      usageTerms: 'No resale.',
      version: '3',
    })
  })

  it('reads "canceled" as killed, with the editorial note as the kill note', () => {
    const item = itemOf(
      readNinjsItem({ ...ninjs1, ednote: 'Withdrawn: legal reasons.', pubstatus: 'canceled' }),
    )
    expect(item.killed).toBe(true)
    expect(item.killNote).toBe('Withdrawn: legal reasons.')
  })

  it('reads "withheld" as killed too', () => {
    expect(itemOf(readNinjsItem({ ...ninjs1, pubstatus: 'withheld' })).killed).toBe(true)
  })

  it('reads the embargo as an ISO date', () => {
    expect(
      itemOf(readNinjsItem({ ...ninjs1, embargoed: '2025-06-02T06:00:00+02:00' })).embargoedUntil,
    ).toBe('2025-06-02T04:00:00.000Z')
  })

  it('splits a byline on "and" as well as commas', () => {
    expect(
      itemOf(readNinjsItem({ ...ninjs1, by: 'Ana Pereira and Tom Clark; Li Wei' })).authors,
    ).toEqual(['Ana Pereira', 'Tom Clark', 'Li Wei'])
  })

  it('uses the version time as the version when the item has no version number', () => {
    const { version: _, ...withoutVersion } = ninjs1
    expect(itemOf(readNinjsItem(withoutVersion)).version).toBe('2025-05-31T09:30:00+01:00')
  })

  it('uses a web URI as the link when there are no links, and never a URN', () => {
    const { links: _, ...withoutLinks } = ninjs1
    expect(itemOf(readNinjsItem(withoutLinks)).url).toBeUndefined()
    expect(
      itemOf(readNinjsItem({ ...withoutLinks, uri: 'https://agency.example/story/9' })).url,
    ).toBe('https://agency.example/story/9')
  })

  it('does not take a link that is not a web address', () => {
    expect(
      itemOf(
        readNinjsItem({ ...ninjs1, links: [{ href: 'javascript:alert(1)', rel: 'canonical' }] }),
      ).url,
    ).toBeUndefined()
  })

  it('reads ninjs through readItem', () => {
    expect(readItem('ninjs', ninjs1)).toEqual(readNinjsItem(ninjs1))
  })
})

describe('reading an IPTC ninjs 2.x item', () => {
  const ninjs2 = {
    bodies: [
      { contenttype: 'text/plain', role: 'alt', value: 'Plain text' },
      { contenttype: 'text/html', role: 'main', value: '<p>Main body</p>' },
    ],
    descriptions: [
      { role: 'ednote', value: 'Not for broadcast' },
      { role: 'summary', value: 'The summary' },
    ],
    headlines: [{ role: 'main', value: 'A 2.x headline' }],
    language: 'EN',
    rightsinfo: [
      {
        copyrightholder: 'Wire Co',
        copyrightnotice: '© Wire Co 2025',
        linkedrights: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ],
    subjects: [{ name: 'Science', uri: 'http://cv.iptc.org/newscodes/mediatopic/13000000' }],
    uri: 'urn:wire:42',
  }

  it('reads the 2.x arrays: headline, summary, main body and rights', () => {
    expect(itemOf(readNinjsItem(ninjs2))).toMatchObject({
      body: { format: 'html', text: '<p>Main body</p>' },
      categories: ['Science'],
      copyrightHolder: 'Wire Co',
      copyrightNotice: '© Wire Co 2025',
      language: 'en',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
      sourceItemId: 'urn:wire:42',
      standfirst: 'The summary',
      title: 'A 2.x headline',
    })
  })

  it('reads rightsinfo given as one object', () => {
    const item = itemOf(
      readNinjsItem({
        ...ninjs2,
        rightsinfo: { copyrightholder: 'Solo', linkedrights: 'https://example.org/licence' },
      }),
    )
    expect(item.copyrightHolder).toBe('Solo')
    expect(item.licence).toBe('https://example.org/licence')
  })

  it('takes the kill note from an ednote description', () => {
    expect(itemOf(readNinjsItem({ ...ninjs2, pubstatus: 'canceled' })).killNote).toBe(
      'Not for broadcast',
    )
  })
})

describe('refusing a ninjs item, naming the path', () => {
  it('refuses an item without a URI on "id"', () => {
    expect(readNinjsItem({ headline: 'No id' })).toEqual({
      error: { itemId: null, path: 'id', reason: 'is required' },
    })
  })

  it('refuses an item without a headline on "title", naming the item', () => {
    expect(readNinjsItem({ uri: 'urn:x:1' })).toEqual({
      error: { itemId: 'urn:x:1', path: 'title', reason: 'is required' },
    })
  })

  it('refuses an item whose headline is not text on "title"', () => {
    expect(readNinjsItem({ headline: 5, uri: 'urn:x:1' }).error).toMatchObject({
      path: 'title',
      reason: 'must be a string',
    })
  })

  it.each([null, 'a string', 42, ['a list']])('refuses %j: an item must be an object', (raw) => {
    expect(readNinjsItem(raw)).toEqual({
      error: { itemId: null, path: 'item', reason: 'must be an object' },
    })
  })

  it('refuses an embargo that is not a date, naming its field (leaving it out would publish early)', () => {
    expect(
      readNinjsItem({ embargoed: 'next tuesday-ish', headline: 'H', uri: 'urn:x:1' }).error,
    ).toEqual({
      itemId: 'urn:x:1',
      path: 'embargoed',
      reason: 'is not a date',
    })
  })

  it('leaves out a creation or version date it cannot read, with one warning naming each field', () => {
    const result = readNinjsItem({
      firstcreated: 'soon',
      headline: 'H',
      uri: 'urn:x:1',
      versioncreated: 'garbage',
    })
    expect(result.item).toMatchObject({ publishedAt: undefined, title: 'H', updatedAt: undefined })
    expect(result.warnings).toEqual([
      { detail: 'soon', kind: 'date-left-out', path: 'firstcreated' },
      { detail: 'garbage', kind: 'date-left-out', path: 'versioncreated' },
    ])
  })

  it('refuses a language that is not text', () => {
    expect(readNinjsItem({ headline: 'H', language: 7, uri: 'urn:x:1' }).error).toMatchObject({
      path: 'language',
      reason: 'must be a string',
    })
  })
})

describe('reading our plain item shape', () => {
  const plain = {
    authors: ['Sam Lee'],
    categories: ['world'],
    html: '<p>Body</p>',
    id: 'partner-1',
    language: 'de_AT',
    licence: 'CC BY 4.0',
    publishedAt: '2025-05-30T12:00:00Z',
    title: 'Plain title',
    version: 2,
  }

  it('reads an item with an HTML body', () => {
    expect(itemOf(readPlainItem(plain))).toMatchObject({
      authors: ['Sam Lee'],
      body: { format: 'html', text: '<p>Body</p>' },
      categories: ['world'],
      killed: false,
      language: 'de',
      licence: 'CC BY 4.0',
      publishedAt: '2025-05-30T12:00:00.000Z',
      sourceItemId: 'partner-1',
      title: 'Plain title',
      version: '2',
    })
  })

  it('reads an item with a Markdown body', () => {
    const { html: _, ...withoutHtml } = plain
    expect(itemOf(readPlainItem({ ...withoutHtml, markdown: '# Heading\n\nText' })).body).toEqual({
      format: 'markdown',
      text: '# Heading\n\nText',
    })
  })

  it('refuses an item with both HTML and Markdown on "markdown"', () => {
    expect(readPlainItem({ ...plain, markdown: 'Text' }).error).toEqual({
      itemId: 'partner-1',
      path: 'markdown',
      reason: 'give html or markdown, not both',
    })
  })

  it('takes a numeric ID as text', () => {
    expect(itemOf(readPlainItem({ ...plain, id: 1234 })).sourceItemId).toBe('1234')
  })

  it.each([['Sam Lee'], [['Sam Lee', 3]], [[{ name: 'Sam Lee' }]]])(
    'refuses authors %j on "authors"',
    (authors) => {
      expect(readPlainItem({ ...plain, authors }).error).toMatchObject({
        path: 'authors',
        reason: 'must be a list of names',
      })
    },
  )

  it('refuses a title that is not text on "title"', () => {
    expect(readPlainItem({ ...plain, title: 5 }).error).toEqual({
      itemId: 'partner-1',
      path: 'title',
      reason: 'must be a string',
    })
  })

  it('refuses an item without an ID on "id" and without a title on "title"', () => {
    const { id: _, ...withoutId } = plain
    expect(readPlainItem(withoutId).error).toEqual({
      itemId: null,
      path: 'id',
      reason: 'is required',
    })
    expect(readPlainItem({ id: 42, title: 5 }).error).toEqual({
      itemId: '42',
      path: 'title',
      reason: 'must be a string',
    })
    expect(readPlainItem({ ...plain, title: '   ' }).error).toMatchObject({
      path: 'title',
      reason: 'is required',
    })
  })

  it('refuses a date that is not one on its own field', () => {
    expect(readPlainItem({ ...plain, embargoedUntil: '31/02/2025' }).error).toMatchObject({
      path: 'embargoedUntil',
      reason: 'is not a date',
    })
    expect(readPlainItem({ ...plain, updatedAt: 20250601 }).error).toMatchObject({
      path: 'updatedAt',
      reason: 'is not a date',
    })
  })

  it('refuses "killed" that is not true or false', () => {
    expect(readPlainItem({ ...plain, killed: 'yes' }).error).toMatchObject({
      path: 'killed',
      reason: 'must be true or false',
    })
    expect(itemOf(readPlainItem({ ...plain, killed: true })).killed).toBe(true)
  })

  it('refuses a non-object item on "item"', () => {
    expect(readPlainItem('just text')).toEqual({
      error: { itemId: null, path: 'item', reason: 'must be an object' },
    })
  })

  it('reads the plain shape through readItem', () => {
    expect(readItem('newsroom', plain)).toEqual(readPlainItem(plain))
  })
})

describe('the primary language', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['FR', 'fr'],
    ['en_GB', 'en'],
    [' pt-BR ', 'pt'],
    ['', undefined],
    ['  ', undefined],
    [undefined, undefined],
  ])('of %j is %j', (input, expected) => {
    expect(primaryLanguage(input)).toBe(expected)
  })
})

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Partner wire</title>
    <link>https://partner.example</link>
    <description>News</description>
    <language>en-GB</language>
    <item>
      <title>Rail strike called off</title>
      <link>https://partner.example/rail</link>
      <guid isPermaLink="false">partner-rail-1</guid>
      <description>Unions and operators agreed.</description>
      <content:encoded><![CDATA[<p>After talks, the strike was <strong>called off</strong>.</p>]]></content:encoded>
      <dc:creator>Priya Shah</dc:creator>
      <category>Transport</category>
      <pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>
    </item>
    <item>
      <title>Description only</title>
      <link>https://partner.example/short</link>
      <description>&lt;p&gt;Just this.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Partner atom</title>
  <id>urn:partner:feed</id>
  <updated>2025-06-02T00:00:00Z</updated>
  <entry>
    <title>Harbour reopens</title>
    <id>urn:uuid:6e1f0c7a-0000-4000-8000-000000000001</id>
    <link rel="enclosure" href="https://partner.example/harbour.mp3"/>
    <link rel="alternate" href="https://partner.example/harbour"/>
    <updated>2025-06-02T08:00:00Z</updated>
    <published>2025-06-01T07:00:00Z</published>
    <author><name>Marie Dubois</name></author>
    <category term="ports" label="Ports"/>
    <summary>Ships are back.</summary>
    <content type="html">&lt;p&gt;The harbour reopened.&lt;/p&gt;</content>
  </entry>
</feed>`

const jsonFeed = JSON.stringify({
  home_page_url: 'https://partner.example',
  items: [
    {
      authors: [{ name: 'Hans Müller' }],
      content_html: '<p>Inhalt</p>',
      date_modified: '2025-06-02T09:00:00Z',
      date_published: '2025-06-01T09:00:00Z',
      id: 'jf-1',
      summary: 'Kurz',
      tags: ['Wirtschaft', 'Handel'],
      title: 'Handel wächst',
      url: 'https://partner.example/handel',
    },
  ],
  language: 'de-DE',
  title: 'Partner JSON',
  version: 'https://jsonfeed.org/version/1.1',
})

describe('reading a feed', () => {
  it('lists the formats a source may declare', () => {
    expect(feedFormats).toEqual(['rss', 'atom', 'json-feed', 'ninjs'])
  })

  it('reads RSS 2.0 items, with content:encoded as the body and the description as the standfirst', () => {
    const { items, language } = readFeedItems(rssFeed, 'rss')
    expect(language).toBe('en')
    expect(items).toHaveLength(2)
    expect(itemOf(items[0]!)).toMatchObject({
      authors: ['Priya Shah'],
      body: {
        format: 'html',
        text: '<p>After talks, the strike was <strong>called off</strong>.</p>',
      },
      categories: ['Transport'],
      killed: false,
      publishedAt: '2025-06-02T10:00:00.000Z',
      sourceItemId: 'partner-rail-1',
      standfirst: 'Unions and operators agreed.',
      title: 'Rail strike called off',
      url: 'https://partner.example/rail',
    })
  })

  it('takes an RSS description as the body when there is no content:encoded, and the link as the ID without a guid', () => {
    const item = itemOf(readFeedItems(rssFeed, 'rss').items[1]!)
    expect(item.body).toEqual({ format: 'html', text: '<p>Just this.</p>' })
    expect(item.standfirst).toBeUndefined()
    expect(item.sourceItemId).toBe('https://partner.example/short')
  })

  it('reads Atom entries, with the alternate link and the HTML content', () => {
    const { items } = readFeedItems(atomFeed, 'atom')
    expect(items).toHaveLength(1)
    expect(itemOf(items[0]!)).toMatchObject({
      authors: ['Marie Dubois'],
      body: { format: 'html', text: '<p>The harbour reopened.</p>' },
      categories: ['ports', 'Ports'],
      publishedAt: '2025-06-01T07:00:00.000Z',
      sourceItemId: 'urn:uuid:6e1f0c7a-0000-4000-8000-000000000001',
      standfirst: 'Ships are back.',
      title: 'Harbour reopens',
      updatedAt: '2025-06-02T08:00:00.000Z',
      url: 'https://partner.example/harbour',
      version: '2025-06-02T08:00:00Z',
    })
  })

  it('takes an Atom feed’s language from xml:lang', () => {
    const french = atomFeed.replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">',
    )
    expect(readFeedItems(french, 'atom').language).toBe('fr')
  })

  it('reads JSON Feed 1.1 items, with tags as categories', () => {
    const { items, language } = readFeedItems(jsonFeed, 'json-feed')
    expect(language).toBe('de')
    expect(itemOf(items[0]!)).toMatchObject({
      authors: ['Hans Müller'],
      body: { format: 'html', text: '<p>Inhalt</p>' },
      categories: ['Wirtschaft', 'Handel'],
      sourceItemId: 'jf-1',
      standfirst: 'Kurz',
      title: 'Handel wächst',
      url: 'https://partner.example/handel',
      version: '2025-06-02T09:00:00Z',
    })
  })

  it('reads a ninjs feed given as a list or as { items }', () => {
    const items = [{ headline: 'One', uri: 'urn:n:1' }, { uri: 'urn:n:2' }]
    for (const text of [JSON.stringify(items), JSON.stringify({ items })]) {
      const read = readFeedItems(text, 'ninjs').items
      expect(itemOf(read[0]!)).toMatchObject({ sourceItemId: 'urn:n:1', title: 'One' })
      // One bad item is refused on its own; the rest of the feed still reads.
      expect(read[1]).toEqual({
        error: { itemId: 'urn:n:2', path: 'title', reason: 'is required' },
      })
    }
  })

  it('refuses a feed that is not the format the source declared', () => {
    expect(() => readFeedItems(atomFeed, 'rss')).toThrow(FeedReadError)
    expect(() => readFeedItems(atomFeed, 'rss')).toThrow(/expected rss, found atom/)
    expect(() => readFeedItems(rssFeed, 'json-feed')).toThrow(/expected json-feed, found rss/)
  })

  it('refuses an HTML page as not a feed', () => {
    const page =
      '<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>'
    expect(() => readFeedItems(page, 'rss')).toThrow(FeedReadError)
    expect(() => readFeedItems(page, 'rss')).toThrow(/not a feed/)
  })

  it('refuses a ninjs feed that is not JSON, or not a list of items', () => {
    expect(() => readFeedItems('<rss/>', 'ninjs')).toThrow(FeedReadError)
    expect(() => readFeedItems('<rss/>', 'ninjs')).toThrow(/not JSON/)
    expect(() => readFeedItems('{"entries": []}', 'ninjs')).toThrow(/not a ninjs feed/)
  })
})

describe('sanitising third-party article HTML', () => {
  it('drops scripts, styles and iframes with their content', () => {
    const out = sanitiseArticleHtml(
      '<p>Before</p><script>alert("x")</script><style>p { color: red }</style><iframe src="https://evil.example">frame text</iframe><p>After</p>',
    )
    expect(out).toBe('<p>Before</p><p>After</p>')
  })

  it('drops event handler attributes', () => {
    const out = sanitiseArticleHtml(
      '<p onclick="steal()">Hi <strong onmouseover="x()">there</strong></p><a href="https://ok.example" onerror="x()">ok</a>',
    )
    expect(out).toBe('<p>Hi <strong>there</strong></p><a href="https://ok.example">ok</a>')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    ' javascript:alert(1)',
  ])('keeps the text of a link to %j without the link', (href) => {
    expect(sanitiseArticleHtml(`<p>Read <a href="${href}">this</a> now</p>`)).toBe(
      '<p>Read this now</p>',
    )
  })

  it('keeps https and mailto links with their href only', () => {
    expect(
      sanitiseArticleHtml(
        '<a href="https://news.example/a" target="_blank" rel="noopener" class="x">story</a>',
      ),
    ).toBe('<a href="https://news.example/a">story</a>')
    expect(sanitiseArticleHtml('<a href="mailto:desk@news.example">desk</a>')).toBe(
      '<a href="mailto:desk@news.example">desk</a>',
    )
  })

  it('maps headings onto the body’s h2–h4', () => {
    expect(
      sanitiseArticleHtml(
        '<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>',
      ),
    ).toBe('<h2>One</h2><h2>Two</h2><h3>Three</h3><h4>Four</h4><h4>Five</h4><h4>Six</h4>')
  })

  it('removes images and attributes the body does not hold', () => {
    expect(
      sanitiseArticleHtml(
        '<p class="lead" style="color:red">A <img src="x.png" onerror="alert(1)"> picture</p>',
      ),
    ).toBe('<p>A  picture</p>')
  })

  it('keeps a closing-script payload in text as text, never as a tag', () => {
    const escaped = sanitiseArticleHtml(
      '<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    )
    expect(escaped).toBe('<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    const raw = sanitiseArticleHtml(
      '<p>a </script><script>alert(1)</script> b</p><textarea></textarea><script>alert(2)</script>',
    )
    expect(raw).not.toMatch(/<\s*\/?\s*script/i)
    expect(raw).not.toContain('alert')
  })
})

describe('the ingest fingerprint', () => {
  const item = itemOf(
    readPlainItem({
      authors: ['A'],
      html: '<p>x</p>',
      id: 'fp-1',
      publishedAt: '2025-06-01T00:00:00Z',
      title: 'Title',
      version: '1',
    }),
  )

  it('is the same for the same item with its keys in another order', () => {
    const reordered = Object.fromEntries(Object.entries(item).reverse()) as IngestItem
    expect(Object.keys(reordered)).not.toEqual(Object.keys(item))
    expect(ingestFingerprint(reordered)).toBe(ingestFingerprint(item))
    // Nested keys too: the same body written with its keys the other way round.
    expect(
      ingestFingerprint({ ...item, body: { text: item.body!.text, format: item.body!.format } }),
    ).toBe(ingestFingerprint(item))
  })

  it('changes when the title changes', () => {
    expect(ingestFingerprint({ ...item, title: 'Title, corrected' })).not.toBe(
      ingestFingerprint(item),
    )
  })

  it('changes when the body changes', () => {
    expect(ingestFingerprint({ ...item, body: { format: 'html', text: '<p>y</p>' } })).not.toBe(
      ingestFingerprint(item),
    )
  })
})

describe('reading the images an item refers to', () => {
  it('reads ninjs 1.x associations (an object by name) with their largest rendition, caption, credit and rights', () => {
    const item = itemOf(
      readNinjsItem({
        associations: {
          featureimage: {
            body_text: 'Les députés en séance.',
            byline: 'Jean Petit',
            description_text: 'L’hémicycle pendant le vote',
            renditions: {
              baseImage: {
                height: 1000,
                href: 'https://photos.agency.example/vote-1500.jpg',
                mimetype: 'image/jpeg',
                width: 1500,
              },
              thumbnail: {
                height: 200,
                href: 'https://photos.agency.example/vote-300.jpg',
                mimetype: 'image/jpeg',
                width: 300,
              },
            },
            rightsinfo: {
              copyrightnotice: '© Agency',
              linkedrights: 'https://agency.example/photo-licence',
            },
            type: 'picture',
          },
        },
        headline: 'Vote',
        uri: 'urn:agency:vote',
      }),
    )
    expect(item.images).toEqual([
      {
        alt: 'L’hémicycle pendant le vote',
        caption: 'Les députés en séance.',
        copyrightNotice: '© Agency',
        credit: 'Jean Petit',
        height: 1000,
        licence: 'https://agency.example/photo-licence',
        mimeType: 'image/jpeg',
        url: 'https://photos.agency.example/vote-1500.jpg',
        width: 1500,
      },
    ])
  })

  it('leaves out images that are not ours to show, and an item without images has no `images` (its fingerprint is as before)', () => {
    const item = itemOf(
      readNinjsItem({
        associations: [
          { type: 'picture', uri: 'data:image/png;base64,AAAA' },
          {
            renditions: [{ contenttype: 'image/svg+xml', href: 'https://agency.example/chart' }],
            type: 'graphic',
          },
          { type: 'picture', uri: 'https://agency.example/chart.SVG' },
          { type: 'picture', uri: `https://agency.example/${'a'.repeat(3_000)}.jpg` },
          { type: 'text', uri: 'https://agency.example/related' },
        ],
        headline: 'Sans image',
        uri: 'urn:agency:none',
      }),
    )
    expect('images' in item && item.images !== undefined).toBe(false)
  })

  it('reads our plain `images`, naming the path of a bad one', () => {
    const base = { id: 'img-1', title: 'Avec photo' }
    const item = itemOf(
      readPlainItem({
        ...base,
        images: [
          {
            alt: 'Le port',
            credit: 'Agence',
            height: 600,
            rightsExpireAt: '2027-01-01T00:00:00Z',
            url: 'https://photos.example/port.jpg',
            width: 800,
          },
        ],
      }),
    )
    expect(item.images).toEqual([
      {
        alt: 'Le port',
        credit: 'Agence',
        height: 600,
        rightsExpireAt: '2027-01-01T00:00:00.000Z',
        url: 'https://photos.example/port.jpg',
        width: 800,
      },
    ])
    expect(
      readPlainItem({ ...base, images: 'https://photos.example/port.jpg' }).error,
    ).toMatchObject({ path: 'images' })
    expect(
      readPlainItem({
        ...base,
        images: [{ url: 'https://photos.example/a.jpg' }, { url: 'javascript:alert(1)' }],
      }).error,
    ).toMatchObject({ path: 'images.1.url' })
    expect(
      readPlainItem({ ...base, images: [{ url: 'https://photos.example/a.jpg', width: 'wide' }] })
        .error,
    ).toMatchObject({ path: 'images.0.width' })
    expect(
      readPlainItem({ ...base, images: [{ credit: 5, url: 'https://photos.example/a.jpg' }] })
        .error,
    ).toMatchObject({ path: 'images.0.credit' })
  })

  it('reads Atom image enclosures and JSON Feed images and image attachments', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2026-01-01T00:00:00Z</updated>
      <entry><id>urn:e1</id><title>Entry</title><updated>2026-01-01T00:00:00Z</updated><link href="https://agency.example/e1"/>
      <link rel="enclosure" type="image/png" href="https://photos.example/e1.png" length="10"/><link rel="enclosure" type="application/pdf" href="https://agency.example/e1.pdf"/></entry></feed>`
    expect(itemOf(readFeedItems(atom, 'atom').items[0]!).images).toEqual([
      { mimeType: 'image/png', url: 'https://photos.example/e1.png' },
    ])
    const json = JSON.stringify({
      items: [
        {
          attachments: [
            { mime_type: 'image/webp', url: 'https://photos.example/j2.webp' },
            { mime_type: 'audio/mpeg', url: 'https://agency.example/j.mp3' },
          ],
          id: 'j1',
          image: 'https://photos.example/j1.jpg',
          title: 'JSON item',
        },
      ],
      title: 'Feed',
      version: 'https://jsonfeed.org/version/1.1',
    })
    expect(itemOf(readFeedItems(json, 'json-feed').items[0]!).images).toEqual([
      { url: 'https://photos.example/j1.jpg' },
      { mimeType: 'image/webp', url: 'https://photos.example/j2.webp' },
    ])
  })
})
