import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  FlattenedField,
  PayloadRequest,
} from 'payload'

import { ValidationError } from 'payload'

import type { InputLimits, ResolvedRateLimits } from '../types.ts'

import { unstorableFieldPath, wrongTypePaths } from './validateEveryWrite.ts'
import {
  checkLexicalDocument,
  type InternalLink,
  type LexicalProblem,
} from '../rules/lexicalDocumentRules.ts'
import { checkWhere, unknownSortField, type WhereProblem } from '../rules/whereRules.ts'
import { translate } from '../translations/index.ts'
import { refusal } from '../utilities/refusal.ts'
import { recordOf, isRecord } from '../utilities/values.ts'

/**
 * The value at `key` of a document's object or list, on a path `wrongTypePaths` gave: lists are
 * indexed by position there, and nothing else is walked into.
 */
const childAt = (node: unknown, key: string): unknown =>
  Array.isArray(node) ? node[Number(key)] : isRecord(node) ? node[key] : undefined

/** The field a dotted path names in the collection (through groups, tabs and arrays), if any. */
const fieldAtPath = (fields: FlattenedField[], path: string): FlattenedField | undefined => {
  let current: FlattenedField[] | undefined = fields
  const segments = path.split('.')
  for (const [index, segment] of segments.entries()) {
    const field: FlattenedField | undefined = current?.find(
      (candidate) => candidate.name === segment,
    )
    if (!field || index === segments.length - 1) {
      return field
    }
    current = 'flattenedFields' in field ? field.flattenedFields : undefined
  }
  return undefined
}

/** Whether a dotted path names a date field of the collection. */
const datePathTester = (fields: FlattenedField[]) => (path: string) =>
  fieldAtPath(fields, path)?.type === 'date'

const whereMessage = (req: PayloadRequest, problem: WhereProblem): string => {
  switch (problem.kind) {
    case 'invalidDate':
      return translate(req.t, 'queryInvalidDate', { path: problem.path })
    case 'listTooLong':
      return translate(req.t, 'queryListTooLong', { max: problem.max, path: problem.path })
    case 'notAnObject':
      return translate(req.t, 'queryMalformed', { path: problem.path })
    case 'tooDeep':
      return translate(req.t, 'queryTooDeep', { max: problem.max })
    case 'unknownOperator':
      return translate(req.t, 'queryUnknownOperator', { path: problem.path })
    case 'unstorable':
      return translate(req.t, 'queryUnstorable', { path: problem.path })
    case 'valueTooLong':
      return translate(req.t, 'queryValueTooLong', { max: problem.max, path: problem.path })
  }
}

const bodyMessage = (req: PayloadRequest, problems: LexicalProblem[]): string => {
  const [first] = problems
  switch (first.kind) {
    case 'disallowedLink':
      return translate(req.t, 'bodyLinkInvalid', {
        urls: problems
          .flatMap((problem) => (problem.kind === 'disallowedLink' ? [problem.url] : []))
          .join(', '),
      })
    case 'invalidNode':
      return translate(req.t, 'bodyInvalidNode', { path: first.path, reason: first.reason })
    case 'notADocument':
      return translate(req.t, 'bodyNotADocument')
    case 'tooDeep':
      return translate(req.t, 'bodyTooDeep', { max: first.maxDepth })
    case 'tooLarge':
      return translate(req.t, first.what === 'nodes' ? 'bodyTooManyNodes' : 'bodyTooMuchText', {
        max: first.limit,
      })
    case 'unknownLinkTarget':
      return translate(req.t, 'bodyLinkTargetUnknown', { path: first.path })
  }
}

/** Internal links whose document does not exist (one query per linked collection). */
const missingLinkTargets = async (
  req: PayloadRequest,
  links: InternalLink[],
): Promise<InternalLink[]> => {
  const missing: InternalLink[] = []
  for (const collection of new Set(links.map((link) => link.collection))) {
    const wanted = links.filter((link) => link.collection === collection)
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      limit: wanted.length,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { id: { in: wanted.map((link) => link.id) } },
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    missing.push(...wanted.filter((link) => !found.has(String(link.id))))
  }
  return missing
}

/** The locale parameters, with the values each takes besides a locale code. */
const localeParameters: readonly (readonly [parameter: string, extra: readonly string[]])[] = [
  ['locale', []],
  ['fallback-locale', ['none', 'null', 'false']],
]

/**
 * `?locale=` and `?fallback-locale=` must name a locale of the config (or `all`; `none`, `null` and
 * `false` turn the fallback off): Payload would quietly answer an unknown one (`xx`, `constructor`)
 * in the default locale. GraphQL checks its own (an enum).
 */
const checkLocaleParameters = (req: PayloadRequest) => {
  const localization = req.payload.config.localization
  if (!localization || !req.searchParams) {
    return
  }
  const codes = new Set(['all', ...localization.localeCodes])
  for (const [parameter, extra] of localeParameters) {
    const value = req.searchParams.get(parameter)
    if (value !== null && value !== '' && !codes.has(value) && !extra.includes(value)) {
      throw refusal(
        translate(req.t, 'queryLocaleUnknown', { locales: [...codes].join(', '), parameter }),
        400,
        parameter,
      )
    }
  }
}

/** A whole number in range, or undefined when the parameter was not given. */
const checkWholeNumber = (
  req: PayloadRequest,
  name: string,
  value: unknown,
  min: number,
  max: number,
) => {
  if (value === undefined || value === null || value === '') {
    return
  }
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) {
    throw refusal(
      translate(req.t, 'queryParameterInvalid', { max, min, parameter: name }),
      400,
      name,
    )
  }
}

/**
 * Bounds every REST and GraphQL operation on the collection before Payload touches its arguments:
 * the public's read rate, page size, page, depth and the `where` clause (shape, nesting, list
 * lengths, dates). The Local API
 * (server code, seeds, jobs) is trusted and not bounded.
 */
export const limitQueries =
  (limits: InputLimits, rateLimit: ResolvedRateLimits): CollectionBeforeOperationHook =>
  ({ args, collection, operation, overrideAccess, req }) => {
    if (req.payloadAPI === 'local') {
      return args
    }
    // Reads the server makes for itself with access overridden (authenticating the user, plugin
    // lookups) are not the public's.
    if (operation === 'read' && !overrideAccess) {
      rateLimit.checkPublicRead(req)
    }
    // Whichever of these the operation takes (a login takes none of them).
    const { depth, limit, page, sort, where } = recordOf(args)
    checkLocaleParameters(req)
    checkWholeNumber(req, 'limit', limit, 1, limits.query.maxLimit)
    checkWholeNumber(req, 'page', page, 1, limits.query.maxPage)
    checkWholeNumber(req, 'depth', depth, 0, limits.query.maxDepth)
    const problem = checkWhere(where, limits.where, datePathTester(collection.flattenedFields))
    if (problem) {
      throw refusal(whereMessage(req, problem), 400, 'where')
    }
    const badSort = unknownSortField(
      sort,
      (path) => fieldAtPath(collection.flattenedFields, path) !== undefined,
    )
    if (badSort !== undefined) {
      throw refusal(translate(req.t, 'querySortUnknown', { sort: badSort }), 400, 'sort')
    }
    return args
  }

/**
 * The written document must be an object whose values have the schema's types, and its rich text a
 * valid body (shape, size, depth, link schemes): checked first, on every surface, drafts included, before Payload's own traversal of
 * the document could be made to recurse 10,000 levels deep.
 */
export const checkDocumentInput =
  ({
    bodyField,
    limits,
    linkCollections = [],
    uploadCollections = [],
  }: {
    bodyField?: string
    limits: InputLimits
    /** Collections the body's internal links may point to. */
    linkCollections?: string[]
    /** Collections the body's images may come from. */
    uploadCollections?: string[]
  }): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') {
      return args
    }
    const { data }: { data?: unknown } = args
    if (data === undefined) {
      return args
    }
    if (!isRecord(data)) {
      throw refusal(translate(req.t, 'documentNotAnObject'), 400, 'data')
    }
    const unstorable = unstorableFieldPath(collection.flattenedFields, data)
    if (unstorable !== undefined) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [{ message: translate(req.t, 'valueUnstorable'), path: unstorable }],
        },
        req.t,
      )
    }
    const wrongTypes = wrongTypePaths(collection.flattenedFields, data)
    if (wrongTypes.length > 0) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: wrongTypes.slice(0, 20).map((path) => {
            // A date of the right type is out of range: say so rather than "wrong type".
            const value = path.split('.').reduce<unknown>(childAt, data)
            const isDate = typeof value === 'string' && !Number.isNaN(new Date(value).getTime())
            return { message: translate(req.t, isDate ? 'dateOutOfRange' : 'valueWrongType'), path }
          }),
        },
        req.t,
      )
    }
    if (bodyField && data[bodyField] !== undefined && data[bodyField] !== null) {
      const { internalLinks, problems } = checkLexicalDocument(
        data[bodyField],
        limits.body,
        linkCollections,
        uploadCollections,
      )
      const missing = problems.length > 0 ? [] : await missingLinkTargets(req, internalLinks)
      if (problems.length > 0 || missing.length > 0) {
        const message =
          problems.length > 0
            ? bodyMessage(req, problems)
            : translate(req.t, 'bodyLinkTargetUnknown', { path: missing[0].path })
        throw new ValidationError(
          { collection: collection.slug, errors: [{ message, path: bodyField }] },
          req.t,
        )
      }
    }
    return args
  }
