/** What an ingest run records (the ingest-runs collection stores it; the ingest fills it in). */

export const ingestTriggers = ['api', 'poll', 'seed'] as const
export const ingestRunStatuses = [
  'running',
  'succeeded',
  'partial',
  'failed',
  'not-modified',
] as const
export type IngestRunStatus = (typeof ingestRunStatuses)[number]
/** What became of the items of one run; `received` is all of them. */
export const ingestCounts = [
  'received',
  'created',
  'updated',
  'unchanged',
  'withdrawn',
  'held',
  'refused',
  'failed',
] as const
export type IngestCounts = Record<(typeof ingestCounts)[number], number>
/** Errors and warnings listed per run: enough to act on, bounded whatever a feed holds; all are counted. */
export const maxRunErrors = 20
/** Distinct reasons counted per run. */
export const maxRunReasons = 50
