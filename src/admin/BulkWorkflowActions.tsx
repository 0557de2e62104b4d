'use client'

import { Button, toast, useAuth, useConfig, useSelection, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useId, useState } from 'react'

import { type NewsroomTranslationKey, translate } from '../translations/index.ts'
import { userRoles } from '../users/roles.ts'
import { isOneOf } from '../utilities/values.ts'
import { transitions, type WorkflowAction } from '../rules/workflow.ts'
import { type ActionInput, refusalMessages, useWorkflowActionDrawer } from './workflowActions.tsx'

/** What an editor does to many articles at once from the list; the rest is done one article at a time. */
const bulkActions: readonly WorkflowAction[] = [
  'submit',
  'approve',
  'publish',
  'schedule',
  'archive',
]

type BulkResult = {
  errors?: { path: string; reason: string }[]
  id: number | string
  ok: boolean
  title?: string
}

export type BulkWorkflowActionsSettings = {
  articles: string
  disabled: boolean
  noteLength: number
}

/**
 * Above the articles list: one workflow action on the selected articles. Each goes through the same
 * action and guarantee as in its own panel (`POST /api/<articles>/workflow`); the answer lists what
 * was done and what was refused, with the reasons, and the list reloads.
 */
export const BulkWorkflowActions = ({ settings }: { settings: BulkWorkflowActionsSettings }) => {
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const tr = (key: NewsroomTranslationKey, vars?: Record<string, unknown>) =>
    translate(t, key, vars)
  const { user } = useAuth()
  const { selectedIDs } = useSelection()
  const router = useRouter()
  const selectID = useId()
  const roles = userRoles(user)
  // Only actions this user's role may take from some state: no button the server would refuse for the role.
  const offered = bulkActions.filter((action) =>
    transitions.some(
      (transition) =>
        transition.action === action && transition.roles.some((role) => roles.includes(role)),
    ),
  )
  const [action, setAction] = useState<WorkflowAction | undefined>(offered[0])
  const [results, setResults] = useState<BulkResult[]>()
  const [busy, setBusy] = useState(false)

  const run = async (chosen: WorkflowAction, input: ActionInput) => {
    setBusy(true)
    const response = await fetch(
      `${config.serverURL}${config.routes.api}/${settings.articles}/workflow`,
      {
        body: JSON.stringify({ action: chosen, ids: selectedIDs, ...input }),
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language, 'Content-Type': 'application/json' },
        method: 'POST',
      },
    )
    setBusy(false)
    const body = await response.json().catch(() => ({}))
    if (!Array.isArray(body.results)) {
      const messages = refusalMessages(body)
      toast.error(messages.join(' ') || response.statusText)
      return messages
    }
    setResults(body.results)
    if (body.done > 0) {
      router.refresh()
    }
  }
  const { drawer, start } = useWorkflowActionDrawer({ noteLength: settings.noteLength, run })

  if (settings.disabled || offered.length === 0) {
    return null
  }
  const done = results?.filter((result) => result.ok) ?? []
  const refused = results?.filter((result) => !result.ok) ?? []
  return (
    <div
      data-testid="newsroom-bulk"
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        marginBottom: 16,
        padding: 12,
      }}
    >
      <div style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <label htmlFor={selectID}>{tr('bulkLabel', { count: selectedIDs.length })}</label>
        <select
          id={selectID}
          onChange={({ target: { value } }) => {
            // Always one of the options below.
            if (isOneOf(offered, value)) {
              setAction(value)
            }
          }}
          value={action}
        >
          {offered.map((value) => (
            <option key={value} value={value}>
              {tr(`action_${value}`)}
            </option>
          ))}
        </select>
        <Button
          buttonStyle="primary"
          disabled={busy || !action || selectedIDs.length === 0}
          margin={false}
          onClick={() => action && void start(action)}
          size="small"
        >
          {tr('bulkApply', { count: selectedIDs.length })}
        </Button>
      </div>
      {results ? (
        <div aria-live="polite" data-testid="newsroom-bulk-results" style={{ marginTop: 8 }}>
          <p style={{ margin: '4px 0' }}>
            {tr('bulkSummary', { done: done.length, refused: refused.length })}
          </p>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {refused.map((result) => (
              <li
                data-testid="newsroom-bulk-refused"
                key={String(result.id)}
                style={{ color: 'var(--theme-error-500)' }}
              >
                <strong>{result.title ?? String(result.id)}</strong>:{' '}
                {result.errors?.map((error) => error.reason).join(' ')}
              </li>
            ))}
            {done.map((result) => (
              <li data-testid="newsroom-bulk-done" key={String(result.id)}>
                ✓ {result.title ?? String(result.id)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {drawer}
    </div>
  )
}
