'use client'

import type { UIFieldClientComponent } from 'payload'

import { Button, toast, useConfig, useDocumentInfo, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import { evaluatePublishRules, type RuleDisclaimer } from '../../rules/publishRules.ts'
import { relationID, relationIDs } from '../../utilities/documentValue.ts'

type ID = number | string
type Doc = Record<string, any>
export type ArticlePanelSettings = {
  autoAttach: boolean
  defaultDisclaimerKeys: Record<string, string>
  slugs: { articles: string; disclaimers: string; sections: string; sources: string }
}


/**
 * The article's publication checklist and workflow actions, in the sidebar. The checklist is the
 * server's own rule function (`evaluatePublishRules`) run on the form as the editor edits it; the
 * actions are the ones the workflow table allows this user from the article's state.
 */
export const ArticlePanel: UIFieldClientComponent = ({ field }) => {
  const settings = field.admin?.custom as ArticlePanelSettings
  const { id } = useDocumentInfo()
  const { i18n, t } = useTranslation()
  const tr = (key: string, vars?: Record<string, unknown>) => t(`newsroom:${key}` as never, vars as never)
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  // Actions apply to the stored draft: wait for autosave to store what is on screen, or a writer's
  // last edits would be refused once the article has left their hands.
  const unsaved = useFormModified()
  // French sets a (non-breaking) space before a colon.
  const colon = tr('labelSeparator')

  const origin = useFormFields(([fields]) => fields.origin?.value) as string | undefined
  const source = useFormFields(([fields]) => relationID(fields['attribution.source']?.value))
  const originalUrl = useFormFields(([fields]) => fields['attribution.originalUrl']?.value) as string | undefined
  const creditText = useFormFields(([fields]) => fields['attribution.creditText']?.value) as string | undefined
  const section = useFormFields(([fields]) => relationID(fields.section?.value))
  const attached = useFormFields(([fields]) => relationIDs(fields.disclaimers?.value))
  const aiLevel = useFormFields(([fields]) => fields['aiDisclosure.level']?.value) as string | undefined
  const reviewedBy = useFormFields(([fields]) => fields['aiDisclosure.reviewedBy']?.value)
  const reviewedAt = useFormFields(([fields]) => fields['aiDisclosure.reviewedAt']?.value)
  const applied = useFormFields(([fields]) => fields.appliedDisclaimers?.value) as number | undefined

  const [related, setRelated] = useState<{ disclaimers: Doc[]; section: Doc | null; source: Doc | null }>()
  const [workflow, setWorkflow] = useState<{ actions: string[]; audit: Doc[] | null; state: string }>()
  const [busy, setBusy] = useState(false)

  const attachedKey = attached.join(',')
  useEffect(() => {
    const get = (path: string) =>
      fetch(`${api}${path}`, { credentials: 'include', headers: { 'Accept-Language': i18n.language } }).then((response) =>
        response.ok ? response.json() : null,
      )
    const load = async () => {
      const [sourceDoc, sectionDoc] = await Promise.all([
        source ? get(`/${settings.slugs.sources}/${source}?depth=0&locale=${i18n.language}`) : null,
        section ? get(`/${settings.slugs.sections}/${section}?depth=0&locale=${i18n.language}`) : null,
      ])
      const wanted = [...attached, ...relationIDs(sourceDoc?.defaultDisclaimers), ...relationIDs(sectionDoc?.defaultDisclaimers)]
      const query = new URLSearchParams({ depth: '0', limit: '100', locale: i18n.language })
      wanted.forEach((value, index) => query.set(`where[or][0][id][in][${index}]`, String(value)))
      Object.values(settings.defaultDisclaimerKeys).forEach((key, index) => query.set(`where[or][1][key][in][${index}]`, key))
      const disclaimers = await get(`/${settings.slugs.disclaimers}?${query.toString()}`)
      setRelated({ disclaimers: disclaimers?.docs ?? [], section: sectionDoc, source: sourceDoc })
    }
    void load()
  }, [api, attachedKey, i18n.language, section, settings, source])

  useEffect(() => {
    if (!id) return
    void fetch(`${api}/${settings.slugs.articles}/${id}/workflow`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => body && setWorkflow(body))
  }, [api, id, settings.slugs.articles])

  const result = useMemo(() => {
    if (!related) return null
    const disclaimers = new Map<ID, RuleDisclaimer & Doc>(related.disclaimers.map((doc) => [doc.id, doc as RuleDisclaimer & Doc]))
    const globalDefaults = Object.fromEntries(
      Object.entries(settings.defaultDisclaimerKeys)
        .map(([kind, key]) => [kind, related.disclaimers.find((doc) => doc.key === key)?.id])
        .filter(([, value]) => value !== undefined),
    )
    return {
      disclaimers,
      evaluation: evaluatePublishRules({
        article: {
          aiDisclosure: { level: aiLevel, reviewedAt: reviewedAt as string, reviewedBy },
          attribution: { creditText, originalUrl, source: source ?? null },
          disclaimers: attached,
          origin: origin ?? 'original',
        },
        autoAttach: settings.autoAttach,
        disclaimers,
        globalDefaults,
        now: new Date(),
        section: related.section
          ? { defaultDisclaimers: relationIDs(related.section.defaultDisclaimers), requiredDisclaimerKinds: related.section.requiredDisclaimerKinds ?? [] }
          : null,
        source: related.source
          ? { creditLine: related.source.creditLine, defaultDisclaimers: relationIDs(related.source.defaultDisclaimers), id: related.source.id, status: related.source.status }
          : null,
      }),
    }
  }, [aiLevel, attached, creditText, origin, originalUrl, related, reviewedAt, reviewedBy, settings, source])

  const act = async (action: string) => {
    const needsNote = ['requestChanges', 'correct', 'retract'].includes(action)
    const note = needsNote ? window.prompt(tr('workflowNote')) : undefined
    if (needsNote && !note) return
    const publishAt = action === 'schedule' ? window.prompt(tr('panelPublishAt'), new Date(Date.now() + 3600_000).toISOString()) : undefined
    setBusy(true)
    const response = await fetch(`${api}/${settings.slugs.articles}/${id}/workflow`, {
      body: JSON.stringify({ action, note, publishAt }),
      credentials: 'include',
      headers: { 'Accept-Language': i18n.language, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    setBusy(false)
    const body = await response.json().catch(() => ({}))
    if (!response.ok) {
      const messages = body.errors?.flatMap((error: Doc) => error.data?.errors?.map((item: Doc) => item.message) ?? [error.message])
      toast.error(messages?.join(' ') || response.statusText)
      return
    }
    toast.success(tr('panelActionDone', { action: tr(`action_${action}`) }))
    // The whole document view (state, versions, form) follows the action.
    window.location.reload()
  }

  const kindLabel = (kind: string) => tr(`disclaimerKind_${kind.replaceAll('-', '_')}`)
  const evaluation = result?.evaluation
  return (
    <div className="newsroom-panel" data-testid="newsroom-panel" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 24, padding: 16 }}>
      <h4 style={{ margin: '0 0 8px' }}>{tr('panelTitle')}</h4>
      {workflow ? (
        <div data-testid="newsroom-workflow">
          <p style={{ margin: '4px 0' }}>
            {tr('workflowState')}{colon}<strong>{tr(`state_${workflow.state}`)}</strong>
          </p>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {workflow.actions.map((action) => (
              <Button buttonStyle={action === 'publish' ? 'primary' : 'secondary'} disabled={busy || unsaved} key={action} margin={false} onClick={() => act(action)} size="small">
                {tr(`action_${action}`)}
              </Button>
            ))}
          </div>
          {unsaved && workflow.actions.length > 0 ? <p style={{ margin: '4px 0', opacity: 0.7 }}>{tr('panelWaitForSave')}</p> : null}
        </div>
      ) : null}
      <p style={{ margin: '12px 0 4px' }}>
        {tr('origin')}{colon}<strong>{tr(`origin_${origin ?? 'original'}`)}</strong>
      </p>
      {evaluation ? (
        <ul data-testid="newsroom-checklist" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {evaluation.problems
            .filter((problem) => problem.path !== 'disclaimers')
            .map((problem) => (
              <li key={problem.code} style={{ color: 'var(--theme-error-500)' }}>
                ✗ {tr(`rule_${problem.code}`)}
              </li>
            ))}
          {origin === 'syndicated' && evaluation.problems.every((problem) => problem.path === 'disclaimers') ? <li>✓ {tr('panelAttributionComplete')}</li> : null}
          {evaluation.requiredKinds.map((kind) => {
            const auto = evaluation.attached.find((item) => item.kind === kind)
            const missing = evaluation.problems.some((problem) => 'kind' in problem && problem.kind === kind)
            return (
              <li key={kind} style={missing ? { color: 'var(--theme-error-500)' } : undefined}>
                {missing ? '✗' : '✓'} {kindLabel(kind)}{colon}
                {missing
                  ? tr('panelKindMissing')
                  : auto
                    ? tr('panelKindAutoAttach', { from: tr(`panelFrom_${auto.from}`), title: result?.disclaimers.get(auto.disclaimer)?.title ?? '' })
                    : tr('panelKindAttached')}
              </li>
            )
          })}
          {evaluation.requiredKinds.length === 0 ? <li>{tr('panelNoKindRequired')}</li> : null}
          <li>
            {tr('aiDisclosure')}{colon}{tr(`aiDisclosure_${aiLevel ?? 'none'}`)}
            {reviewedBy && reviewedAt ? ` (${tr('panelReviewed')})` : ''}
          </li>
          <li>{applied ? tr('panelSnapshot', { count: applied }) : tr('panelNoSnapshot')}</li>
        </ul>
      ) : null}
      {workflow?.audit?.length ? (
        <details data-testid="newsroom-audit" style={{ marginTop: 12 }}>
          <summary>{tr('workflowEventPlural')}</summary>
          <ol style={{ margin: '8px 0 0', paddingLeft: 18 }}>
            {workflow.audit.map((event) => (
              <li key={event.id}>
                {new Date(event.createdAt).toLocaleString(i18n.language)} · {tr(`action_${event.action}`)} ·{' '}
                {event.from ? `${tr(`state_${event.from}`)} → ` : ''}
                {tr(`state_${event.to}`)}
                {event.by?.name ? ` · ${event.by.name}` : ''}
                {event.note ? <em> — {event.note}</em> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  )
}
