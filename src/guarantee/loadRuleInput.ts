import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import {
  type RuleArticle,
  type RuleDisclaimer,
  type RuleInput,
  type RuleSection,
  type RuleSource,
  toRuleSource,
} from '../rules/publishRules.ts'
import type { ImageUse, RuleImage } from '../rules/imageRules.ts'
import type { DisclaimerAllLocales } from '../rules/disclaimerSnapshot.ts'

import { relationIDs } from '../utilities/documentValue.ts'
import { findByIDOnce, rememberFound } from '../utilities/requestCache.ts'
import { keepRequestLocale } from '../utilities/keepRequestLocale.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'

type ID = number | string
/** A disclaimer as the rules and the snapshot read it: every field, in every locale (`locale: 'all'`). */
export type StoredDisclaimer = DisclaimerAllLocales & RuleDisclaimer

export type StoredImage = RuleImage & { copyrightNotice?: null | string }

/** The images, their texts in the article's language only: alt text in another language is no alt text for this reader. */
const loadImages = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  uses: { id: ID }[],
  language: string,
) => {
  const ids = [...new Set(uses.map((use) => use.id))]
  if (ids.length === 0) {
    return new Map<string, Omit<StoredImage, 'usedAs'>>()
  }
  const { docs } = await findDocuments<
    Omit<StoredImage, 'id' | 'usedAs'> & { externalUrl?: null | string }
  >(req.payload, {
    collection: options.collections.media.slug,
    depth: 0,
    fallbackLocale: false,
    locale: language,
    overrideAccess: true,
    pagination: false,
    req,
    select: {
      alt: true,
      copyrightNotice: true,
      credit: true,
      externalUrl: true,
      filename: true,
      licence: true,
      origin: true,
      rightsExpireAt: true,
    },
    where: { id: { in: ids } },
  })
  // An image its source hosts is named by its address.
  return new Map<string, Omit<StoredImage, 'usedAs'>>(
    docs.map(({ externalUrl, ...doc }) => [
      String(doc.id),
      { ...doc, filename: doc.filename ?? externalUrl },
    ]),
  )
}

/**
 * Everything the rules need besides the article: its source and section, and in one query every
 * disclaimer that is attached or could be auto-attached (with its texts in all locales, for the snapshot).
 */
export const loadRuleInput = keepRequestLocale(
  async (
    req: PayloadRequest,
    options: ResolvedNewsroomOptions,
    article: RuleArticle,
    sectionID: ID | undefined,
    language: string,
    /** The images the article shows (`imageUses` of the document). */
    uses: { id: ID; usedAs: ImageUse }[] = [],
  ): Promise<
    Omit<RuleInput, 'disclaimers' | 'images'> & {
      disclaimers: Map<ID, StoredDisclaimer>
      images: StoredImage[]
    }
  > => {
    const { collections } = options
    const sourceID = article.attribution?.source ?? undefined
    const [sourceDoc, sectionDoc, imageDocs] = await Promise.all([
      sourceID !== undefined && sourceID !== null
        ? findByIDOnce(req, collections.sources.slug, sourceID, language)
        : null,
      sectionID !== undefined ? findByIDOnce(req, collections.sections.slug, sectionID) : null,
      loadImages(req, options, uses, language),
    ])
    const source: null | RuleSource = sourceDoc ? toRuleSource(sourceDoc) : null
    const section: null | RuleSection = sectionDoc
      ? {
          defaultDisclaimers: relationIDs(sectionDoc.defaultDisclaimers),
          // A select with hasMany: a list, or null when none was chosen.
          requiredDisclaimerKinds: Array.isArray(sectionDoc.requiredDisclaimerKinds)
            ? sectionDoc.requiredDisclaimerKinds
            : [],
        }
      : null

    const wantedIDs = [
      ...new Set([
        ...article.disclaimers,
        ...(source?.defaultDisclaimers ?? []),
        ...(section?.defaultDisclaimers ?? []),
      ]),
    ]
    const globalKeys = Object.values(options.defaultDisclaimerKeys).filter((key): key is string =>
      Boolean(key),
    )
    const { docs } =
      wantedIDs.length + globalKeys.length === 0
        ? { docs: [] }
        : await findDocuments<StoredDisclaimer>(req.payload, {
            collection: collections.disclaimers.slug,
            depth: 0,
            // Never the `articles` join: it lists every article using the disclaimer, a cost that grows with the archive.
            joins: false,
            locale: 'all',
            overrideAccess: true,
            pagination: false,
            req,
            where: {
              or: [
                ...(wantedIDs.length > 0 ? [{ id: { in: wantedIDs } }] : []),
                ...(globalKeys.length > 0 ? [{ key: { in: globalKeys } }] : []),
              ],
            },
          })
    rememberFound(req, collections.disclaimers.slug, docs)
    const disclaimers = new Map<ID, StoredDisclaimer>(docs.map((doc) => [doc.id, doc]))
    const globalDefaults = Object.fromEntries(
      Object.entries(options.defaultDisclaimerKeys)
        .map(
          ([kind, key]) =>
            [kind, [...disclaimers.values()].find((doc) => doc.key === key)?.id] as const,
        )
        .filter(([, id]) => id !== undefined),
    )

    return {
      article,
      autoAttach: options.autoAttachDisclaimers,
      disclaimers,
      globalDefaults,
      images: uses.flatMap(({ id, usedAs }) => {
        const image = imageDocs.get(String(id))
        return image ? [{ ...image, usedAs }] : []
      }),
      now: new Date(),
      section,
      source,
    }
  },
)
