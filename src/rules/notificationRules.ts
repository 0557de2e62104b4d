import { ownValue } from '../utilities/ownValue.ts'

/**
 * Who is told what, and how (docs/workflow.md, "Notifications"), free of I/O: the server decides with
 * these, the tests read them, the admin labels the same kinds.
 */
export const notificationKinds = [
  'submitted',
  'changes_requested',
  'approved',
  'assigned',
  'ingest_withdrawn',
  'summary_failed',
  'rights_ending',
  'partner_kill_undelivered',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** What a notification's email is waiting for: sent at once, in the next digest, or not at all. */
export const notificationEmailStates = ['none', 'pending', 'digest', 'sent', 'failed'] as const
export type NotificationEmailState = (typeof notificationEmailStates)[number]

/** A user's choices (their account's "Notifications"): what they do not want, per channel. */
export type NotificationPreferences = {
  /** One email a day listing everything, instead of one email per event. */
  emailDigest?: boolean | null
  mutedEmail?: null | readonly string[]
  mutedInAdmin?: null | readonly string[]
}

export type NotificationDelivery = {
  /** Shown under the admin's bell. */
  admin: boolean
  email: 'digest' | 'none' | 'pending'
}

/**
 * How one user receives a notification of `kind`. Everything is on until they turn it off, so an
 * account made before notifications existed is told too.
 */
export const deliveryFor = (
  kind: NotificationKind,
  preferences: NotificationPreferences | null | undefined,
  hasEmail: boolean,
): NotificationDelivery => {
  // A host's own field of the same name may hold anything: only a list mutes.
  const mutes = (list: unknown) => Array.isArray(list) && list.includes(kind)
  const admin = !mutes(preferences?.mutedInAdmin)
  if (!hasEmail || mutes(preferences?.mutedEmail)) {
    return { admin, email: 'none' }
  }
  return { admin, email: preferences?.emailDigest ? 'digest' : 'pending' }
}

const kindOfAction: Readonly<Record<string, NotificationKind>> = {
  approve: 'approved',
  request_changes: 'changes_requested',
  submit: 'submitted',
}

/** Actions by which an ingest takes its copy off the site when the agency kills the item. */
const withdrawals: readonly string[] = ['archive', 'retract', 'unpublish']

/** The notification an audit event calls for, if any: `byIngest` when an ingest run took the action. */
export const kindOfWorkflowEvent = (
  action: string,
  byIngest: boolean,
): NotificationKind | undefined => {
  if (byIngest && withdrawals.includes(action)) {
    return 'ingest_withdrawn'
  }
  return byIngest ? undefined : ownValue(kindOfAction, action)
}

type ID = number | string

/**
 * The people to tell, each once, without the one who acted: nobody is told of their own action.
 * IDs are compared as text, whatever type the database gives them.
 */
export const recipientsOf = (
  candidates: readonly (ID | null | undefined)[],
  actor: ID | null | undefined,
): ID[] => {
  const seen = new Set<string>(actor === null || actor === undefined ? [] : [String(actor)])
  const recipients: ID[] = []
  for (const candidate of candidates) {
    if (candidate === null || candidate === undefined || seen.has(String(candidate))) {
      continue
    }
    seen.add(String(candidate))
    recipients.push(candidate)
  }
  return recipients
}

/** A subject line: one line (a title cannot add headers), at most `max` characters. */
export const subjectLine = (text: string, max = 200): string => {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const line = text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
