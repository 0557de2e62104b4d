'use client'

import { Button, Drawer, useModal, useTranslation } from '@payloadcms/ui'
import { type FormEvent, useCallback, useId, useState } from 'react'

import { type WorkflowAction, workflowInputProblems } from '../rules/workflow.ts'
import { type NewsroomTranslationKey, translate } from '../translations/index.ts'

/** What an action is given besides the articles: its note and, to schedule, the publication time. */
export type ActionInput = { note?: string; publishAt?: string }

/** A refusal's messages, as the server words them (field errors first). */
export const refusalMessages = (body: {
  errors?: { data?: { errors?: { message: string }[] }; message?: string }[]
}): string[] =>
  (body.errors ?? []).flatMap(
    (error) =>
      error.data?.errors?.map((entry) => entry.message) ?? (error.message ? [error.message] : []),
  )

/**
 * Sends a workflow action on one article (`POST /api/<articles>/:id/workflow`) in the admin's
 * language: the refusal's messages when the server refused it; when it went through, what the
 * publish rules warn of at this step (`warnings`, empty for most actions).
 */
export const postWorkflowAction = async (
  {
    api,
    articles,
    id,
    language,
  }: { api: string; articles: string; id: number | string; language: string },
  action: WorkflowAction,
  input: ActionInput,
): Promise<{ refused?: string[]; warnings: string[] }> => {
  const response = await fetch(`${api}/${articles}/${id}/workflow`, {
    body: JSON.stringify({ action, ...input }),
    credentials: 'include',
    headers: { 'Accept-Language': language, 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const body = await response.json().catch(() => ({}))
  if (response.ok) {
    const warnings: { message?: unknown }[] = Array.isArray(body.warnings) ? body.warnings : []
    return { warnings: warnings.map((warning) => String(warning.message ?? '')).filter(Boolean) }
  }
  const messages = refusalMessages(body)
  return { refused: messages.length ? messages : [response.statusText], warnings: [] }
}

/** Where the article view keeps an action's warnings across the reload that follows it. */
export const pendingWarningsKey = 'payload-newsroom:workflow-warnings'

/** The actions that ask for something before they run: a note (the workflow table says which), or a time. */
export const actionNeedsInput = (action: WorkflowAction, noteLength: number) =>
  workflowInputProblems(action, {}, { noteLength, now: new Date() }).length > 0

/** The `datetime-local` value an hour from now, in the browser's time zone. */
const anHourFromNow = () => {
  const date = new Date(Date.now() + 3_600_000)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/**
 * Asks, in Payload's drawer, what an action needs (a note; a publication time), checked by the
 * server's own rule as the user types, and shows the server's refusal where it was asked.
 * `run` sends the action and answers the refusal's messages, or nothing when it went through.
 */
export const useWorkflowActionDrawer = ({
  noteLength,
  run,
}: {
  noteLength: number
  run: (action: WorkflowAction, input: ActionInput) => Promise<string[] | void>
}) => {
  const drawerSlug = `newsroom-workflow-${useId().replace(/[^a-z0-9]/gi, '')}`
  const { closeModal, openModal } = useModal()
  const { t } = useTranslation()
  const [action, setAction] = useState<WorkflowAction>()

  /** Runs `action` at once, or first asks what it needs. */
  const start = useCallback(
    async (next: WorkflowAction) => {
      if (actionNeedsInput(next, noteLength)) {
        setAction(next)
        openModal(drawerSlug)
        return
      }
      await run(next, {})
    },
    [drawerSlug, noteLength, openModal, run],
  )

  const drawer = (
    <Drawer slug={drawerSlug} title={action ? translate(t, `action_${action}`) : ''}>
      {action ? (
        <ActionForm
          action={action}
          close={() => closeModal(drawerSlug)}
          key={action}
          noteLength={noteLength}
          run={run}
        />
      ) : null}
    </Drawer>
  )
  return { drawer, start }
}

const ActionForm = ({
  action,
  close,
  noteLength,
  run,
}: {
  action: WorkflowAction
  close: () => void
  noteLength: number
  run: (action: WorkflowAction, input: ActionInput) => Promise<string[] | void>
}) => {
  const { t } = useTranslation()
  const tr = (key: NewsroomTranslationKey, vars?: Record<string, unknown>) =>
    translate(t, key, vars)
  const ids = useId()
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState(anHourFromNow)
  const [messages, setMessages] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const asksNote = workflowInputProblems(action, {}, { noteLength, now: new Date() }).some(
    (problem) => problem.path === 'note',
  )
  const asksTime = action === 'schedule'
  const input: ActionInput = {
    note: note.trim() ? note : undefined,
    publishAt: asksTime && publishAt ? new Date(publishAt).toISOString() : undefined,
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const problems = workflowInputProblems(action, input, { noteLength, now: new Date() })
    if (problems.length > 0) {
      return setMessages(problems.map((problem) => tr(problem.key, { max: noteLength })))
    }
    setBusy(true)
    const refused = await run(action, input)
    setBusy(false)
    if (refused?.length) {
      setMessages(refused)
    } else {
      close()
    }
  }

  return (
    <form
      data-testid="newsroom-action-drawer"
      noValidate
      onSubmit={submit}
      style={{ display: 'grid', gap: 16, maxWidth: 640 }}
    >
      {asksNote ? (
        <div className="field-type textarea">
          <label className="field-label" htmlFor={`${ids}-note`}>
            {tr('workflowNote')} <span className="required">*</span>
          </label>
          <textarea
            aria-describedby={`${ids}-count`}
            autoFocus
            id={`${ids}-note`}
            maxLength={noteLength}
            onChange={(event) => setNote(event.target.value)}
            required
            rows={5}
            style={{ width: '100%' }}
            value={note}
          />
          <small id={`${ids}-count`}>
            {note.length} / {noteLength}
          </small>
        </div>
      ) : null}
      {asksTime ? (
        <div className="field-type date">
          <label className="field-label" htmlFor={`${ids}-when`}>
            {tr('panelPublishAt')} <span className="required">*</span>
          </label>
          <input
            autoFocus={!asksNote}
            id={`${ids}-when`}
            onChange={(event) => setPublishAt(event.target.value)}
            required
            type="datetime-local"
            value={publishAt}
          />
        </div>
      ) : null}
      {messages.length ? (
        <ul
          data-testid="newsroom-action-errors"
          role="alert"
          style={{ color: 'var(--theme-error-500)', margin: 0, paddingLeft: 18 }}
        >
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button buttonStyle="primary" disabled={busy} margin={false} type="submit">
          {tr(`action_${action}`)}
        </Button>
        <Button buttonStyle="secondary" disabled={busy} margin={false} onClick={close}>
          {t('general:cancel')}
        </Button>
      </div>
    </form>
  )
}
