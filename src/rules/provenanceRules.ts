import canonicalize from 'canonicalize'
import { createHash } from 'node:crypto'

import type { PublishEvent } from './publishEvents.ts'

import { shownSnapshotTexts } from './disclaimerSnapshot.ts'
import { relationID } from '../utilities/documentValue.ts'
import { safeUrl, webSchemes } from '../utilities/urls.ts'
import { isRecord } from '../utilities/values.ts'

/**
 * Provenance manifests: what one publication showed readers, hashed, signed (JWS, Ed25519) and
 * chained to the article's previous manifest. The rules here are pure: the plugin writes manifests
 * with them, and the verifier (`npm run verify-provenance`, or any reader of the public chain)
 * recomputes the same hashes from the public view.
 */

export const manifestType = 'newsroom-provenance/1'
/** The JWS `typ` of a signed manifest. */
export const manifestMediaType = 'newsroom-provenance+jws'

type Doc = Record<string, any>
type ID = number | string

/** RFC 8785 (JSON Canonicalization Scheme): one byte string per JSON value, whatever its key order. */
export const canonicalJson = (value: unknown): string => canonicalize(value ?? null) ?? 'null'

/** `sha256:` and the hex digest of a value's canonical JSON. */
export const digestOf = (value: unknown): string =>
  `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`

/** The link from one manifest to the next: the digest of the previous manifest's compact JWS. */
export const chainLinkOf = (jws: string): string =>
  `sha256:${createHash('sha256').update(jws, 'utf8').digest('hex')}`

/** The events that end public display: their manifests record that nothing is shown. */
const withdrawingEvents: ReadonlySet<PublishEvent> = new Set([
  'article.unpublished',
  'article.deleted',
])

export const isWithdrawal = (event: string): boolean => withdrawingEvents.has(event as PublishEvent)

/** What a reader is served of an article's text: a retracted article's body is withheld. */
export const readerTextOf = (article: Doc) => ({
  body: article.workflowState === 'retracted' ? null : (article.body ?? null),
  standfirst: article.standfirst ?? null,
  title: article.title ?? null,
})

/** The text a reader is shown of a disclaimer: its title and short text (what the view renders). */
export const shownDisclaimerDigest = (shown: { text?: unknown; title?: unknown }): string =>
  digestOf({ text: shown.text ?? null, title: shown.title ?? null })

const idString = (value: unknown): null | string => {
  const id = relationID(value)
  return id === undefined || id === null ? null : String(id)
}

const textOrNull = (value: unknown): null | string =>
  typeof value === 'string' && value !== '' ? value : null

export type ManifestDisclaimer = {
  contentHash: null | string
  key: string
  kind: string
  /** The digest of the title and short text readers were shown (see `shownDisclaimerDigest`). */
  shown: string
  version: number
}

export type ManifestImage = {
  copyrightNotice: null | string
  credit: null | string
  id: string
  licence: null | string
  usedAs: null | string
}

export type ManifestAttribution = {
  copyrightHolder: null | string
  copyrightNotice: null | string
  creditText: null | string
  licence: null | string
  originalUrl: null | string
  rightsExpireAt: null | string
  source: null | string
  transformation: null | string
  usageTerms: null | string
}

export type ProvenanceManifest = {
  ai: null | {
    level: null | string
    responsibleEditor: null | string
    reviewedBy: null | string
    summaryProducer: null | string
  }
  article: {
    id: string
    language: null | string
    slug: null | string
    url: null | string
    /** The Payload version the publication wrote (null when withdrawn or not found). */
    version: null | string
  }
  attribution: ManifestAttribution | null
  /** Digests of what readers were served (null when the event withdrew the article). */
  content: null | { body: string; standfirst: string; title: string }
  disclaimers: ManifestDisclaimer[]
  /** Who acted: a user's ID, or the rule or ingest run that acted for no user. */
  editor: { user: null | string; via: null | string }
  event: PublishEvent
  images: ManifestImage[]
  issuedAt: string
  origin: null | string
  /** The chain link to the article's previous manifest (`chainLinkOf` its JWS), null for the first. */
  previous: null | string
  sequence: number
  type: typeof manifestType
}

export type ManifestInputs = {
  /** The article as the write left it (for a delete, as it was). */
  article: Doc
  editor: { user: ID | null; via: null | string }
  event: PublishEvent
  issuedAt: string
  previous: null | string
  sequence: number
  /** The article's public URL, when it has one. */
  url: null | string
  version: ID | null
}

const attributionOf = (article: Doc): ManifestAttribution | null => {
  if (article.origin !== 'syndicated') {
    return null
  }
  const given: Doc = isRecord(article.attribution) ? article.attribution : {}
  return {
    copyrightHolder: textOrNull(given.copyrightHolder),
    copyrightNotice: textOrNull(given.copyrightNotice),
    creditText: textOrNull(given.creditText),
    licence: textOrNull(given.licence),
    originalUrl: safeUrl(given.originalUrl, webSchemes),
    rightsExpireAt: textOrNull(given.rightsExpireAt),
    source: idString(given.source),
    transformation: textOrNull(given.transformation),
    usageTerms: textOrNull(given.usageTerms),
  }
}

const aiOf = (article: Doc): ProvenanceManifest['ai'] => {
  const disclosure: Doc = isRecord(article.aiDisclosure) ? article.aiDisclosure : {}
  const summary: Doc = isRecord(article.summary) ? article.summary : {}
  const ai = {
    level: textOrNull(disclosure.level),
    responsibleEditor: idString(disclosure.responsibleEditor),
    reviewedBy: idString(disclosure.reviewedBy),
    summaryProducer: textOrNull(summary.text) ? textOrNull(summary.producedBy) : null,
  }
  return Object.values(ai).every((value) => value === null) ? null : ai
}

/** The disclaimers a publication showed, as its snapshot (`appliedDisclaimers`) records them. */
export const manifestDisclaimersOf = (article: Doc, language: string): ManifestDisclaimer[] =>
  (Array.isArray(article.appliedDisclaimers) ? article.appliedDisclaimers : []).map(
    (applied: Doc) => {
      const texts = shownSnapshotTexts(applied, language)
      return {
        contentHash: textOrNull(applied.contentHash),
        key: String(applied.key ?? ''),
        kind: String(applied.kind ?? ''),
        shown: shownDisclaimerDigest({ text: texts.shortText, title: texts.title }),
        version: Number(applied.version) || 1,
      }
    },
  )

/** The manifest of one publication event (pure: the caller signs and stores it). */
export const manifestOf = ({
  article,
  editor,
  event,
  issuedAt,
  previous,
  sequence,
  url,
  version,
}: ManifestInputs): ProvenanceManifest => {
  const withdrawn = isWithdrawal(event)
  const language = textOrNull(article.language)
  const text = readerTextOf(article)
  return {
    ai: withdrawn ? null : aiOf(article),
    article: {
      id: String(article.id),
      language,
      slug: textOrNull(article.slug),
      url: withdrawn ? null : url,
      version: version === null ? null : String(version),
    },
    attribution: withdrawn ? null : attributionOf(article),
    content: withdrawn
      ? null
      : {
          body: digestOf(text.body),
          standfirst: digestOf(text.standfirst),
          title: digestOf(text.title),
        },
    disclaimers: withdrawn ? [] : manifestDisclaimersOf(article, language ?? ''),
    editor: {
      user: editor.user === null ? null : String(editor.user),
      via: editor.via,
    },
    event,
    images: withdrawn
      ? []
      : (Array.isArray(article.appliedImages) ? article.appliedImages : []).map(
          (image: Doc): ManifestImage => ({
            copyrightNotice: textOrNull(image.copyrightNotice),
            credit: textOrNull(image.credit),
            id: idString(image.image) ?? '',
            licence: textOrNull(image.licence),
            usedAs: textOrNull(image.usedAs),
          }),
        ),
    issuedAt,
    origin: textOrNull(article.origin),
    previous,
    sequence,
    type: manifestType,
  }
}

/** The first place two JSON values differ, as a path (`content.body`, `disclaimers[0].shown`), or null. */
export const firstDifference = (a: unknown, b: unknown, path = ''): null | string => {
  if (canonicalJson(a) === canonicalJson(b)) {
    return null
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
      const found = firstDifference(a[index], b[index], `${path}[${index}]`)
      if (found) {
        return found
      }
    }
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key)
      if (found) {
        return found
      }
    }
  }
  return path || '(whole value)'
}

/** One chain entry as served: the compact JWS and the manifest it claims to sign. */
export type ChainEntry = { jws: string; manifest: unknown }

/**
 * Problems of a chain whose signatures were checked and whose payloads are `signed` (in served
 * order): a served manifest that differs from what was signed, sequence numbers out of order, a
 * broken link, or a manifest of another article. Named in chain order, first mismatch first.
 */
export const chainProblems = (
  entries: ChainEntry[],
  signed: ProvenanceManifest[],
  articleID?: string,
): string[] => {
  const problems: string[] = []
  entries.forEach((entry, index) => {
    const manifest = signed[index]
    const name = `manifest ${index + 1}`
    const differs = firstDifference(entry.manifest, manifest)
    if (differs) {
      problems.push(`${name}: the stored manifest differs from the signed one at ${differs}`)
    }
    if (manifest.type !== manifestType) {
      problems.push(`${name}: not a ${manifestType} manifest`)
    }
    if (manifest.sequence !== index + 1) {
      problems.push(`${name}: out of order (its sequence number is ${manifest.sequence})`)
    }
    const expected = index === 0 ? null : chainLinkOf(entries[index - 1].jws)
    if (manifest.previous !== expected) {
      problems.push(
        `${name}: the chain is broken (it follows ${manifest.previous ?? 'nothing'}, expected ${expected ?? 'nothing'})`,
      )
    }
    const id = articleID ?? signed[0]?.article?.id
    if (manifest.article?.id !== id) {
      problems.push(`${name}: it is about article ${manifest.article?.id}, not ${id}`)
    }
  })
  return problems
}

/** The public view's parts the verifier compares (see `ArticleView`). */
export type ViewForProvenance = {
  attribution?: null | {
    copyrightHolder?: null | string
    copyrightNotice?: null | string
    licence?: null | string
    originalUrl?: null | string
  }
  body?: unknown
  bodyImages?: { credit?: null | string; id: ID }[]
  disclaimers?: { key: string; text?: null | string; title?: null | string }[]
  featuredImage?: { credit?: null | string; id: ID } | null
  id: ID
  standfirst?: null | string
  title?: null | string
}

/**
 * Where the public view differs from the article's last manifest: the hashes of its title,
 * standfirst and body, each disclaimer's shown text, the credits of the images shown and the
 * attribution. Empty when readers are served what the last publication signed.
 */
export const viewProblems = (last: ProvenanceManifest, view: ViewForProvenance): string[] => {
  if (!last.content) {
    return [`the article is public, but its last manifest (${last.event}) says it is not`]
  }
  const problems: string[] = []
  const text = { body: view.body ?? null, standfirst: view.standfirst ?? null, title: view.title }
  for (const field of ['title', 'standfirst', 'body'] as const) {
    if (digestOf(text[field] ?? null) !== last.content[field]) {
      problems.push(`${field}: the public view's ${field} is not the one signed`)
    }
  }
  const shown = view.disclaimers ?? []
  if (shown.map((d) => d.key).join('\n') !== last.disclaimers.map((d) => d.key).join('\n')) {
    problems.push(
      `disclaimers: shown ${JSON.stringify(shown.map((d) => d.key))}, signed ${JSON.stringify(last.disclaimers.map((d) => d.key))}`,
    )
  }
  shown.forEach((disclaimer, index) => {
    const signed = last.disclaimers[index]
    if (
      signed &&
      signed.key === disclaimer.key &&
      shownDisclaimerDigest(disclaimer) !== signed.shown
    ) {
      problems.push(
        `disclaimers[${index}] (${disclaimer.key}): the wording shown is not the one signed`,
      )
    }
  })
  const images = [...(view.featuredImage ? [view.featuredImage] : []), ...(view.bodyImages ?? [])]
  for (const image of images) {
    const signed = last.images.find((entry) => entry.id === String(image.id))
    if (!signed) {
      problems.push(`image ${image.id}: shown, but not in the signed manifest`)
    } else if ((image.credit ?? null) !== signed.credit) {
      problems.push(`image ${image.id}: its credit is not the one signed`)
    }
  }
  if (last.attribution && view.attribution) {
    for (const field of ['originalUrl', 'licence', 'copyrightHolder', 'copyrightNotice'] as const) {
      if (textOrNull(view.attribution[field]) !== last.attribution[field]) {
        problems.push(`attribution.${field}: not the one signed`)
      }
    }
  } else if (Boolean(last.attribution) !== Boolean(view.attribution)) {
    problems.push('attribution: shown and signed disagree on whether there is one')
  }
  return problems
}
