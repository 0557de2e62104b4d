import type { PayloadRequest } from 'payload'

import type { WorkflowAction } from '../rules/workflow.ts'

import { pluginOptionsOf } from '../utilities/pluginOptions.ts'
import {
  type DeskQueue,
  type DeskQueueKey,
  deskQueueKeys,
  loadDeskQueues,
} from '../workflow/deskQueues.ts'
import { formatInstant } from '../rules/describeProblem.ts'
import { hasAnyRole } from '../users/roles.ts'
import { type NewsroomTranslationKey, translate } from '../translations/index.ts'
import { DeskItemActions } from './DeskItemActions.tsx'

/** The actions offered on the desk, per queue: the ones an editor takes from a list (the rest are in the article). */
const deskActions: Record<DeskQueueKey, readonly WorkflowAction[]> = {
  approved: ['schedule', 'publish'],
  arrivals: [],
  assignedToMe: ['approve', 'request_changes', 'submit'],
  changesRequested: ['submit'],
  killsUndelivered: [],
  inReview: ['approve', 'request_changes'],
  possibleDuplicates: [],
  problems: [],
  rightsExpiring: [],
  scheduled: ['unschedule'],
}

/** A where clause as the admin's list URL spells it (`where[and][0][workflowState][equals]=…`). */
const whereParams = (
  where: object,
  prefix = 'where',
  params = new URLSearchParams(),
): URLSearchParams => {
  // A Where's values: nested clauses, lists (`and`, `or`, `in`) and the operators' values.
  const entries: [string, unknown][] = Object.entries(where)
  for (const [key, value] of entries) {
    const name = `${prefix}[${key}]`
    if (value !== null && typeof value === 'object') {
      whereParams(value, name, params)
    } else {
      params.append(name, String(value))
    }
  }
  return params
}

/**
 * The newsroom's desk, a dashboard widget: for the signed-in user's role, each queue's count and
 * first articles, linked to the list filtered the same way, with the workflow buttons the table
 * allows them (an editor approves from here). Read as the user, in their admin language.
 */
export const NewsroomDesk = async ({ req }: { req: PayloadRequest }) => {
  const options = pluginOptionsOf(req.payload.config)
  if (options.disabled) {
    return null
  }
  const queues = await loadDeskQueues(req, options)
  const t = (key: NewsroomTranslationKey, vars?: Record<string, unknown>) =>
    translate(req.t, key, vars)
  const articles = options.collections.articles.slug
  const admin = `${req.payload.config.serverURL}${req.payload.config.routes.admin}`
  const writer = !hasAnyRole(req.user, ['admin', 'editor'])
  const title = (queue: DeskQueue) =>
    queue.key === 'changesRequested' && writer
      ? t('deskSentBack')
      : t(`desk_${queue.key}`, { days: options.licences.expiryWarningDays })
  const ordered = [...queues].sort(
    (a, b) => deskQueueKeys.indexOf(a.key) - deskQueueKeys.indexOf(b.key),
  )

  return (
    <section
      aria-labelledby="newsroom-desk-title"
      className="card"
      data-testid="newsroom-desk"
      style={{ display: 'grid', gap: 16, padding: 16 }}
    >
      <h2 id="newsroom-desk-title" style={{ margin: 0 }}>
        {t('deskTitle')}
      </h2>
      {ordered.length === 0 ? <p>{t('deskNothingForRole')}</p> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        {ordered.map((queue) => (
          <section
            aria-labelledby={`newsroom-desk-${queue.key}`}
            data-testid={`newsroom-desk-${queue.key}`}
            key={queue.key}
            style={{ flex: '1 1 320px', minWidth: 0 }}
          >
            <h3
              id={`newsroom-desk-${queue.key}`}
              style={{
                alignItems: 'baseline',
                display: 'flex',
                fontSize: 17,
                gap: 8,
                justifyContent: 'space-between',
                margin: '0 0 8px',
              }}
            >
              <span>{title(queue)}</span>
              <a
                data-testid="newsroom-desk-count"
                style={{ fontSize: 14, whiteSpace: 'nowrap' }}
                href={`${admin}/collections/${queue.collection}?${whereParams(queue.where).toString()}`}
              >
                {t('deskSeeAll', { count: queue.count })}
              </a>
            </h3>
            {queue.items.length === 0 ? (
              <p style={{ margin: 0, opacity: 0.7 }}>{t('deskEmpty')}</p>
            ) : (
              <ul style={{ display: 'grid', gap: 8, listStyle: 'none', margin: 0, padding: 0 }}>
                {queue.items.map((item) => {
                  const actions = item.actions.filter((action) =>
                    deskActions[queue.key].includes(action),
                  )
                  return (
                    <li
                      data-testid="newsroom-desk-item"
                      key={String(item.id)}
                      style={{ borderTop: '1px solid var(--theme-elevation-100)', paddingTop: 8 }}
                    >
                      <a
                        href={`${admin}/collections/${queue.collection}/${item.id}`}
                        lang={item.language ?? undefined}
                      >
                        {item.title || t('deskUntitled')}
                      </a>
                      {item.at ? (
                        <>
                          {' · '}
                          <time dateTime={item.at}>{formatInstant(item.at)}</time>
                        </>
                      ) : null}
                      {actions.length ? (
                        <div style={{ marginTop: 4 }}>
                          <DeskItemActions
                            actions={actions}
                            articles={articles}
                            id={item.id}
                            noteLength={options.inputLimits.noteLength}
                            title={item.title}
                          />
                        </div>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  )
}
