'use client'

import { Button, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

import type { WorkflowAction } from '../rules/workflow.ts'
import { translate } from '../translations/index.ts'

import {
  type ActionInput,
  postWorkflowAction,
  useWorkflowActionDrawer,
} from './workflowActions.tsx'

/** An article's workflow buttons on the desk: the same action as in its panel, then the desk reloads. */
export const DeskItemActions = ({
  actions,
  articles,
  id,
  noteLength,
  title,
}: {
  actions: WorkflowAction[]
  articles: string
  id: number | string
  noteLength: number
  title: string
}) => {
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  const run = async (action: WorkflowAction, input: ActionInput) => {
    setBusy(true)
    const { refused, warnings } = await postWorkflowAction(
      { api: `${config.serverURL}${config.routes.api}`, articles, id, language: i18n.language },
      action,
      input,
    )
    setBusy(false)
    if (refused) {
      toast.error(refused.join(' '))
      return refused
    }
    toast.success(translate(t, 'panelActionDone', { action: translate(t, `action_${action}`) }))
    if (warnings.length) {
      toast.warning(warnings.join(' '))
    }
    // The desk's counts and lists are the server's: render them again.
    router.refresh()
  }
  const { drawer, start } = useWorkflowActionDrawer({ noteLength, run })

  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8 }}>
      {actions.map((action) => (
        <Button
          aria-label={`${translate(t, `action_${action}`)}: ${title}`}
          buttonStyle={action === 'approve' || action === 'publish' ? 'primary' : 'secondary'}
          disabled={busy}
          key={action}
          margin={false}
          onClick={() => void start(action)}
          size="small"
        >
          {translate(t, `action_${action}`)}
        </Button>
      ))}
      {drawer}
    </span>
  )
}
