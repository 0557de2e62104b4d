import type { BasePayload, PaginatedDocs, TypeWithID } from 'payload'

/**
 * The plugin's collections have slugs the host chooses, so Payload's Local API cannot know their
 * document types: it gives records of unknown values. These wrappers let a caller name the shape it
 * selected, in one place, instead of a cast at every call.
 */

type FindArgs = Parameters<BasePayload['find']>[0]
type FindByIDArgs = Parameters<BasePayload['findByID']>[0]

export const findDocuments = async <T extends object>(
  payload: BasePayload,
  args: FindArgs,
): Promise<PaginatedDocs<T & TypeWithID>> =>
  // The caller names the fields it selected; Payload checked the query, not the shape.
  (await payload.find(args)) as unknown as PaginatedDocs<T & TypeWithID>

export const findDocumentByID = async <T extends object>(
  payload: BasePayload,
  args: FindByIDArgs,
): Promise<(T & TypeWithID) | null> =>
  // As findDocuments; null when `disableErrors` finds nothing.
  (await payload.findByID(args)) as unknown as (T & TypeWithID) | null
