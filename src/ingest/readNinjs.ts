import type { IngestImage } from './ingestItem.ts'

import {
  firstPlainText,
  firstText,
  guarded,
  informativeDate,
  isRecord,
  itemImages,
  ItemReadError,
  type ItemReading,
  names,
  optionalText,
  pixels,
  primaryLanguage,
  type Raw,
  required,
  requiredReadableDate,
  stringID,
  webUrl,
} from './readValues.ts'

/**
 * IPTC ninjs ("News in JSON"), every version (property names from IPTC's schemas at
 * github.com/iptc/newsinjson, `specification/ninjs-schema_<version>.json`):
 *
 * - 1.x: flat names (`headline`, `body_html`, `body_xhtml`, `body_text` and any `body_<format>` or
 *   `headline_<role>`, `description_<format>`), objects by name for `renditions` and `associations`.
 * - 2.x: lists of `{ role, contenttype, value }` for `headlines`, `bodies`, `descriptions`, and lists
 *   for `subjects`, `renditions`, `associations`, `altids`.
 * - 3.x: the 2.x shape with camelCase names: `pubStatus`, `embargoedUntil`, `edNote`, `firstCreated`,
 *   `versionCreated`, `contentCreated`, `copyrightHolder`, `copyrightNotice`, `usageTerms`,
 *   `rightsInfo` (`linkedRights`, `encodedRights`), `contentType`, `altIds`.
 *
 * The version is the one the item declares (`standard` / `$standard`, or a `$schema` naming a ninjs
 * schema), else the one its names show. It only orders the spellings: each value is read under the
 * version's name first and the other's second, since feeds mix them.
 */
export type NinjsVersion = 1 | 2 | 3

/** The 3.x spelling of the names 3.0 renamed. */
const camelCase: Record<string, string> = {
  altids: 'altIds',
  contentcreated: 'contentCreated',
  copyrightholder: 'copyrightHolder',
  copyrightnotice: 'copyrightNotice',
  ednote: 'edNote',
  embargoed: 'embargoedUntil',
  firstcreated: 'firstCreated',
  pubstatus: 'pubStatus',
  rightsinfo: 'rightsInfo',
  usageterms: 'usageTerms',
  versioncreated: 'versionCreated',
}

/** Names only 3.x has (camelCase renames and 3.0 additions). */
const onlyIn3 = [
  ...Object.values(camelCase),
  'digitalSourceType',
  'eventDetails',
  'infoSources',
  'plannedCoverage',
  'representationType',
  'trustIndicators',
]
/** Names 2.0 introduced (lists where 1.x had singular names or patterns). */
const from2 = [
  'bodies',
  'descriptions',
  'events',
  'genres',
  'headlines',
  'infosources',
  'objects',
  'organisations',
  'people',
  'places',
  'subjects',
  'trustindicators',
]

const isNinjsVersion = (value: number): value is NinjsVersion =>
  value === 1 || value === 2 || value === 3

const declaredVersion = (raw: Raw): NinjsVersion | undefined => {
  const standard = isRecord(raw.standard)
    ? raw.standard
    : isRecord(raw.$standard)
      ? raw.$standard
      : undefined
  const named = typeof standard?.name !== 'string' || /ninjs/i.test(standard.name)
  const version =
    named && typeof standard?.version === 'string'
      ? /^\s*v?([123])(?:\.|\s*$)/i.exec(standard.version)
      : null
  const schema = [standard?.schema, raw.$schema]
    .map((value) =>
      typeof value === 'string' ? /ninjs-schema[_-](?:dev_[\d.]+_v)?([123])\./i.exec(value) : null,
    )
    .find(Boolean)
  const major = Number((version ?? schema)?.[1])
  return isNinjsVersion(major) ? major : undefined
}

/** The ninjs version of an item: declared, else seen from its names. */
export const ninjsVersion = (raw: Raw): NinjsVersion =>
  declaredVersion(raw) ??
  (onlyIn3.some((key) => key in raw) ? 3 : from2.some((key) => key in raw) ? 2 : 1)

/** The spellings of a name, the version's own first. */
const spellings = (name: string, version: NinjsVersion): string[] => {
  const renamed = camelCase[name]
  return !renamed ? [name] : version === 3 ? [renamed, name] : [name, renamed]
}

const absent = (value: unknown) => value === undefined || value === null

/** The values a record gives a name under its spellings, present ones only, each with its path. */
const present = (
  record: Raw,
  name: string,
  version: NinjsVersion,
  prefix = '',
): { path: string; value: unknown }[] =>
  spellings(name, version)
    .filter((key) => !absent(record[key]))
    .map((key) => ({ path: `${prefix}${key}`, value: record[key] }))

/** The values of a name under its spellings, the version's first (for `firstText`). */
const valuesOf = (record: Raw | undefined, name: string, version: NinjsVersion): unknown[] =>
  record ? spellings(name, version).map((key) => record[key]) : []

// ---------------------------------------------------------------------------------------------
// Text in its formats

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (character) => `&${{ '"': 'quot', '&': 'amp', '<': 'lt', '>': 'gt' }[character]};`,
  )

/** Plain text as HTML: paragraphs at blank lines, line breaks at single newlines, `<>&"` escaped. */
export const plainTextToHtml = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/[ \t]*\n[ \t]*/g, '<br>')}</p>`)
    .join('')

// A value that begins with an element: markup, when nothing says which format it is in.
const beginsWithMarkup = /^\s*<[a-z][\w-]*(?:\s[^<>]*)?\/?>/i

type TextFormat = 'html' | 'other' | 'text' | 'unknown' | 'xhtml'

/** A media type (2.x `contenttype`, 3.x `contentType`) as a format; `text/html5` and IPTC's own slip `body_xhtml` included. */
const formatOfType = (contentType: unknown): TextFormat => {
  if (typeof contentType !== 'string' || !contentType.trim()) {
    return 'unknown'
  }
  const type = contentType.split(';')[0].trim().toLowerCase()
  if (type.includes('xhtml')) {
    return 'xhtml'
  }
  if (type.includes('html')) {
    return 'html'
  }
  if (type === 'text/plain' || type === 'text' || type === 'plain') {
    return 'text'
  }
  return 'other'
}

/** The format a 1.x `body_<suffix>` or `description_<suffix>` says it is in (`body_richtext` is XHTML in IPTC's guide). */
const formatOfSuffix = (suffix: string): TextFormat => {
  const parts = suffix.toLowerCase().split('_')
  if (parts.some((part) => part.includes('xhtml') || part.startsWith('rich'))) {
    return 'xhtml'
  }
  if (parts.some((part) => part.includes('html'))) {
    return 'html'
  }
  if (parts.some((part) => /^(?:nitf|xml|json|markdown|md|rtf)$/.test(part))) {
    return 'other'
  }
  if (parts.some((part) => part === 'text' || part === 'plain')) {
    return 'text'
  }
  return 'unknown'
}

/** Roles (and 1.x suffixes) that name a format or the main text, not another purpose. */
const mainRole = /^(?:main|body|text|plain|full|article|story|html\d*|xhtml|rich\w*)$/i
const isMainRole = (role: unknown) =>
  typeof role !== 'string' || !role.trim() || role.split('_').every((part) => mainRole.test(part))

const formatRank: Record<TextFormat, number> = { html: 0, other: 9, text: 2, unknown: 2, xhtml: 1 }

type Candidate = { format: TextFormat; order: number; path: string; purpose: number; value: string }

/** The best text among candidates: main role first, then HTML, XHTML, plain text; unsaid formats sniffed. */
const bestText = (candidates: Candidate[]): Candidate | undefined =>
  candidates
    .map((candidate): Candidate =>
      candidate.format === 'unknown'
        ? {
            ...candidate,
            format: beginsWithMarkup.test(candidate.value) ? 'xhtml' : 'text',
          }
        : candidate,
    )
    .filter((candidate) => candidate.format !== 'other' && candidate.value.trim())
    .sort(
      (a, b) =>
        a.purpose - b.purpose || formatRank[a.format] - formatRank[b.format] || a.order - b.order,
    )[0]

/** The 1.x names `<prefix>_<suffix>` of a record, the listed ones first, then the others in the record's order. */
const patterned = (raw: Raw, prefix: string, first: string[]) => {
  const keys = Object.keys(raw).filter(
    (key) => key.startsWith(`${prefix}_`) && key.length > prefix.length + 1,
  )
  return [
    ...first.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !first.includes(key)),
  ].map((key) => ({
    key,
    suffix: key.slice(prefix.length + 1),
  }))
}

/** A 2.x/3.x list of `{ role, contenttype | contentType, value }`; refused by path when `strict` and malformed. */
const roleList = (
  raw: Raw,
  key: string,
  strict: boolean,
): { contentType: unknown; index: number; role?: string; value: string }[] => {
  const list = raw[key]
  if (absent(list)) {
    return []
  }
  if (!Array.isArray(list)) {
    if (strict) {
      throw new ItemReadError(key, 'must be a list')
    }
    return []
  }
  return list.flatMap((entry, index) => {
    if (!isRecord(entry)) {
      if (strict) {
        throw new ItemReadError(`${key}.${index}`, 'must be an object')
      }
      return []
    }
    if (absent(entry.value)) {
      return []
    }
    if (typeof entry.value !== 'string') {
      if (strict) {
        throw new ItemReadError(`${key}.${index}.value`, 'must be a string')
      }
      return []
    }
    const role = typeof entry.role === 'string' ? entry.role.trim() : undefined
    return [
      { contentType: entry.contentType ?? entry.contenttype, index, role, value: entry.value },
    ]
  })
}

// ---------------------------------------------------------------------------------------------
// Title, body, standfirst

/** The headline: 1.x `headline` (then `headline_main`, other `headline_<role>`), 2.x/3.x `headlines` (role `main`, else none, else the first). */
const ninjsTitle = (raw: Raw, version: NinjsVersion): string | undefined => {
  optionalText(raw, 'headline', 'title')
  const flat = patterned(raw, 'headline', ['headline_main']).map(({ key }) => {
    if (!absent(raw[key]) && typeof raw[key] !== 'string') {
      throw new ItemReadError(key, 'must be a string')
    }
    return raw[key]
  })
  const listed = roleList(raw, 'headlines', true)
  const ordered = [
    ...listed.filter((entry) => entry.role?.toLowerCase() === 'main'),
    ...listed.filter((entry) => !entry.role),
    ...listed.filter((entry) => entry.role && entry.role.toLowerCase() !== 'main'),
  ].map((entry) => entry.value)
  const flatFirst = [raw.headline, ...flat]
  return firstPlainText(
    ...(version === 1 ? [...flatFirst, ...ordered] : [...ordered, ...flatFirst]),
  )
}

/**
 * The body as HTML: of the 1.x `body_<format>` names and the 2.x/3.x `bodies`, the main one (role
 * `main`, none, or one naming a format) in HTML, else XHTML, else plain text made into paragraphs.
 * NITF, XML and other formats are not read. A body value that is not text refuses the item.
 */
const ninjsBody = (raw: Raw, version: NinjsVersion): string | undefined => {
  const flat: Candidate[] = patterned(raw, 'body', [
    'body_html',
    'body_xhtml',
    'body_richtext',
    'body_text',
  ]).flatMap(({ key, suffix }, order) => {
    const value = raw[key]
    if (absent(value)) {
      return []
    }
    if (typeof value !== 'string') {
      throw new ItemReadError(key, 'must be a string')
    }
    return [
      {
        format: formatOfSuffix(suffix),
        order,
        path: key,
        purpose: isMainRole(suffix) ? 0 : 1,
        value,
      },
    ]
  })
  const listed: Candidate[] = roleList(raw, 'bodies', true).map((entry) => ({
    format: formatOfType(entry.contentType),
    order: entry.index,
    path: `bodies.${entry.index}.value`,
    purpose: isMainRole(entry.role) ? 0 : 1,
    value: entry.value,
  }))
  // Where both are sent, the version's own shape is preferred among equals.
  const [first, second] = version === 1 ? [flat, listed] : [listed, flat]
  const best = bestText([
    ...first,
    ...second.map((candidate) => ({ ...candidate, order: candidate.order + 10_000 })),
  ])
  if (!best) {
    return undefined
  }
  return (
    (best.format === 'text' ? plainTextToHtml(best.value) : documentBody(best.value).trim()) ||
    undefined
  )
}

/** A whole HTML document (TT sends one, `<head><title>` included): the content of its `<body>`, else it without its `<head>`. */
const documentBody = (html: string): string => {
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html)
  return body ? body[1] : html.replace(/<head\b[\s\S]*?<\/head\s*>/i, '')
}

/** Description roles that are a standfirst, in order of preference; then the main ones (`text`, none…). */
const standfirstRoles = ['summary', 'abstract', 'standfirst', 'lead', 'teaser', 'intro']

const descriptionRank = (role: string | undefined): number | undefined => {
  const preferred = role ? standfirstRoles.indexOf(role.toLowerCase()) : -1
  if (preferred >= 0) {
    return preferred
  }
  return isMainRole(role) ? standfirstRoles.length : undefined
}

/** The descriptions that can stand first (not an editorial note, a credit, a caption…), best first, as text or HTML. */
const descriptionTexts = (raw: Raw, version: NinjsVersion): string[] => {
  const flat = patterned(raw, 'description', [
    'description_text',
    'description_html',
    'description_xhtml',
    'description_richtext',
  ])
    .map(({ key, suffix }, order) => ({
      order,
      rank: descriptionRank(suffix.split('_').find((part) => !mainRole.test(part))),
      value: raw[key],
    }))
    .filter((entry) => entry.rank !== undefined)
  const listed = roleList(raw, 'descriptions', false)
    .map((entry) => ({
      order: entry.index,
      rank: descriptionRank(entry.role),
      value: entry.value,
    }))
    .filter((entry) => entry.rank !== undefined)
  const byRank = (entries: { order: number; rank?: number; value: unknown }[]) =>
    [...entries].sort((a, b) => a.rank! - b.rank! || a.order - b.order).map((entry) => entry.value)
  return (
    version === 1 ? [...byRank(flat), ...byRank(listed)] : [...byRank(listed), ...byRank(flat)]
  ).filter((value): value is string => typeof value === 'string')
}

/** The value of the description with exactly this role (`ednote`, `caption`, `alt`, `creditline`). */
const describedAs = (raw: Raw, role: string): string | undefined =>
  firstText(
    ...roleList(raw, 'descriptions', false)
      .filter((entry) => entry.role?.toLowerCase() === role)
      .map((entry) => entry.value),
  )

/** The first `{ value, role }` of a 2.x list with that role, else the first one: for lists no rule reads (`subheadlines`). */
const ninjsValue = (list: unknown, role?: string): string | undefined => {
  if (!Array.isArray(list)) {
    return undefined
  }
  const entries = list.filter(isRecord)
  const chosen = (role && entries.find((entry) => entry.role === role)) || entries[0]
  return firstText(chosen?.value)
}

// ---------------------------------------------------------------------------------------------
// Rights, images, dates, status

/** `rightsinfo` (1.x, 2.x) or `rightsInfo` (3.x): an object, or a list of them as some 2.x feeds send. */
const rightsInfo = (raw: Raw, version: NinjsVersion): Raw | undefined => {
  for (const { value } of present(raw, 'rightsinfo', version)) {
    const info = Array.isArray(value) ? value.find(isRecord) : isRecord(value) ? value : undefined
    if (info) {
      return info
    }
  }
  return undefined
}

/** Holder, notice, usage terms and licence (linked, else encoded rights), from the item or its rights information. */
const ninjsRights = (raw: Raw, version: NinjsVersion) => {
  const info = rightsInfo(raw, version)
  return {
    copyrightHolder: firstText(
      ...valuesOf(raw, 'copyrightholder', version),
      ...valuesOf(info, 'copyrightholder', version),
    ),
    copyrightNotice: firstText(
      ...valuesOf(raw, 'copyrightnotice', version),
      ...valuesOf(info, 'copyrightnotice', version),
    ),
    licence: firstText(
      info?.linkedRights,
      info?.linkedrights,
      info?.encodedRights,
      info?.encodedrights,
      raw.license,
    ),
    usageTerms: firstText(
      ...valuesOf(raw, 'usageterms', version),
      ...valuesOf(info, 'usageterms', version),
    ),
  }
}

/** `image/jpg` (IPTC's own examples), `image/pjpeg`: JPEG by its registered name. */
const imageType = (value: unknown): string | undefined => {
  const type = firstText(value)
  return type && /^image\/(?:jpg|pjpeg)$/i.test(type) ? 'image/jpeg' : type
}

/** A picture's largest image rendition with a web URL (2.x/3.x: a list; 1.x: an object by name), else its `uri`. */
const ninjsRendition = (
  association: Raw,
): Pick<IngestImage, 'height' | 'mimeType' | 'url' | 'width'> | undefined => {
  const renditions = Array.isArray(association.renditions)
    ? association.renditions.filter(isRecord)
    : isRecord(association.renditions)
      ? Object.values(association.renditions).filter(isRecord)
      : []
  const largest = renditions
    .map((rendition) => ({
      rendition,
      type: imageType(firstText(rendition.contentType, rendition.contenttype, rendition.mimetype)),
    }))
    .filter(
      ({ rendition, type }) =>
        webUrl(rendition.href) && (!type || type.toLowerCase().startsWith('image/')),
    )
    .sort((a, b) => (pixels(b.rendition.width) ?? 0) - (pixels(a.rendition.width) ?? 0))[0]
  if (largest) {
    const { rendition, type } = largest
    return {
      height: pixels(rendition.height),
      mimeType: type,
      url: webUrl(rendition.href)!,
      width: pixels(rendition.width),
    }
  }
  const uri = webUrl(association.uri)
  return uri
    ? {
        mimeType: imageType(
          firstText(association.contentType, association.contenttype, association.mimetype),
        ),
        url: uri,
      }
    : undefined
}

/** `associations` of type picture or graphic (a list in 2.x/3.x, an object by name in 1.x), with their texts, credit and rights. */
const ninjsImages = (raw: Raw, version: NinjsVersion): IngestImage[] | undefined => {
  const associations = Array.isArray(raw.associations)
    ? raw.associations
    : isRecord(raw.associations)
      ? Object.values(raw.associations)
      : []
  return itemImages(
    associations.filter(isRecord).map((association) => {
      if (
        association.type !== undefined &&
        association.type !== 'picture' &&
        association.type !== 'graphic'
      ) {
        return undefined
      }
      const rendition = ninjsRendition(association)
      if (!rendition) {
        return undefined
      }
      const { copyrightHolder, ...rights } = ninjsRights(association, version)
      const headlines = roleList(association, 'headlines', false).map((entry) => entry.value)
      return {
        ...rendition,
        ...rights,
        alt: firstPlainText(
          association.description_text,
          describedAs(association, 'alt'),
          ...descriptionTexts(association, version),
          association.headline,
          ...headlines,
        ),
        caption: firstPlainText(
          association.body_text,
          describedAs(association, 'caption'),
          ...descriptionTexts(association, version),
        ),
        credit: firstText(
          association.creditline,
          describedAs(association, 'creditline'),
          names(association.by ?? association.byline).join(', '),
          copyrightHolder,
        ),
      }
    }),
  )
}

/** `pubstatus` / `pubStatus`: `canceled` or `withheld` (or `cancelled`) under either spelling kills the item. */
const ninjsKilled = (raw: Raw, version: NinjsVersion): boolean =>
  present(raw, 'pubstatus', version).some(({ path, value }) => {
    if (typeof value !== 'string') {
      throw new ItemReadError(path, 'must be a string')
    }
    return /^\s*(?:canceled|cancelled|withheld)\s*$/i.test(value)
  })

/** `embargoed` / `embargoedUntil`: a date that cannot be read refuses the item; under both spellings, the later one holds. */
const ninjsEmbargo = (raw: Raw, version: NinjsVersion): string | undefined =>
  present(raw, 'embargoed', version)
    .map(({ path, value }) => requiredReadableDate(value, path))
    .filter((date): date is string => date !== undefined)
    .sort()
    .at(-1)

/** An informative date under its first spelling present, read once: one warning per field. */
const ninjsDate = (
  raw: Raw,
  name: string,
  version: NinjsVersion,
  reading: ItemReading,
): string | undefined => {
  const [found] = present(raw, name, version)
  return found ? informativeDate(found.value, found.path, reading) : undefined
}

// ---------------------------------------------------------------------------------------------

/** An IPTC ninjs item, any version (1.x, 2.x, 3.x), as an `IngestItem`. */
export const readNinjsItem = guarded(
  (raw) => stringID(isRecord(raw) ? raw.uri : undefined, isRecord(raw) ? raw.guid : undefined),
  (raw, reading) => {
    const version = ninjsVersion(raw)
    const title = ninjsTitle(raw, version)
    const body = ninjsBody(raw, version)
    const killed = ninjsKilled(raw, version)
    const language = primaryLanguage(optionalText(raw, 'language'))
    const firstCreated = ninjsDate(raw, 'firstcreated', version, reading)
    const versionCreated = ninjsDate(raw, 'versioncreated', version, reading)
    const stated =
      present(raw, 'firstcreated', version).length +
        present(raw, 'versioncreated', version).length >
      0
    const links = Array.isArray(raw.links) ? raw.links.filter(isRecord) : []
    const canonical =
      links.find((link) => link.rel === 'canonical' || link.rel === 'self') ?? links[0]
    const subjects = [
      ...(Array.isArray(raw.subject) ? raw.subject : []),
      ...(Array.isArray(raw.subjects) ? raw.subjects : []),
    ].filter(isRecord)
    return required({
      authors: names(raw.by ?? raw.byline)
        .flatMap((value) => value.split(/\s*(?:,|;| and | et )\s*/))
        .filter(Boolean),
      body: body ? { format: 'html', text: body } : undefined,
      categories: [
        ...new Set(
          subjects.flatMap((subject) =>
            [subject.name, subject.code, subject.literal].filter(
              (value): value is string => typeof value === 'string' && value.trim() !== '',
            ),
          ),
        ),
      ],
      ...ninjsRights(raw, version),
      embargoedUntil: ninjsEmbargo(raw, version),
      expiresAt: requiredReadableDate(raw.expires, 'expires'),
      images: ninjsImages(raw, version),
      killed,
      killNote: firstText(...valuesOf(raw, 'ednote', version), describedAs(raw, 'ednote')),
      language,
      // The first publication; a version's time stands for it, and the content's creation when neither is sent.
      publishedAt:
        firstCreated ??
        versionCreated ??
        (stated ? undefined : ninjsDate(raw, 'contentcreated', version, reading)),
      sourceItemId: stringID(raw.uri, raw.guid) ?? undefined,
      standfirst: firstPlainText(
        ...descriptionTexts(raw, version),
        raw.subheadline,
        ninjsValue(raw.subheadlines),
      ),
      title,
      updatedAt: versionCreated,
      url: webUrl(canonical?.href) ?? webUrl(raw.uri),
      version: firstText(
        typeof raw.version === 'number' ? String(raw.version) : raw.version,
        ...valuesOf(raw, 'versioncreated', version),
      ),
    })
  },
)
