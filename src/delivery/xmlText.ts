import escapeHtml from 'escape-html'

/** Characters XML 1.0 cannot hold at all, not even escaped (C0 controls but tab and newlines, lone surrogates, U+FFFE/F). */
const notXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Text as an XML generator may write it: characters XML cannot hold removed, and every `]]>` broken
 * up, because `xml-js` (under `feed`) escapes only the first one in a CDATA section and a second
 * would end it early. The generators escape the rest (`<`, `&`, quotes).
 */
export const xmlText = (text: string): string =>
  text.replace(notXmlCharacters, '').replaceAll(']]>', ']] >')

/**
 * Plain text where a feed element holds HTML (Atom's title and summary, RSS's description, as `feed`
 * writes them): HTML-escaped too, so a reader shows `<b>` instead of running it.
 */
export const xmlHtmlText = (text: string): string => escapeHtml(xmlText(text))
