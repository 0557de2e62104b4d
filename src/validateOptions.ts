import type { Config } from 'payload'

import type { NewsroomCollectionKey, NewsroomPluginOptions } from './types.ts'

import { defaultCollectionSlugs, defaultInputLimits, newsroomCollectionKeys } from './defaults.ts'
import { disclaimerKinds, trustPolicies, trustTxtLists } from './types.ts'
import { isAddressRange } from './rules/outboundAddresses.ts'
import { parseProvenanceKeys } from './provenance/provenanceKeys.ts'
import { ownValue } from './utilities/ownValue.ts'
import { isOneOf, isRecord } from './utilities/values.ts'

/** The options `newsroomPlugin` accepts: anything else is a typo the host should hear about at start. */
const knownOptions: readonly (keyof NewsroomPluginOptions)[] = [
  'autoAttachDisclaimers',
  'collections',
  'defaultDisclaimerKeys',
  'disabled',
  'frontend',
  'ingest',
  'initialAdmins',
  'inputLimits',
  'languages',
  'licences',
  'maxVersionsPerArticle',
  'media',
  'notifications',
  'outbound',
  'provenance',
  'rateLimit',
  'summaries',
  'webhooks',
]
const knownRateLimitOptions = ['clientKey', 'login', 'publicReads', 'trustedProxies']
const knownFrontendOptions = [
  'articlePath',
  'authorPagePath',
  'cache',
  'correctionsPagePath',
  'disclaimerPagePath',
  'previewPath',
  'publisher',
  'siteUrl',
  'timeZone',
]

/** An IANA time zone the runtime knows (`Europe/Paris`, `UTC`). */
const isTimeZone = (value: unknown): boolean => {
  if (typeof value !== 'string' || value.length > 64) {
    return false
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}
// Payload's own rule for collection slugs: used in URLs, GraphQL names and table names.
const slugPattern = /^[a-z][a-z0-9-_]*$/

const isSafeInteger = (value: unknown): value is number => Number.isSafeInteger(value)
const isInteger = (value: unknown): value is number => Number.isInteger(value)

const isPositiveInteger = (value: unknown): value is number => isSafeInteger(value) && value > 0

const localeCodes = (config: Pick<Config, 'localization'>): string[] | undefined =>
  config.localization
    ? config.localization.locales.map((locale) =>
        typeof locale === 'string' ? locale : locale.code,
      )
    : undefined

const unknownKeys = (value: Record<string, unknown>, known: readonly string[]): string[] =>
  Object.keys(value).filter((key) => !known.includes(key))

const checkCollections = (given: unknown = {}, config: Pick<Config, 'collections'>): string[] => {
  // Checked when the option is left out too: the host's own `media` or `articles` clashes with our defaults.
  if (!isRecord(given)) {
    return ['collections: expected an object keyed by collection']
  }
  const keys = newsroomCollectionKeys
  const problems = unknownKeys(given, keys).map(
    (key) => `collections.${key}: not one of the plugin's collections (${keys.join(', ')})`,
  )
  const owners = new Map<string, NewsroomCollectionKey>()
  for (const key of keys) {
    const override = given[key] ?? {}
    if (!isRecord(override)) {
      problems.push(`collections.${key}: expected { slug?, overrides? }`)
      continue
    }
    problems.push(
      ...unknownKeys(override, ['overrides', 'slug']).map(
        (name) => `collections.${key}.${name}: unknown option`,
      ),
    )
    if (override.overrides !== undefined && typeof override.overrides !== 'function') {
      problems.push(`collections.${key}.overrides: expected a function (collection) => collection`)
    }
    const slug = override.slug ?? defaultCollectionSlugs[key]
    if (typeof slug !== 'string' || !slugPattern.test(slug)) {
      problems.push(
        `collections.${key}.slug: expected a slug of lowercase letters, digits, - and _ (got ${JSON.stringify(slug)})`,
      )
      continue
    }
    const owner = owners.get(slug)
    if (owner) {
      problems.push(
        `collections.${key}.slug: "${slug}" is already the slug of collections.${owner}`,
      )
      continue
    }
    owners.set(slug, key)
    // The host's users collection is merged; any other host collection under one of our slugs would be replaced.
    const hostCollection = config.collections?.find((collection) => collection.slug === slug)
    if (hostCollection && key !== 'users') {
      problems.push(
        `collections.${key}.slug: the host already has a collection "${slug}"; give ours another slug`,
      )
    }
    if (hostCollection && key === 'users' && !hostCollection.auth) {
      problems.push(
        `collections.users.slug: the host's "${slug}" collection has no auth; point this at its auth collection`,
      )
    }
  }
  return problems
}

const checkLanguages = (given: unknown, config: Pick<Config, 'localization'>): string[] => {
  if (given === undefined) {
    return []
  }
  if (
    !Array.isArray(given) ||
    given.length === 0 ||
    given.some((code) => typeof code !== 'string' || !code)
  ) {
    return ['languages: expected a non-empty list of locale codes']
  }
  const locales = localeCodes(config)
  if (!locales) {
    return []
  }
  return given
    .filter((code) => !locales.includes(code))
    .map(
      (code) =>
        `languages: "${code}" is not one of the config's localization locales (${locales.join(', ')})`,
    )
}

const checkDefaultDisclaimerKeys = (given: unknown): string[] => {
  if (given === undefined) {
    return []
  }
  if (!isRecord(given)) {
    return ['defaultDisclaimerKeys: expected an object of disclaimer kind → disclaimer key']
  }
  return Object.entries(given).flatMap(([kind, key]) => [
    ...(isOneOf(disclaimerKinds, kind)
      ? []
      : [`defaultDisclaimerKeys.${kind}: not a disclaimer kind (${disclaimerKinds.join(', ')})`]),
    ...(typeof key === 'string' && key.trim()
      ? []
      : [
          `defaultDisclaimerKeys.${kind}: expected a disclaimer key (a non-empty string), got ${JSON.stringify(key)}`,
        ]),
  ])
}

const checkWindow = (name: string, window: unknown): string[] => {
  if (window === undefined || window === false) {
    return []
  }
  if (!isRecord(window) || !isPositiveInteger(window.max) || !isPositiveInteger(window.windowMs)) {
    return [`rateLimit.${name}: expected false or { max, windowMs } with positive integers`]
  }
  return []
}

const checkRateLimit = (given: unknown): string[] => {
  if (given === undefined || given === false) {
    return []
  }
  if (!isRecord(given)) {
    return ['rateLimit: expected false or an object']
  }
  return [
    ...unknownKeys(given, knownRateLimitOptions).map((key) => `rateLimit.${key}: unknown option`),
    ...checkWindow('login', given.login),
    ...checkWindow('publicReads', given.publicReads),
    ...(given.clientKey === undefined || typeof given.clientKey === 'function'
      ? []
      : ['rateLimit.clientKey: expected a function (req) => string']),
    ...(given.trustedProxies === undefined ||
    (isSafeInteger(given.trustedProxies) && given.trustedProxies >= 0)
      ? []
      : ['rateLimit.trustedProxies: expected a whole number of proxies (0 or more)']),
  ]
}

// Read by the names the host wrote, which may be inherited ones (`toString`), as on any object.
const limitDefaults: Readonly<Record<string, unknown>> = defaultInputLimits

const checkInputLimits = (given: unknown): string[] => {
  if (given === undefined) {
    return []
  }
  if (!isRecord(given)) {
    return ['inputLimits: expected an object']
  }
  return Object.entries(given).flatMap(([name, value]) => {
    const defaults = limitDefaults[name]
    if (defaults === undefined) {
      return [`inputLimits.${name}: unknown limit (${Object.keys(defaultInputLimits).join(', ')})`]
    }
    if (typeof defaults === 'number') {
      return isPositiveInteger(value) ? [] : [`inputLimits.${name}: expected a positive integer`]
    }
    if (!isRecord(value)) {
      return [`inputLimits.${name}: expected an object`]
    }
    // The limit's parts: an object, or for an inherited name (`toString`) a function, which has none.
    const parts = typeof defaults === 'object' || typeof defaults === 'function' ? defaults : null
    return Object.entries(value).flatMap(([part, limit]) =>
      part in (parts ?? {})
        ? isPositiveInteger(limit)
          ? []
          : [`inputLimits.${name}.${part}: expected a positive integer`]
        : [`inputLimits.${name}.${part}: unknown limit (${Object.keys(parts ?? {}).join(', ')})`],
    )
  })
}

/** Whether text holds a control character (a line break among them), by code point. */
const hasControlCharacter = (text: string): boolean =>
  [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0
    return code < 0x20 || code === 0x7f
  })

/** A value that stays on its line of trust.txt or in one attribute. */
const isOneLine = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length > 0 &&
  value.length <= 2_000 &&
  !hasControlCharacter(value)

/** What is wrong with one policy URL (`frontend.publisher.policies`), if anything. */
const policyProblem = (name: string, url: unknown): string | undefined => {
  if (!isOneOf(trustPolicies, name)) {
    return 'unknown policy'
  }
  if (!(isOneLine(url) && /^https?:\/\//.test(url))) {
    return 'expected an http(s) URL'
  }
}

/** What is wrong with one trust.txt variable (`frontend.publisher.trustTxt`), if anything. */
const trustTxtProblem = (name: string, values: unknown): string | undefined => {
  if (name === 'datatrainingallowed') {
    return typeof values === 'boolean' ? undefined : 'expected true or false'
  }
  if (!isOneOf(trustTxtLists, name)) {
    return 'unknown trust.txt variable'
  }
  if (!(Array.isArray(values) && values.every(isOneLine))) {
    return 'expected a list of values, each on one line'
  }
}

/** What is wrong with one text-and-data-mining setting (`frontend.publisher.textAndDataMining`), if anything. */
const textAndDataMiningProblem = (name: string, value: unknown): string | undefined => {
  switch (name) {
    case 'reserved':
      return typeof value === 'boolean' ? undefined : 'expected true or false'
    case 'policyUrl':
      return isOneLine(value) && /^https?:\/\//.test(value) ? undefined : 'expected an http(s) URL'
    case 'crawlers':
      // A robots.txt user-agent token: letters, digits, `-` and `_` (RFC 9309).
      return Array.isArray(value) && value.every((token) => /^[\w-]{1,100}$/.test(token))
        ? undefined
        : 'expected a list of user-agent tokens (letters, digits, - and _)'
    default:
      return 'unknown option'
  }
}

/**
 * The publisher's policy URLs (http or https), its trust.txt lines (lists of one-line values) and its
 * text-and-data-mining reservation.
 */
const checkPublisherTrust = (publisher: Record<string, unknown>): string[] =>
  (
    [
      ['policies', policyProblem],
      ['trustTxt', trustTxtProblem],
      ['textAndDataMining', textAndDataMiningProblem],
    ] as const
  ).flatMap(([option, problemOf]) => {
    const given = publisher[option]
    if (given === undefined) {
      return []
    }
    if (!isRecord(given)) {
      return [`frontend.publisher.${option}: expected an object`]
    }
    return Object.entries(given).flatMap(([name, value]) => {
      const problem = problemOf(name, value)
      return problem ? [`frontend.publisher.${option}.${name}: ${problem}`] : []
    })
  })

const checkFrontend = (given: unknown): string[] => {
  if (given === undefined) {
    return []
  }
  if (!isRecord(given)) {
    return ['frontend: expected an object']
  }
  const problems = unknownKeys(given, knownFrontendOptions).map(
    (key) => `frontend.${key}: unknown option`,
  )
  const pathFunctions = {
    articlePath: '(language, slug) => path',
    authorPagePath: '(language, slug) => path',
    correctionsPagePath: '(language) => path',
    disclaimerPagePath: '(language) => path',
  }
  for (const [name, signature] of Object.entries(pathFunctions)) {
    if (given[name] !== undefined && typeof given[name] !== 'function') {
      problems.push(`frontend.${name}: expected a function ${signature}`)
    }
  }
  const cache = given.cache
  const cacheFields = ['sMaxAge', 'staleWhileRevalidate']
  if (
    cache !== undefined &&
    !(
      isRecord(cache) &&
      Object.entries(cache).every(
        ([name, value]) => cacheFields.includes(name) && isSafeInteger(value) && value >= 0,
      )
    )
  ) {
    problems.push(
      'frontend.cache: expected { sMaxAge?, staleWhileRevalidate? } in whole seconds (0 or more)',
    )
  }
  if (
    given.previewPath !== undefined &&
    !(typeof given.previewPath === 'string' && /^\/[^/\\?#\s]*$/.test(given.previewPath))
  ) {
    problems.push('frontend.previewPath: expected a path of this site, e.g. /preview')
  }
  if (given.timeZone !== undefined && !isTimeZone(given.timeZone)) {
    problems.push('frontend.timeZone: expected an IANA time zone, e.g. Europe/Paris or UTC')
  }
  if (
    given.siteUrl !== undefined &&
    !(typeof given.siteUrl === 'string' && /^https?:\/\/[^/\s]+/.test(given.siteUrl))
  ) {
    problems.push('frontend.siteUrl: expected an http(s) origin, e.g. https://news.example')
  }
  if (
    given.publisher !== undefined &&
    !(isRecord(given.publisher) && typeof given.publisher.name === 'string')
  ) {
    problems.push('frontend.publisher: expected { name, url?, logoUrl?, defaultImage? }')
  }
  problems.push(...checkPublisherTrust(isRecord(given.publisher) ? given.publisher : {}))
  const defaultImage = isRecord(given.publisher) ? given.publisher.defaultImage : undefined
  if (
    defaultImage !== undefined &&
    !(
      isRecord(defaultImage) &&
      typeof defaultImage.alt === 'string' &&
      typeof defaultImage.url === 'string' &&
      /^https?:\/\//.test(defaultImage.url) &&
      isSafeInteger(defaultImage.width) &&
      isSafeInteger(defaultImage.height)
    )
  ) {
    problems.push(
      'frontend.publisher.defaultImage: expected { url (http or https), alt, width, height } (pixels)',
    )
  }
  return problems
}

type OptionCheck = [check: (value: unknown) => boolean, expected: string]

/** An object option of named settings, each with its own check (webhooks, ingest). */
const checkOptionGroup = (
  group: string,
  given: unknown,
  checks: Record<string, OptionCheck>,
): string[] => {
  if (given === undefined) {
    return []
  }
  if (!isRecord(given)) {
    return [`${group}: expected an object`]
  }
  return Object.entries(given).flatMap(([name, value]) => {
    const entry = ownValue(checks, name)
    if (!entry) {
      return [`${group}.${name}: unknown option (${Object.keys(checks).join(', ')})`]
    }
    return entry[0](value) ? [] : [`${group}.${name}: expected ${entry[1]}`]
  })
}

const milliseconds: OptionCheck = [isPositiveInteger, 'a positive whole number of milliseconds']
const bytes: OptionCheck = [isPositiveInteger, 'a positive whole number of bytes']
const retryCount: OptionCheck = [
  (value) => isSafeInteger(value) && value >= 0 && value <= 20,
  'a whole number from 0 to 20',
]
const cronExpression: OptionCheck = [
  (value) => typeof value === 'string' && value.trim().split(/\s+/).length >= 5,
  'a cron expression',
]
const queueName: OptionCheck = [
  (value) => typeof value === 'string' && value !== '',
  'the name of a jobs queue',
]

const checkWebhooks = (given: unknown): string[] =>
  checkOptionGroup('webhooks', given, {
    backoffMs: milliseconds,
    queue: queueName,
    retries: retryCount,
    timeoutMs: milliseconds,
  })

const checkIngest = (given: unknown): string[] =>
  checkOptionGroup('ingest', given, {
    maxBodyBytes: bytes,
    maxFeedBytes: bytes,
    maxImagesPerItem: [
      (value) => isInteger(value) && value >= 0 && value <= 50,
      'a whole number from 0 to 50',
    ],
    maxItemsPerRequest: [
      (value) => isPositiveInteger(value) && value <= 10_000,
      'a whole number from 1 to 10,000',
    ],
    pollSchedule: cronExpression,
    queue: queueName,
    timeoutMs: milliseconds,
  })

const checkLicences = (given: unknown): string[] =>
  checkOptionGroup('licences', given, {
    expirySchedule: cronExpression,
    expiryWarningDays: [
      (value) => isPositiveInteger(value) && value <= 365,
      'a whole number of days from 1 to 365',
    ],
    queue: queueName,
  })

const checkNotifications = (given: unknown): string[] =>
  given === false
    ? []
    : checkOptionGroup('notifications', given, {
        digestSchedule: cronExpression,
        keepDays: [
          (value) => isPositiveInteger(value) && value <= 3_650,
          'a whole number of days from 1 to 3,650',
        ],
        queue: queueName,
        retries: retryCount,
      })

const checkMedia = (given: unknown): string[] =>
  checkOptionGroup('media', given, {
    maxFileBytes: bytes,
    maxPixels: [isPositiveInteger, 'a positive whole number of pixels'],
  })

const checkSummaries = (given: unknown): string[] =>
  checkOptionGroup('summaries', given, {
    maxLength: [
      (value) => isPositiveInteger(value) && value <= 5_000,
      'a whole number of characters from 1 to 5,000',
    ],
    queue: queueName,
    retries: retryCount,
    summarize: [
      (value) => typeof value === 'function',
      'a function ({ title, standfirst, text, language }) => Promise<{ text, model }>',
    ],
  })

const checkOutbound = (given: unknown): string[] =>
  checkOptionGroup('outbound', given, {
    allowAddresses: [
      (value) => Array.isArray(value) && value.every(isAddressRange),
      'a list of IP addresses or CIDR ranges ("127.0.0.1", "10.0.0.0/8")',
    ],
  })

const checkProvenance = (given: unknown): string[] => {
  if (given === undefined || given === false) {
    return []
  }
  if (!isRecord(given)) {
    return ['provenance: expected false or { keys }']
  }
  const unknown = [
    ...unknownKeys(given, ['contentCredentials', 'keys']).map(
      (key) => `provenance.${key}: unknown option`,
    ),
    ...(given.contentCredentials === undefined ||
    given.contentCredentials === false ||
    (isRecord(given.contentCredentials) &&
      ['certificateChain', 'privateKey'].every((name) => {
        const value = (given.contentCredentials as Record<string, unknown>)[name]
        return value === undefined || (typeof value === 'string' && value.includes('-----BEGIN'))
      }))
      ? []
      : [
          'provenance.contentCredentials: expected false or { certificateChain, privateKey } as PEM text',
        ]),
  ]
  if (given.keys === undefined) {
    return unknown
  }
  try {
    parseProvenanceKeys(given.keys)
    return unknown
  } catch (error) {
    return [...unknown, `provenance.keys: ${(error as Error).message}`]
  }
}

const checkBoolean = (name: string, value: unknown): string[] =>
  value === undefined || typeof value === 'boolean' ? [] : [`${name}: expected true or false`]

/**
 * Everything wrong with the options given to `newsroomPlugin` for this config, each naming its
 * option. Pure: the plugin throws when the list is not empty, so a typo fails at start, not in production.
 */
export const checkPluginOptions = (
  options: unknown,
  config: Pick<Config, 'collections' | 'localization'> = {},
): string[] => {
  if (options === undefined) {
    return checkCollections({}, config)
  }
  if (!isRecord(options)) {
    return ['options: expected an object']
  }
  return [
    ...unknownKeys(options, knownOptions).map(
      (key) => `${key}: unknown option (${knownOptions.join(', ')})`,
    ),
    ...checkBoolean('autoAttachDisclaimers', options.autoAttachDisclaimers),
    ...checkBoolean('disabled', options.disabled),
    ...checkCollections(options.collections, config),
    ...checkLanguages(options.languages, config),
    ...checkDefaultDisclaimerKeys(options.defaultDisclaimerKeys),
    ...(options.maxVersionsPerArticle === undefined ||
    isPositiveInteger(options.maxVersionsPerArticle)
      ? []
      : ['maxVersionsPerArticle: expected a positive integer']),
    ...(options.initialAdmins === undefined ||
    (Array.isArray(options.initialAdmins) &&
      options.initialAdmins.every(
        (email) => typeof email === 'string' && /^[^@\s]+@[^@\s]+$/.test(email.trim()),
      ))
      ? []
      : ['initialAdmins: expected a list of email addresses']),
    ...checkRateLimit(options.rateLimit),
    ...checkInputLimits(options.inputLimits),
    ...checkFrontend(options.frontend),
    ...checkWebhooks(options.webhooks),
    ...checkIngest(options.ingest),
    ...checkSummaries(options.summaries),
    ...checkLicences(options.licences),
    ...checkMedia(options.media),
    ...checkNotifications(options.notifications),
    ...checkOutbound(options.outbound),
    ...checkProvenance(options.provenance),
  ]
}

/** Throws one error listing every problem, for `newsroomPlugin` to fail the config build with. */
export const assertPluginOptions = (
  options: unknown,
  config: Pick<Config, 'collections' | 'localization'>,
): void => {
  const problems = checkPluginOptions(options, config)
  if (problems.length > 0) {
    throw new Error(
      `payload-newsroom: invalid plugin options:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    )
  }
}
