import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import type { IngestWarning } from '../../src/ingest/ingestItem'

import { decodeFeed, feedCharset, fetchFeed } from '../../src/ingest/fetchFeed'
import { cutAtWord, htmlToText } from '../../src/ingest/itemText'
import { normaliseBodyHtml } from '../../src/ingest/normaliseBodyHtml'
import { readFeedItems } from '../../src/ingest/readItems'

const normalised = (html: string, baseUrl = 'https://wire.example/a/item.html') => {
  const warnings: IngestWarning[] = []
  return {
    html: normaliseBodyHtml(html, {
      baseUrl,
      maxListDepth: 2,
      warn: (warning) => warnings.push(warning),
    }),
    kinds: warnings.map((warning) => warning.kind),
  }
}

describe('titles and standfirsts sent as HTML are stored as text', () => {
  it.each([
    ['<b>Slack</b> Stock', 'Slack Stock'],
    ['It&#8217;s &amp; done', 'It’s & done'],
    ['<p>One.</p><p>Two.</p>', 'One. Two.'],
    ['Why x<y matters', 'Why x<y matters'],
    ['  spaced\n\tout  ', 'spaced out'],
    ['<script>alert(1)</script>Safe', 'Safe'],
    ['AT&T', 'AT&T'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text)
  })

  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    expect(cutAtWord('one two three four', 12)).toBe('one two…')
    expect(cutAtWord('short', 12)).toBe('short')
    expect(cutAtWord('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(cutAtWord('a, b, c, d, e, f', 9).length).toBeLessThanOrEqual(9)
  })
})

describe('a body reshaped into what the article body holds', () => {
  it('flattens a quote to lines, headings in bold, and says so', () => {
    expect(normalised('<blockquote><h2>Head</h2><p>One</p><p>Two</p></blockquote>')).toEqual({
      html: '<blockquote><strong>Head</strong><br>One<br>Two</blockquote>',
      kinds: ['quote-flattened'],
    })
  })

  it('keeps a quote of paragraphs as lines without a warning (nothing a reader sees is lost)', () => {
    expect(normalised('<blockquote><p>One</p><p>Two</p></blockquote>')).toEqual({
      html: '<blockquote>One<br>Two</blockquote>',
      kinds: [],
    })
  })

  it('gives containers their blocks and wraps loose text in paragraphs', () => {
    expect(
      normalised('lead <em>text</em><div><p>para</p>tail</div><section><h5>Small</h5></section>')
        .html,
    ).toBe('<p>lead <em>text</em></p><p>para</p><p>tail</p><h4>Small</h4>')
  })

  it('flattens lists deeper than allowed into lines of their parent item', () => {
    expect(normalised('<ul><li>1<ul><li>2<ul><li>3</li></ul></li></ul></li></ul>')).toEqual({
      html: '<ul><li>1<ul><li>2<br>3</li></ul></li></ul>',
      kinds: ['list-flattened'],
    })
  })

  it('makes tables paragraphs of rows, cells apart', () => {
    expect(
      normalised('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'),
    ).toEqual({
      html: '<p>A · B</p><p>1 · 2</p>',
      kinds: ['table-flattened'],
    })
  })

  it('keeps preformatted lines', () => {
    expect(normalised('<pre>a\nb</pre>').html).toBe('<p>a<br>b</p>')
  })

  it('makes relative links absolute against the item, keeps good ones, drops the rest with their text', () => {
    const { html, kinds } = normalised(
      '<p><a href="priced">a</a> <a href="/root">b</a> <a href="#fn:1">c</a> <a href="https://ok.example/x y">d</a> <a href="mailto:x @y.z">e</a> <a href="javascript:alert(1)">f</a> <a>g</a></p>',
    )
    expect(html).toBe(
      '<p><a href="https://wire.example/a/priced">a</a> <a href="https://wire.example/root">b</a> <a href="https://wire.example/a/item.html#fn:1">c</a> <a href="https://ok.example/x%20y">d</a> e f g</p>',
    )
    expect(kinds).toEqual([
      'link-made-absolute',
      'link-made-absolute',
      'link-made-absolute',
      'link-dropped',
      'link-dropped',
    ])
  })

  it('drops relative links when the item has no address', () => {
    const warnings: IngestWarning[] = []
    expect(
      normaliseBodyHtml('<p><a href="/x">x</a></p>', {
        maxListDepth: 2,
        warn: (warning) => warnings.push(warning),
      }),
    ).toBe('<p>x</p>')
    expect(warnings).toEqual([{ detail: '/x', kind: 'link-dropped', path: 'body' }])
  })

  it('stays linear on deep or wide input (10,000 nested spans, 20,000 paragraphs)', () => {
    const started = performance.now()
    normalised(`${'<span>'.repeat(10_000)}deep${'</span>'.repeat(10_000)}`)
    normalised('<p>x</p>'.repeat(20_000))
    expect(performance.now() - started).toBeLessThan(20_000)
  })
})

describe('a feed decoded as XML says: byte-order mark, then header, then declaration', () => {
  const utf16 = (text: string, littleEndian = true) => {
    const body = Buffer.from(text, 'utf16le')
    if (!littleEndian) body.swap16()
    return new Uint8Array(
      Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]),
    )
  }

  it('reads UTF-16 (both orders) and UTF-32 by their mark, whatever the header claims', () => {
    expect(feedCharset(utf16('<rss/>'), 'application/xml; charset=utf-8')).toBe('utf-16le')
    expect(decodeFeed(utf16('<rss>é</rss>'), 'utf-16le')).toBe('<rss>é</rss>')
    expect(
      decodeFeed(utf16('<rss>é</rss>', false), feedCharset(utf16('<rss>é</rss>', false), null)),
    ).toBe('<rss>é</rss>')
    const utf32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0, 0xe9, 0, 0, 0, 0x3e, 0, 0, 0])
    expect(feedCharset(utf32, null)).toBe('utf-32le')
    expect(decodeFeed(utf32, 'utf-32le')).toBe('<é>')
  })

  it('falls back to the header, then the declaration, then UTF-8', () => {
    const latin = new Uint8Array(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))
    expect(feedCharset(latin, 'text/xml; charset=windows-1251')).toBe('windows-1251')
    expect(feedCharset(latin, 'text/xml')).toBe('ISO-8859-1')
    expect(feedCharset(new Uint8Array(Buffer.from('<rss/>')), null)).toBe('utf-8')
    expect(() => decodeFeed(new Uint8Array([0xe9]), 'utf-8')).toThrow('not valid utf-8')
  })
})

describe('a feed whose items were lost', () => {
  it('fails, naming the item elements it holds, when none could be read', () => {
    expect(() =>
      readFeedItems(
        '<rss version="2.0"><channel><title>x</title><image><url>u</url><item><guid>a</guid><title>A</title></item></channel></rss>',
        'rss',
      ),
    ).toThrow(/holds 1 <item> elements but none could be read/)
  })

  it('reads RSS 1.0 (RDF) where RSS was chosen', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://x.example/"><title>X</title><link>https://x.example/</link></channel><item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link></item></rdf:RDF>`
    expect(readFeedItems(rdf, 'rss').items.map((result) => result.item?.title)).toEqual(['One'])
  })
})

describe('a poll on a kept-alive connection the server has just closed', () => {
  it('is sent once more on a new connection, not recorded as a failed fetch', async () => {
    // The second request on any connection is dropped without an answer, as a server closing an idle connection does.
    const served = new WeakMap<object, number>()
    let dropped = 0
    const server = createServer((request, response) => {
      const count = (served.get(request.socket) ?? 0) + 1
      served.set(request.socket, count)
      if (count > 1) {
        dropped += 1
        return void request.socket.destroy()
      }
      response.setHeader('content-type', 'application/rss+xml')
      response.end('<rss version="2.0"><channel><title>t</title></channel></rss>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`
    try {
      const poll = () =>
        fetchFeed({ allowAddresses: ['127.0.0.1'], maxBytes: 10_000, timeoutMs: 5_000, url })
      expect(await poll()).toMatchObject({ httpStatus: 200, notModified: false })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await poll()).toMatchObject({ httpStatus: 200, notModified: false })
      expect(dropped).toBe(1)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
