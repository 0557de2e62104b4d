import type { Item } from 'feed'

import escapeHtml from 'escape-html'

import type { ArticleView } from '../delivery/articleView.ts'
import type { ResolvedNewsroomOptions } from '../types.ts'

import { publisherFeed, type SyndicationFormat } from '../delivery/syndicationFeeds.ts'
import { xmlHtmlText, xmlText } from '../delivery/xmlText.ts'
import { safeUrl, webSchemes } from '../utilities/urls.ts'

/** An item for a feed partner: the public view, its body as HTML and its permanent address. */
export type FeedPartnerItem = { bodyHtml: string; uri: string; url: string; view: ArticleView }
/** A kill for a feed partner: which item, its title when it was sent, and why. */
export type FeedPartnerKill = { at: string; reason: string; title: string; uri: string }

const paragraph = (text: null | string | undefined, className: string) =>
  text ? `<p class="${className}">${escapeHtml(text)}</p>` : ''

/**
 * The full content of an entry: the body, then what must travel with it, as readers are shown it
 * (disclaimers, AI disclosure, attribution with the link to the original, corrections). Every text
 * is escaped and every link checked; the body is Payload's converter's HTML.
 */
export const partnerEntryHtml = ({ bodyHtml, view }: FeedPartnerItem): string => {
  const attribution = view.attribution
  const original = safeUrl(attribution?.originalUrl, webSchemes)
  return [
    bodyHtml,
    ...view.disclaimers.map(
      (disclaimer) =>
        `<p class="newsroom-disclaimer"><strong>${escapeHtml(disclaimer.title)}</strong> ${escapeHtml(disclaimer.text)}</p>`,
    ),
    paragraph(view.aiDisclosure?.label, 'newsroom-ai-disclosure'),
    paragraph(
      [attribution?.creditText, attribution?.copyrightNotice].filter(Boolean).join(' · '),
      'newsroom-attribution',
    ),
    original && attribution
      ? `<p class="newsroom-original"><a href="${escapeHtml(original)}">${escapeHtml(attribution.viewOriginalLabel)}</a></p>`
      : '',
    ...view.corrections.map((correction) =>
      paragraph(
        correction.at ? `${correction.at}: ${correction.text}` : correction.text,
        'newsroom-correction',
      ),
    ),
  ].join('')
}

/**
 * RSS 2.0 or Atom 1.0 for a partner that takes feeds: full content per entry, and each uncollected
 * kill as an entry that says to take the item down (its own ID, `<uri>#kill`). Written by `feed`,
 * as the public feeds are.
 */
export const partnerFeedDocument = (
  options: ResolvedNewsroomOptions,
  format: SyndicationFormat,
  {
    items,
    kills,
    selfUrl,
  }: { items: FeedPartnerItem[]; kills: FeedPartnerKill[]; selfUrl: string },
): string => {
  const { publisher, siteUrl } = options.frontend
  const times = [
    ...items.map((item) => Date.parse(item.view.updatedAt)),
    ...kills.map((kill) => Date.parse(kill.at)),
  ].filter(Number.isFinite)
  const feed = publisherFeed(options, {
    format,
    language: options.languages[0] ?? 'en',
    link: siteUrl,
    selfUrl,
    title: publisher.name,
    updated: new Date(times.length ? Math.max(...times) : 0),
  })
  const title = (text: string) => (format === 'atom' ? xmlHtmlText(text) : xmlText(text))
  for (const item of items) {
    const { view } = item
    const entry: Item = {
      content: xmlText(partnerEntryHtml(item)),
      copyright: view.attribution?.copyrightNotice
        ? xmlText(view.attribution.copyrightNotice)
        : undefined,
      date: new Date(format === 'atom' ? view.updatedAt : (view.publishedAt ?? view.updatedAt)),
      description: view.standfirst ? xmlHtmlText(view.standfirst) : undefined,
      guid: item.uri,
      id: item.uri,
      link: item.url,
      published: format === 'atom' && view.publishedAt ? new Date(view.publishedAt) : undefined,
      title: title(view.title),
    }
    feed.addItem(entry)
  }
  for (const kill of kills) {
    feed.addItem({
      content: xmlText(
        `<p>${escapeHtml(`Withdrawn (${kill.reason}): remove this item wherever it is shown.`)}</p>`,
      ),
      date: new Date(kill.at),
      guid: `${kill.uri}#kill`,
      id: `${kill.uri}#kill`,
      link: kill.uri,
      title: title(`Withdrawn: ${kill.title}`),
    })
  }
  return format === 'rss' ? feed.rss2() : feed.atom1()
}
