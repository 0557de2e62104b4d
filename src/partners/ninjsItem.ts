/**
 * An article as IPTC ninjs (News in JSON), the format agencies and their clients exchange items in:
 * 3.x (camelCase, https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json) or 2.x (the same names in
 * lower case, ninjs-schema_2.2.json). Built from the public view, so a partner receives what a
 * reader is shown: the disclaimers, the attribution, the AI disclosure and the corrections travel
 * with the item. A pure function of its inputs.
 */

import type { ArticleView } from '../delivery/articleView.ts'
import type { ImageView } from '../delivery/imageView.ts'
import type { NinjsFormat } from '../rules/partnerRules.ts'

import { safeUrl, webSchemes } from '../utilities/urls.ts'

export type NinjsObject = { [key: string]: NinjsValue }
export type NinjsValue = boolean | NinjsObject | NinjsValue[] | number | string

export type NinjsInputs = {
  /** The body as HTML (see `bodyHtmlOf`). */
  bodyHtml: string
  /** When the article was first created. */
  firstCreated: string
  /** The publisher (the copyright holder of our own pieces) and its site. */
  publisher: { name: string; siteUrl: string }
  /** Policy pages named as trust indicators (`correctionsPolicy` → URL, as `publisher.policies`). */
  trustPolicies: Record<string, string>
  /** The item's permanent address, the same across slug changes and versions. */
  uri: string
  /** The page readers see it on. */
  url: string
  /** The usage terms of a syndicated piece (the article's, else its source's). */
  usageTerms: null | string
  /** This version of the item: it changes whenever what was published changes. */
  version: string
  view: ArticleView
}

/** Drops the keys whose value is absent, so the item carries no empty property the schema forbids. */
const present = (object: Record<string, NinjsValue | null | undefined>): NinjsObject =>
  Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) =>
        value !== null &&
        value !== undefined &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0),
    ),
  ) as NinjsObject

const words = (html: string) => {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return { charCount: text.length, wordCount: text ? text.split(' ').length : 0 }
}

const picture = (image: ImageView, name: string): NinjsObject =>
  present({
    by: image.credit,
    copyrightNotice: image.copyrightNotice,
    descriptions: [{ contentType: 'text/plain', role: 'alt', value: image.alt }].filter(
      (description) => description.value,
    ),
    name,
    renditions: [
      present({ height: image.height, href: image.url, name: 'original', width: image.width }),
    ],
    type: 'picture',
    uri: image.url,
  })

const bylineOf = ({ byline }: ArticleView): null | string => {
  const names = byline.authors.map((author) => author.name)
  if (byline.automated) {
    names.push(`${byline.automated.label} (${byline.automated.disclosure})`)
  }
  return names.length ? names.join(', ') : null
}

/** The item in ninjs 3.x. */
export const toNinjs3 = ({
  bodyHtml,
  firstCreated,
  publisher,
  trustPolicies,
  uri,
  url,
  usageTerms,
  version,
  view,
}: NinjsInputs): NinjsObject => {
  const text = (role: string, value: null | string | undefined) =>
    value ? [{ contentType: 'text/plain', role, value }] : []
  const attribution = view.attribution
  const licenceUrl = safeUrl(attribution?.licence, webSchemes)
  return present({
    altIds: [
      { role: 'newsroom-id', value: String(view.id) },
      { role: 'canonical-url', value: view.seo.canonicalUrl ?? url },
    ],
    associations: [
      ...(view.featuredImage ? [picture(view.featuredImage, 'featureimage')] : []),
      ...view.bodyImages.map((image, index) => picture(image, `bodyimage-${index + 1}`)),
    ],
    bodies: [{ contentType: 'text/html', role: 'main', value: bodyHtml, ...words(bodyHtml) }],
    by: bylineOf(view),
    copyrightHolder: attribution ? attribution.copyrightHolder : publisher.name,
    copyrightNotice: attribution?.copyrightNotice,
    descriptions: [
      ...text('summary', view.standfirst),
      ...(view.summary.status === 'ready' ? text('ai-summary', view.summary.text) : []),
      ...text('ai-disclosure', view.aiDisclosure?.label),
      ...view.disclaimers.flatMap((disclaimer) =>
        text('disclaimer', `${disclaimer.title}: ${disclaimer.text}`),
      ),
      ...view.corrections.flatMap((correction) =>
        text(
          correction.type === 'clarification' ? 'clarification' : 'correction',
          correction.at ? `${correction.at}: ${correction.text}` : correction.text,
        ),
      ),
      ...(attribution?.creditText ? text('credit', attribution.creditText) : []),
    ],
    digitalSourceType: view.aiDisclosure?.bodyDigitalSourceType
      ? { uri: view.aiDisclosure.bodyDigitalSourceType }
      : null,
    firstCreated,
    headlines: [{ contentType: 'text/plain', role: 'main', value: view.title }],
    infoSources: [
      present({ name: publisher.name, role: 'publisher', uri: publisher.siteUrl }),
      ...(attribution?.source
        ? [
            present({
              name: attribution.source.name,
              role: 'originator',
              uri: attribution.source.homepageUrl ?? attribution.originalUrl,
            }),
          ]
        : []),
    ],
    language: view.language,
    pubStatus: 'usable',
    representationType: 'full',
    rightsInfo: licenceUrl ? { linkedRights: licenceUrl } : null,
    subjects: view.section
      ? [{ literal: view.section.slug, name: view.section.name, rel: 'section' }]
      : [],
    title: view.title,
    // Our policy keys are schema.org's NewsMediaOrganization properties: their URIs name the role.
    trustIndicators: Object.entries(trustPolicies).map(([policy, href]) => ({
      href,
      role: `https://schema.org/${policy}`,
      title: policy,
    })),
    type: 'text',
    uri,
    usageTerms,
    version,
    versionCreated: view.updatedAt,
  })
}

/** ninjs 2.x names the same properties in lower case (`pubStatus` → `pubstatus`), at every depth. */
const lowerCaseKeys = (value: NinjsValue): NinjsValue =>
  Array.isArray(value)
    ? value.map(lowerCaseKeys)
    : typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([key, inner]) => [key.toLowerCase(), lowerCaseKeys(inner)]),
        )
      : value

const inFormat = (format: NinjsFormat, item: NinjsObject): NinjsObject =>
  format === 'ninjs-3'
    ? { ...item, standard: ninjsStandard['ninjs-3'] }
    : { ...(lowerCaseKeys(item) as NinjsObject), standard: ninjsStandard['ninjs-2'] }

/** The item in the format asked for. */
export const toNinjs = (format: NinjsFormat, inputs: NinjsInputs): NinjsObject =>
  inFormat(format, toNinjs3(inputs))

/**
 * A kill: the item's identity with `pubStatus: canceled`, and none of its content (the partner must
 * take down what it has, not receive it again).
 */
export const toNinjsKill = (
  format: NinjsFormat,
  kill: {
    id: number | string
    language: null | string
    reason: string
    uri: string
    version: string
  },
): NinjsObject =>
  inFormat(
    format,
    present({
      altIds: [{ role: 'newsroom-id', value: String(kill.id) }],
      edNote: `Withdrawn (${kill.reason}): remove this item wherever it is shown.`,
      language: kill.language,
      pubStatus: 'canceled',
      type: 'text',
      uri: kill.uri,
      version: kill.version,
      versionCreated: kill.version,
    }),
  )

/** The `standard` property: which schema the item follows. */
const ninjsStandard: Record<NinjsFormat, NinjsObject> = {
  'ninjs-2': {
    name: 'ninjs',
    schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#',
    version: '2.2',
  },
  'ninjs-3': {
    name: 'ninjs',
    schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
    version: '3.1',
  },
}
