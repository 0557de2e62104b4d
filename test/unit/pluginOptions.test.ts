import type { Config } from 'payload'
import { checkPluginOptions, newsroomPlugin } from 'payload-newsroom'
import { formatPublishedAt } from 'payload-newsroom/rules'
import { describe, expect, it } from 'vitest'

const hostConfig = {
  collections: [
    { auth: true, fields: [], slug: 'staff' },
    { fields: [], slug: 'pages' },
  ],
  localization: { defaultLocale: 'en', locales: ['en', 'de'] },
} as unknown as Config

const install = (options: Parameters<typeof newsroomPlugin>[0]) => () =>
  newsroomPlugin(options)(hostConfig)

describe('plugin options are checked when the config is built', () => {
  it('accepts no options, and a full set of valid ones', () => {
    expect(checkPluginOptions(undefined, hostConfig)).toEqual([])
    expect(
      checkPluginOptions(
        {
          autoAttachDisclaimers: false,
          collections: { articles: { slug: 'news' }, users: { slug: 'staff' } },
          defaultDisclaimerKeys: { 'third-party': 'syndication' },
          disabled: true,
          frontend: {
            articlePath: (language: string, slug: string) => `/${language}/${slug}`,
            siteUrl: 'https://news.example',
            timeZone: 'Europe/Paris',
          },
          inputLimits: { body: { maxNodes: 100 }, textLength: 200 },
          languages: ['de', 'en'],
          maxVersionsPerArticle: 10,
          rateLimit: { login: { max: 5, windowMs: 60_000 }, publicReads: false, trustedProxies: 0 },
        },
        hostConfig,
      ),
    ).toEqual([])
  })

  it('refuses a time zone the runtime does not know, and shows times in the one given, never the server’s', () => {
    expect(install({ frontend: { timeZone: 'Mars/Olympus' } })).toThrow(
      /frontend\.timeZone: expected an IANA time zone/,
    )
    expect(install({ frontend: { timeZone: 42 as never } })).toThrow(/frontend\.timeZone/)
    const instant = '2026-11-28T23:30:00Z'
    expect(formatPublishedAt(instant, 'fr', 'Europe/Paris')).toBe('29 novembre 2026 à 00:30 UTC+1')
    expect(formatPublishedAt(instant, 'en', 'UTC')).toBe('November 28, 2026 at 11:30 PM UTC')
    expect(formatPublishedAt(instant, 'en', 'America/New_York')).toBe(
      'November 28, 2026 at 06:30 PM EST',
    )
    expect(formatPublishedAt('not a date', 'fr', 'UTC')).toBeNull()
  })

  it('fails at start, naming the option, on an unknown collection, a missing language or a non-string disclaimer key', () => {
    expect(install({ collections: { article: { slug: 'news' } } as never })).toThrow(
      /collections\.article: not one of the plugin's collections/,
    )
    expect(install({ languages: ['en', 'fr'] })).toThrow(
      /languages: "fr" is not one of the config's localization locales \(en, de\)/,
    )
    expect(install({ defaultDisclaimerKeys: { 'third-party': 42 as never } })).toThrow(
      /defaultDisclaimerKeys\.third-party: expected a disclaimer key \(a non-empty string\), got 42/,
    )
  })

  it('lists every problem at once, each with its option', () => {
    const problems = checkPluginOptions(
      {
        collections: {
          articles: { slug: 'Pages!' },
          disclaimers: { slug: 'notices' },
          sections: { slug: 'pages' },
          sources: { slug: 'notices' },
          users: { overrides: 'none' as never, slug: 'staff' },
        },
        defaultDisclaimerKeys: { 'third-party': '', weather: 'rain' },
        disabeld: true,
        frontend: { siteUrl: 'javascript:alert(1)' },
        inputLimits: { body: { maxNodes: -1 }, rows: 1.5, speed: 3 },
        maxVersionsPerArticle: 0,
        rateLimit: { login: { max: 0, windowMs: 1 }, trustedProxies: -1 },
      },
      hostConfig,
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^disabeld: unknown option/),
        expect.stringMatching(/^collections\.articles\.slug: expected a slug/),
        expect.stringMatching(
          /^collections\.sections\.slug: the host already has a collection "pages"/,
        ),
        expect.stringMatching(
          /^collections\.sources\.slug: "notices" is already the slug of collections\.disclaimers/,
        ),
        expect.stringMatching(/^collections\.users\.overrides: expected a function/),
        expect.stringMatching(/^defaultDisclaimerKeys\.third-party: expected a disclaimer key/),
        expect.stringMatching(/^defaultDisclaimerKeys\.weather: not a disclaimer kind/),
        expect.stringMatching(/^frontend\.siteUrl: expected an http\(s\) origin/),
        expect.stringMatching(/^inputLimits\.body\.maxNodes: expected a positive integer/),
        expect.stringMatching(/^inputLimits\.rows: expected a positive integer/),
        expect.stringMatching(/^inputLimits\.speed: unknown limit/),
        expect.stringMatching(/^maxVersionsPerArticle: expected a positive integer/),
        expect.stringMatching(/^rateLimit\.login: expected false or \{ max, windowMs \}/),
        expect.stringMatching(/^rateLimit\.trustedProxies: expected a whole number/),
      ]),
    )
    expect(problems).toHaveLength(14)
  })

  it("refuses a users slug that names one of the host's collections without auth", () => {
    expect(checkPluginOptions({ collections: { users: { slug: 'pages' } } }, hostConfig)).toEqual([
      `collections.users.slug: the host's "pages" collection has no auth; point this at its auth collection`,
    ])
  })

  it('names the option to pass when a host collection has one of our default slugs, with or without options', () => {
    const withMedia = {
      ...hostConfig,
      collections: [...hostConfig.collections!, { fields: [], slug: 'media', upload: true }],
    } as unknown as Config
    const clash =
      'collections.media.slug: the host already has a collection "media"; give ours another slug'
    expect(checkPluginOptions(undefined, withMedia)).toEqual([clash])
    expect(checkPluginOptions({}, withMedia)).toEqual([clash])
    expect(checkPluginOptions({ languages: ['en'] }, withMedia)).toEqual([clash])
    expect(() => newsroomPlugin()(withMedia)).toThrow(
      /collections\.media\.slug: the host already has a collection "media"/,
    )
    expect(
      checkPluginOptions({ collections: { media: { slug: 'newsroom-media' } } }, withMedia),
    ).toEqual([])
  })

  it('checks options even when disabled, so turning the plugin off cannot hide a typo', () => {
    expect(install({ disabled: true, languages: ['xx'] })).toThrow(/languages: "xx"/)
  })
})
