import { checkPluginOptions } from 'payload-newsroom'
import {
  defaultAiCrawlers,
  robotsTxt,
  tdmrepJson,
  textAndDataMiningHeaders,
  textAndDataMiningReservationOf,
} from 'payload-newsroom/rules'
import robotsParser from 'robots-parser'
import { describe, expect, it } from 'vitest'

const publisher = (reserved: boolean) => ({
  crawlers: defaultAiCrawlers,
  policyUrl: 'https://news.example/licensing',
  reserved,
})
const reserved = { policyUrl: null, reserved: true }
const allowed = { policyUrl: null, reserved: false }

describe('text and data mining reservations', () => {
  it('reserves our own articles as the publisher says, and syndicated ones unless their licence allows mining', () => {
    expect(
      textAndDataMiningReservationOf({ origin: 'original' }, undefined, publisher(true)),
    ).toEqual({ policyUrl: 'https://news.example/licensing', reserved: true })
    expect(
      textAndDataMiningReservationOf({ origin: 'original' }, 'allowed', publisher(false)),
    ).toEqual(allowed)
    // A syndicated piece follows its source, whatever the publisher chose for its own content.
    expect(
      textAndDataMiningReservationOf({ origin: 'syndicated' }, 'allowed', publisher(true)),
    ).toEqual(allowed)
    for (const term of ['reserved', undefined, null, 'ALLOWED', { toString: () => 'allowed' }]) {
      expect(
        textAndDataMiningReservationOf({ origin: 'syndicated' }, term, publisher(false)),
      ).toEqual(reserved)
    }
  })

  it('says it with TDMRep’s headers and tdmrep.json', () => {
    expect(textAndDataMiningHeaders(publisher(true))).toEqual({
      'tdm-policy': 'https://news.example/licensing',
      'tdm-reservation': '1',
    })
    expect(textAndDataMiningHeaders(allowed)).toEqual({ 'tdm-reservation': '0' })
    expect(
      tdmrepJson([
        { location: '/fr/articles/communique', reservation: allowed },
        { location: '/fr/articles/*', reservation: publisher(true) },
      ]),
    ).toEqual([
      { location: '/fr/articles/communique', 'tdm-reservation': 0 },
      {
        location: '/fr/articles/*',
        'tdm-policy': 'https://news.example/licensing',
        'tdm-reservation': 1,
      },
    ])
  })

  it('writes robots.txt that an outside parser reads as meant: AI crawlers off reserved articles only', () => {
    const text = robotsTxt({
      crawlers: ['GPTBot', 'CCBot'],
      rules: [
        { location: '/fr/articles/communique', reservation: allowed },
        { location: '/fr/articles/*', reservation: reserved },
        { location: '/en/articles/*', reservation: reserved },
      ],
      sitemaps: ['https://news.example/api/articles/sitemap'],
    })
    const robots = robotsParser('https://news.example/robots.txt', text)
    const url = (path: string) => `https://news.example${path}`
    expect(robots.isAllowed(url('/fr/articles/la-bce-maintient-ses-taux'), 'GPTBot')).toBe(false)
    expect(robots.isAllowed(url('/en/articles/ecb-holds-rates'), 'CCBot')).toBe(false)
    expect(robots.isAllowed(url('/fr/articles/communique'), 'GPTBot')).toBe(true)
    // Named alone: an article whose slug starts the same is not let through with it.
    expect(robots.isAllowed(url('/fr/articles/communique-2'), 'GPTBot')).toBe(false)
    expect(robots.isAllowed(url('/fr/avertissement'), 'GPTBot')).toBe(true)
    // Search engines and readers' tools are not AI crawlers.
    expect(robots.isAllowed(url('/fr/articles/la-bce-maintient-ses-taux'), 'Googlebot')).toBe(true)
    expect(robots.getSitemaps()).toEqual(['https://news.example/api/articles/sitemap'])
  })

  it('keeps a hostile path or crawler on its own line, and names no AI group when nothing is reserved', () => {
    const text = robotsTxt({
      crawlers: ['GPTBot'],
      rules: [{ location: '/fr/articles/x\r\nUser-agent: *\nDisallow: /', reservation: reserved }],
      sitemaps: ['https://news.example/s\nDisallow: /'],
    })
    const robots = robotsParser('https://news.example/robots.txt', text)
    expect(robots.isAllowed('https://news.example/fr/avertissement', 'Googlebot')).toBe(true)
    expect(text.split('\n').filter((line) => line.startsWith('Disallow'))).toHaveLength(1)
    const open = robotsTxt({
      crawlers: ['GPTBot'],
      rules: [{ location: '/fr/articles/*', reservation: allowed }],
      sitemaps: [],
    })
    expect(open).toBe('User-agent: *\nAllow: /\n\n')
  })

  it('refuses text-and-data-mining options that could break robots.txt or the headers', () => {
    const problems = (textAndDataMining: unknown) =>
      checkPluginOptions({
        frontend: { publisher: { name: 'Gazette', textAndDataMining } },
      } as never)
    expect(
      problems({ crawlers: ['GPTBot'], policyUrl: 'https://news.example/tdm', reserved: false }),
    ).toEqual([])
    expect(problems({ reserved: 'yes' })).toEqual([
      'frontend.publisher.textAndDataMining.reserved: expected true or false',
    ])
    expect(problems({ policyUrl: 'javascript:alert(1)' })[0]).toMatch(/policyUrl: expected an http/)
    expect(problems({ policyUrl: 'https://a.example/\r\nSet-Cookie: x' })[0]).toMatch(/policyUrl/)
    expect(problems({ crawlers: ['GPTBot\nDisallow: /'] })[0]).toMatch(/crawlers: expected a list/)
    expect(problems({ crawler: ['GPTBot'] })).toEqual([
      'frontend.publisher.textAndDataMining.crawler: unknown option',
    ])
  })
})
