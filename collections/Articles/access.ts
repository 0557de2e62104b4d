import type { Access, FieldAccess, Where } from 'payload'

import { plannedTransition } from '../../src/workflow/enforceWorkflow.ts'
import { hasAnyRole } from '../../src/users/roles.ts'
import { recordOf } from '../../src/utilities/values.ts'

const published: Where = { _status: { equals: 'published' } }

/**
 * Who reads which articles: the public and ingest clients only published ones (ingest also its own
 * deliveries), writers their own, those in review and published ones, editors and admins everything.
 */
export const readArticles: Access = ({ req: { user } }) => {
  if (!user) {
    return published
  }
  if (hasAnyRole(user, ['admin', 'editor'])) {
    return true
  }
  const own: Where = { createdBy: { equals: user.id } }
  if (hasAnyRole(user, ['writer'])) {
    return { or: [published, own, { workflowState: { equals: 'in_review' } }] }
  }
  return hasAnyRole(user, ['ingest']) ? { or: [published, own] } : published
}

/** Writers and ingest clients never publish: a request that would is refused, which also hides Publish in the admin. */
const publishes = (data: unknown) => recordOf(data)._status === 'published'

export const createArticles: Access = ({ data, req: { user } }) => {
  if (hasAnyRole(user, ['admin', 'editor'])) {
    return true
  }
  if (publishes(data)) {
    return false
  }
  if (hasAnyRole(user, ['writer'])) {
    return true
  }
  // Ingest delivers syndicated drafts, nothing else.
  return hasAnyRole(user, ['ingest']) && recordOf(data).origin === 'syndicated'
}

export const updateArticles: Access = ({ data, req }) => {
  const { user } = req
  if (hasAnyRole(user, ['admin', 'editor'])) {
    return true
  }
  if (!user) {
    return false
  }
  // Ingest clients publish only through a workflow action their source's policy allowed (src/rules/ingestRules.ts).
  if (publishes(data) && !(hasAnyRole(user, ['ingest']) && plannedTransition(req))) {
    return false
  }
  const own: Where = { createdBy: { equals: user.id } }
  if (hasAnyRole(user, ['writer'])) {
    return { and: [own, { workflowState: { in: ['draft', 'changes_requested'] } }] }
  }
  if (hasAnyRole(user, ['ingest'])) {
    // Its own syndicated copies, until withdrawn: new versions of the item, and the withdrawal itself.
    return {
      and: [
        own,
        { workflowState: { not_in: ['retracted', 'archived'] } },
        { origin: { equals: 'syndicated' } },
      ],
    }
  }
  return false
}

/** History (drafts, earlier versions) is for the newsroom's editors; writers see their own articles' history. */
export const readArticleVersions: Access = ({ req: { user } }) => {
  if (hasAnyRole(user, ['admin', 'editor'])) {
    return true
  }
  return user && hasAnyRole(user, ['writer']) ? { 'version.createdBy': { equals: user.id } } : false
}

export const signedIn: FieldAccess = ({ req: { user } }) => Boolean(user)

/**
 * Editors and admins may delete only what never reached readers: a draft never published and not
 * scheduled. Published articles are retracted or archived instead, so readers' links and the audit
 * trail keep their subject (`publishedAt` is set by the first publication and never cleared).
 */
const neverPublished: Where = {
  and: [{ publishedAt: { exists: false } }, { workflowState: { not_equals: 'scheduled' } }],
}

export const deleteArticles: Access = ({ req: { user } }) =>
  hasAnyRole(user, ['admin', 'editor']) ? neverPublished : false
