import { describe, expect, it } from 'vitest'

import { validateXml, type XmlFormat } from '../helpers/xmlFormats'

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Le Journal</title>
    <link>https://example.com/fr</link>
    <description>Les dernières nouvelles</description>
    <language>fr</language>
    <lastBuildDate>Wed, 01 May 2024 10:00:00 GMT</lastBuildDate>
    <atom:link href="https://example.com/fr/rss.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title>Moscou renforce la défense du Venezuela</title>
      <link>https://example.com/fr/moscou</link>
      <description><![CDATA[Un <b>chapeau</b>]]></description>
      <guid isPermaLink="false">tag:example.com,2024-05-01:article/1</guid>
      <pubDate>Wed, 01 May 2024 09:00:00 +0200</pubDate>
      <category domain="https://example.com/sections">Monde</category>
      <enclosure url="https://example.com/a.jpg" length="1234" type="image/jpeg"/>
      <source url="https://agency.example/rss">Agence</source>
      <dc:creator>Jeanne Martin</dc:creator>
      <content:encoded><![CDATA[<p>Texte</p>]]></content:encoded>
    </item>
    <item>
      <description>Une brève sans titre</description>
    </item>
  </channel>
</rss>`

const atom = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="fr">
  <id>https://example.com/fr/atom.xml</id>
  <title>Le Journal</title>
  <updated>2024-05-01T10:00:00.000Z</updated>
  <generator uri="https://example.com" version="1">payload-newsroom</generator>
  <link rel="self" href="https://example.com/fr/atom.xml"/>
  <rights>Le Journal</rights>
  <entry>
    <id>tag:example.com,2024-05-01:article/1</id>
    <title type="html">Moscou &amp; Caracas</title>
    <updated>2024-05-01T09:00:00+02:00</updated>
    <published>2024-05-01T08:00:00Z</published>
    <link href="https://example.com/fr/moscou"/>
    <author><name>Jeanne Martin</name><email>jeanne@example.com</email></author>
    <contributor><name>Agence</name></contributor>
    <category term="monde" label="Monde"/>
    <summary>Un chapeau</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Texte</p></div></content>
    <media:thumbnail url="https://example.com/a.jpg"/>
  </entry>
</feed>`

const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://example.com/fr/moscou</loc>
    <lastmod>2024-05-01T09:00:00.000Z</lastmod>
  </url>
  <url>
    <loc>https://example.com/fr/caracas</loc>
    <lastmod>2024-05-01</lastmod>
  </url>
</urlset>`

const sitemapIndex = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap>
    <loc>https://example.com/sitemap/1.xml</loc>
    <lastmod>2024-05-01T09:00:00Z</lastmod>
  </sitemap>
  <sitemap>
    <loc>https://example.com/sitemap/2.xml</loc>
  </sitemap>
</sitemapindex>`

const newsUrl = (index: number) => `
  <url>
    <loc>https://example.com/fr/article-${index}</loc>
    <news:news>
      <news:publication>
        <news:name>Le Journal</news:name>
        <news:language>fr</news:language>
      </news:publication>
      <news:publication_date>2024-05-01T09:00:00.000Z</news:publication_date>
      <news:title>Article ${index}</news:title>
    </news:news>
  </url>`

const newsSitemap = (urls = 1) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${Array.from({ length: urls }, (_, index) => newsUrl(index + 1)).join('')}
</urlset>`

/** Asserts `xml` fails as `format` with at least one problem matching `message`. */
const expectInvalid = async (xml: string, format: XmlFormat, message: RegExp) => {
  const problems = await validateXml(xml, format)
  expect(problems.length, `${format} should be invalid`).toBeGreaterThan(0)
  expect(problems.join('\n')).toMatch(message)
}

const valid: Record<XmlFormat, string> = {
  atom,
  newsSitemap: newsSitemap(),
  rss,
  sitemap,
  sitemapIndex,
}

describe('validateXml', () => {
  it.each(Object.entries(valid))('accepts a valid %s document', async (format, xml) => {
    expect(await validateXml(xml, format as XmlFormat)).toEqual([])
  })

  it.each(Object.keys(valid))('refuses a %s document that is not well-formed', async (format) => {
    await expectInvalid(
      valid[format as XmlFormat].replace(/<\/[a-z]+>\s*$/, ''),
      format as XmlFormat,
      /parser error/,
    )
  })

  it('refuses a document of another format', async () => {
    await expectInvalid(rss, 'atom', /feed/)
    await expectInvalid(sitemapIndex, 'sitemap', /sitemapindex/)
  })

  describe('rss', () => {
    it('refuses a channel without description', async () => {
      await expectInvalid(
        rss.replace('<description>Les dernières nouvelles</description>', ''),
        'rss',
        /description/,
      )
    })

    it('refuses an item with neither title nor description', async () => {
      await expectInvalid(
        rss.replace(
          '<description>Une brève sans titre</description>',
          '<link>https://example.com/x</link>',
        ),
        'rss',
        /item/,
      )
    })

    it('refuses a pubDate that is not an RFC 822 date', async () => {
      await expectInvalid(
        rss.replace('Wed, 01 May 2024 09:00:00 +0200', '2024-05-01T09:00:00Z'),
        'rss',
        /pubDate/,
      )
    })

    it('refuses a guid that is a permalink but no URL, and undescribed elements outside a namespace', async () => {
      await expectInvalid(
        rss.replace(
          '<guid isPermaLink="false">tag:example.com,2024-05-01:article/1',
          '<guid>article-1',
        ),
        'rss',
        /guid|item/,
      )
      await expectInvalid(
        rss.replace('<dc:creator>Jeanne Martin</dc:creator>', '<creator>Jeanne Martin</creator>'),
        'rss',
        /creator|item/,
      )
    })
  })

  describe('atom', () => {
    it('refuses an entry without id', async () => {
      await expectInvalid(
        atom.replace('<id>tag:example.com,2024-05-01:article/1</id>', ''),
        'atom',
        /entry/,
      )
    })

    it('refuses an updated that is not an RFC 3339 date-time', async () => {
      await expectInvalid(
        atom.replace('2024-05-01T09:00:00+02:00', '2024-05-01 09:00'),
        'atom',
        /updated|entry/,
      )
      await expectInvalid(
        atom.replace('2024-05-01T10:00:00.000Z', '2024-05-01'),
        'atom',
        /updated|feed/,
      )
    })

    it('refuses an entry without author when the feed has none either', async () => {
      await expectInvalid(
        atom.replace(/<author>.*<\/author>/, ''),
        'atom',
        /atom:entry 1 has no atom:author/,
      )
    })

    it('accepts an entry without author when the feed or its source has one', async () => {
      const withoutEntryAuthor = atom.replace(/<author>.*<\/author>/, '')
      const feedAuthor = withoutEntryAuthor.replace(
        '<rights>',
        '<author><name>Le Journal</name></author>\n  <rights>',
      )
      const sourceAuthor = withoutEntryAuthor.replace(
        '<summary>',
        '<source><author><name>Agence</name></author></source>\n    <summary>',
      )
      expect(await validateXml(feedAuthor, 'atom')).toEqual([])
      expect(await validateXml(sourceAuthor, 'atom')).toEqual([])
    })

    it('refuses a link without href and an entry with neither content nor alternate link', async () => {
      await expectInvalid(
        atom.replace('<link href="https://example.com/fr/moscou"/>', '<link rel="alternate"/>'),
        'atom',
        /link|entry/,
      )
      const bare = atom
        .replace('<link href="https://example.com/fr/moscou"/>', '')
        .replace(/<content.*<\/content>/, '')
      await expectInvalid(bare, 'atom', /neither atom:content nor a link with rel="alternate"/)
    })
  })

  describe('sitemap', () => {
    it('refuses a url without loc', async () => {
      await expectInvalid(
        sitemap.replace('<loc>https://example.com/fr/moscou</loc>', ''),
        'sitemap',
        /loc/,
      )
    })

    it('refuses a malformed lastmod', async () => {
      await expectInvalid(
        sitemap.replace('2024-05-01T09:00:00.000Z', '01/05/2024'),
        'sitemap',
        /lastmod/,
      )
    })

    it('refuses more than 50,000 urls', async () => {
      const url = '<url><loc>https://example.com/fr/moscou</loc></url>\n'
      await expectInvalid(
        sitemap.replace('<url>', url.repeat(50_000) + '<url>'),
        'sitemap',
        /50002 <url> elements; at most 50000/,
      )
    })

    it('refuses a sitemap index entry without loc', async () => {
      await expectInvalid(
        sitemapIndex.replace('<loc>https://example.com/sitemap/2.xml</loc>', ''),
        'sitemapIndex',
        /loc/,
      )
    })
  })

  describe('newsSitemap', () => {
    it('refuses a publication without language', async () => {
      await expectInvalid(
        newsSitemap().replace('<news:language>fr</news:language>', ''),
        'newsSitemap',
        /language/,
      )
    })

    it('refuses news without title', async () => {
      await expectInvalid(
        newsSitemap().replace('<news:title>Article 1</news:title>', ''),
        'newsSitemap',
        /title/,
      )
    })

    it('refuses a language that is not an ISO 639 code, and a url without news', async () => {
      await expectInvalid(newsSitemap().replace('>fr<', '>fr-FR<'), 'newsSitemap', /language/)
      await expectInvalid(
        newsSitemap().replace(/<news:news>[\s\S]*<\/news:news>/, ''),
        'newsSitemap',
        /url 1 needs exactly one news:news/,
      )
    })

    it('refuses more than 1,000 urls', async () => {
      expect(await validateXml(newsSitemap(1_000), 'newsSitemap')).toEqual([])
      await expectInvalid(newsSitemap(1_001), 'newsSitemap', /1001 <url> elements; at most 1000/)
    })
  })
})
