import type { CollectionBeforeChangeHook, CollectionSlug, Where } from 'payload'

import { ValidationError } from 'payload'

import { type NewsroomTranslationKey, translate } from '../translations/index.ts'
import type { ResolvedNewsroomOptions } from '../types.ts'

import { relationID, valueAfterWrite } from '../utilities/documentValue.ts'
import { takeLocks, uniquenessLock } from './writeLocks.ts'

type EnsureUniqueArgs = {
  collection: CollectionSlug
  /** The field that must be unique, as a dotted path; the error is reported on it. */
  field: string
  message: NewsroomTranslationKey
  options: ResolvedNewsroomOptions
  /** The check's position among the checks one write runs (0 first), which orders their locks. */
  rank: number
  /** Fields that scope the uniqueness (unique per language, per source…). A missing scope value skips the check. */
  scope: string[]
}

const comparable = (value: unknown) => relationID(value) ?? value

/**
 * A field-level 400 instead of a database error when a value is already taken within its scope:
 * slug per language, source item per source, one translation per language of an article.
 */
export const ensureUniqueWithin =
  ({
    collection,
    field,
    message,
    options,
    rank,
    scope,
  }: EnsureUniqueArgs): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const value = comparable(valueAfterWrite(data, originalDoc, field))
    const scopeValues = scope.map(
      (path) => [path, comparable(valueAfterWrite(data, originalDoc, path))] as const,
    )
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      scopeValues.some(([, v]) => v === undefined || v === null)
    ) {
      return data
    }
    // Unchanged since the stored document: it was checked when it was written (publishing is such a write).
    const unchanged =
      originalDoc !== undefined &&
      value === comparable(valueAfterWrite(undefined, originalDoc, field)) &&
      scopeValues.every(
        ([path, scopeValue]) =>
          scopeValue === comparable(valueAfterWrite(undefined, originalDoc, path)),
      )
    if (unchanged) {
      return data
    }
    const where: Where = {
      and: [
        { [field]: { equals: value } },
        ...scopeValues.map(([path, scopeValue]) => ({ [path]: { equals: scopeValue } })),
        ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    }
    // Concurrent writers of the same value wait for each other here, then count what was committed.
    await takeLocks(req, options, [
      uniquenessLock(
        rank,
        collection,
        field,
        value,
        scopeValues.map(([, scopeValue]) => scopeValue),
      ),
    ])
    // An integrity check, not a read on the user's behalf: it must see documents the user cannot.
    const { totalDocs } = await req.payload.count({ collection, overrideAccess: true, req, where })
    if (totalDocs > 0) {
      throw new ValidationError(
        { collection, errors: [{ message: translate(req.t, message), path: field }] },
        req.t,
      )
    }
    return data
  }
