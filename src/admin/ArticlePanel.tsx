'use client'

import type { UIFieldClientComponent } from 'payload'

import {
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useFormFields,
  useFormModified,
  useTranslation,
} from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import { describeProblem, formatInstant } from '../rules/describeProblem.ts'
import { imageUses, type RuleImage } from '../rules/imageRules.ts'
import {
  evaluatePublishRules,
  rightsExpired,
  rightsExpireWithin,
  type RuleDisclaimer,
  toRuleArticle,
  toRuleSource,
} from '../rules/publishRules.ts'
import type { WorkflowAction, WorkflowState } from '../rules/workflow.ts'
import { type NewsroomTranslationKey, translate } from '../translations/index.ts'
import { relationID, relationIDs } from '../utilities/documentValue.ts'
import { translateDataKey } from './translateDataKey.ts'
import {
  type ActionInput,
  actionNeedsInput,
  pendingWarningsKey,
  postWorkflowAction,
  refusalMessages,
  useWorkflowActionDrawer,
} from './workflowActions.tsx'

type ID = number | string
type Doc = Record<string, any>

/** An event of the audit trail, as the workflow endpoint answers it (its user populated by name). */
type AuditEvent = {
  action: 'change_origin' | 'delete' | WorkflowAction
  by?: null | number | string | { name?: null | string }
  createdAt: string
  from?: null | WorkflowState
  id: ID
  note?: null | string
  to: 'deleted' | WorkflowState
  via?: null | string
}
export type ArticlePanelSettings = {
  autoAttach: boolean
  defaultDisclaimerKeys: Record<string, string>
  /** Days ahead the rights' expiry is shown as a warning. */
  expiryWarningDays: number
  /** Characters of a workflow note (the server's `inputLimits.noteLength`). */
  noteLength: number
  slugs: { articles: string; disclaimers: string; media: string; sections: string; sources: string }
}

/**
 * The article's publication checklist and workflow actions, in the sidebar. The checklist is the
 * server's own rule function (`evaluatePublishRules`) run on the form as the editor edits it; the
 * actions are the ones the workflow table allows this user from the article's state.
 */
export const ArticlePanel: UIFieldClientComponent = ({ field }) => {
  // Payload types `admin.custom` as any record; the Articles collection sets this one (`satisfies
  // ArticlePanelSettings` there), and the component is registered on that field only.
  const settings = field.admin?.custom as ArticlePanelSettings
  const { id } = useDocumentInfo()
  const { i18n, t } = useTranslation()
  const tr = (key: NewsroomTranslationKey, vars?: Record<string, unknown>) =>
    translate(t, key, vars)
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  // Actions apply to the stored draft: wait for autosave to store what is on screen, or a writer's
  // last edits would be refused once the article has left their hands.
  const unsaved = useFormModified()
  // French sets a (non-breaking) space before a colon.
  const colon = tr('labelSeparator')

  // The form's values, shaped as the stored document, for the server's own rules.
  const formArticle = useFormFields(([fields]) => {
    const value = (path: string) => fields[path]?.value
    return {
      aiDisclosure: {
        level: value('aiDisclosure.level'),
        reviewedAt: value('aiDisclosure.reviewedAt'),
        reviewedBy: value('aiDisclosure.reviewedBy'),
      },
      attribution: {
        creditText: value('attribution.creditText'),
        originalLanguage: value('attribution.originalLanguage'),
        originalUrl: value('attribution.originalUrl'),
        rightsExpireAt: value('attribution.rightsExpireAt'),
        source: value('attribution.source'),
        transformation: value('attribution.transformation'),
      },
      disclaimers: value('disclaimers'),
      embargoUntil: value('embargoUntil'),
      language: value('language'),
      origin: value('origin'),
      summary: { producedBy: value('summary.producedBy'), status: value('summary.status') },
      workflowState: value('workflowState'),
    }
  })
  const formKey = JSON.stringify(formArticle)
  const article = useMemo(() => toRuleArticle(JSON.parse(formKey)), [formKey])
  const { origin } = article
  const source = article.attribution?.source ?? undefined
  const attached = article.disclaimers
  const section = useFormFields(([fields]) => relationID(fields.section?.value))
  const aiLevel = article.aiDisclosure?.level ?? undefined
  const reviewed = Boolean(article.aiDisclosure?.reviewedBy && article.aiDisclosure?.reviewedAt)
  // An array field's value in the form is its number of rows.
  const applied = useFormFields(([fields]) => fields.appliedDisclaimers?.value)
  // The images the form shows, as `featuredImage` and body upload nodes: their IDs and where.
  const imageKey = useFormFields(([fields]) =>
    JSON.stringify(
      imageUses({ body: fields.body?.value, featuredImage: fields.featuredImage?.value }),
    ),
  )
  const [images, setImages] = useState<RuleImage[]>([])

  const [related, setRelated] = useState<{
    disclaimers: (Doc & RuleDisclaimer)[]
    section: Doc | null
    source: Doc | null
  }>()
  const [workflow, setWorkflow] = useState<{
    actions: WorkflowAction[]
    audit: AuditEvent[] | null
    openTasks?: { text: string }[]
    state: WorkflowState
  }>()
  const [busy, setBusy] = useState(false)

  // The warnings of the action that reloaded this view (see runAction), said once.
  useEffect(() => {
    const pending = window.sessionStorage.getItem(pendingWarningsKey)
    if (pending) {
      window.sessionStorage.removeItem(pendingWarningsKey)
      try {
        const warnings: unknown = JSON.parse(pending)
        if (Array.isArray(warnings) && warnings.length) {
          toast.warning(warnings.map(String).join(' '))
        }
      } catch {
        // Not ours to read: nothing to say.
      }
    }
  }, [])

  const attachedKey = attached.join(',')
  useEffect(() => {
    const get = (path: string) =>
      fetch(`${api}${path}`, {
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language },
      }).then((response) => (response.ok ? response.json() : null))
    const load = async () => {
      const [sourceDoc, sectionDoc] = await Promise.all([
        source ? get(`/${settings.slugs.sources}/${source}?depth=0&locale=${i18n.language}`) : null,
        section
          ? get(`/${settings.slugs.sections}/${section}?depth=0&locale=${i18n.language}`)
          : null,
      ])
      const wanted = [
        ...attached,
        ...relationIDs(sourceDoc?.defaultDisclaimers),
        ...relationIDs(sectionDoc?.defaultDisclaimers),
      ]
      const query = new URLSearchParams({ depth: '0', limit: '100', locale: i18n.language })
      wanted.forEach((value, index) => query.set(`where[or][0][id][in][${index}]`, String(value)))
      Object.values(settings.defaultDisclaimerKeys).forEach((key, index) =>
        query.set(`where[or][1][key][in][${index}]`, key),
      )
      const disclaimers = await get(`/${settings.slugs.disclaimers}?${query.toString()}`)
      setRelated({ disclaimers: disclaimers?.docs ?? [], section: sectionDoc, source: sourceDoc })
    }
    void load()
  }, [api, attachedKey, i18n.language, section, settings, source])

  // Each image in the article's language only (no fallback): the rule asks for alt text in that language.
  useEffect(() => {
    const uses: ReturnType<typeof imageUses> = JSON.parse(imageKey)
    if (uses.length === 0 || !article.language) {
      return setImages([])
    }
    const query = new URLSearchParams({
      depth: '0',
      'fallback-locale': 'none',
      limit: '100',
      locale: article.language,
    })
    uses.forEach((use, index) => query.set(`where[id][in][${index}]`, String(use.id)))
    void fetch(`${api}/${settings.slugs.media}?${query.toString()}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        const docs = new Map<string, Doc>(
          (body?.docs ?? []).map((doc: Doc) => [String(doc.id), doc]),
        )
        setImages(
          uses.flatMap((use) =>
            docs.has(String(use.id))
              ? [{ ...docs.get(String(use.id)), id: use.id, usedAs: use.usedAs }]
              : [],
          ),
        )
      })
  }, [api, article.language, imageKey, settings.slugs.media])

  useEffect(() => {
    if (!id) {
      return
    }
    void fetch(`${api}/${settings.slugs.articles}/${id}/workflow`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => body && setWorkflow(body))
  }, [api, id, settings.slugs.articles])

  const result = useMemo(() => {
    if (!related) {
      return null
    }
    const disclaimers = new Map<ID, Doc & RuleDisclaimer>(
      related.disclaimers.map((doc) => [doc.id, doc]),
    )
    const globalDefaults = Object.fromEntries(
      Object.entries(settings.defaultDisclaimerKeys)
        .map(([kind, key]) => [kind, related.disclaimers.find((doc) => doc.key === key)?.id])
        .filter(([, value]) => value !== undefined),
    )
    return {
      disclaimers,
      evaluation: evaluatePublishRules({
        article,
        autoAttach: settings.autoAttach,
        disclaimers,
        globalDefaults,
        images,
        now: new Date(),
        openTasks: workflow?.openTasks ?? [],
        section: related.section
          ? {
              defaultDisclaimers: relationIDs(related.section.defaultDisclaimers),
              requiredDisclaimerKinds: related.section.requiredDisclaimerKinds ?? [],
            }
          : null,
        source: related.source ? toRuleSource(related.source) : null,
      }),
    }
  }, [article, images, related, settings, workflow?.openTasks])

  /** Shows the server's refusal, field by field, as a toast; true when the request went through. */
  const reportResponse = async (response: Response) => {
    const body = await response.json().catch(() => ({}))
    if (response.ok) {
      return true
    }
    toast.error(refusalMessages(body).join(' ') || response.statusText)
    return false
  }

  const regenerateSummary = async () => {
    setBusy(true)
    const response = await fetch(`${api}/${settings.slugs.articles}/${id}/summary`, {
      credentials: 'include',
      headers: { 'Accept-Language': i18n.language },
      method: 'POST',
    })
    setBusy(false)
    if (!(await reportResponse(response))) {
      return
    }
    toast.success(tr('panelSummaryQueued'))
    window.location.reload()
  }

  // A note or a time is asked in a drawer; a refusal is shown where it was asked (or as a toast).
  const runAction = async (action: WorkflowAction, input: ActionInput) => {
    setBusy(true)
    const { refused, warnings } = await postWorkflowAction(
      { api, articles: settings.slugs.articles, id: id!, language: i18n.language },
      action,
      input,
    )
    setBusy(false)
    if (refused) {
      // Without a drawer open, the refusal is said in a toast.
      if (!actionNeedsInput(action, settings.noteLength)) {
        toast.error(refused.join(' '))
      }
      return refused
    }
    toast.success(tr('panelActionDone', { action: tr(`action_${action}`) }))
    // What the rules will refuse later, shown once the view has reloaded.
    if (warnings.length) {
      window.sessionStorage.setItem(pendingWarningsKey, JSON.stringify(warnings))
    }
    // The whole document view (state, versions, form) follows the action.
    window.location.reload()
  }
  const { drawer, start: act } = useWorkflowActionDrawer({
    noteLength: settings.noteLength,
    run: runAction,
  })

  const kindLabel = (kind: string) =>
    translateDataKey(t, `disclaimerKind_${kind.replaceAll('-', '_')}`)
  const evaluation = result?.evaluation
  return (
    <div
      className="newsroom-panel"
      data-testid="newsroom-panel"
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        marginBottom: 24,
        padding: 16,
      }}
    >
      <h4 style={{ margin: '0 0 8px' }}>{tr('panelTitle')}</h4>
      {workflow ? (
        <div data-testid="newsroom-workflow">
          <p style={{ margin: '4px 0' }}>
            {tr('workflowState')}
            {colon}
            <strong>{tr(`state_${workflow.state}`)}</strong>
          </p>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {workflow.actions.map((action) => (
              <Button
                buttonStyle={action === 'publish' ? 'primary' : 'secondary'}
                disabled={busy || unsaved}
                key={action}
                margin={false}
                onClick={() => void act(action)}
                size="small"
              >
                {tr(`action_${action}`)}
              </Button>
            ))}
          </div>
          {unsaved && workflow.actions.length > 0 ? (
            <p style={{ margin: '4px 0', opacity: 0.7 }}>{tr('panelWaitForSave')}</p>
          ) : null}
        </div>
      ) : null}
      <p style={{ margin: '12px 0 4px' }}>
        {tr('origin')}
        {colon}
        <strong>{translateDataKey(t, `origin_${origin ?? 'original'}`)}</strong>
      </p>
      {evaluation ? (
        <ul data-testid="newsroom-checklist" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {evaluation.problems
            .filter((problem) => problem.path !== 'disclaimers')
            .map((problem) => (
              <li
                data-testid={`newsroom-problem-${problem.code}`}
                key={`${problem.code}-${'image' in problem ? problem.image : ''}`}
                style={{ color: 'var(--theme-error-500)' }}
              >
                ✗ {describeProblem(t, problem)}
              </li>
            ))}
          {origin === 'syndicated' &&
          !evaluation.problems.some((problem) => problem.path.startsWith('attribution.')) ? (
            <li>✓ {tr('panelAttributionComplete')}</li>
          ) : null}
          {evaluation.requiredKinds.map((kind) => {
            const auto = evaluation.attached.find((item) => item.kind === kind)
            const missing = evaluation.problems.some(
              (problem) => 'kind' in problem && problem.kind === kind,
            )
            return (
              <li key={kind} style={missing ? { color: 'var(--theme-error-500)' } : undefined}>
                {missing ? '✗' : '✓'} {kindLabel(kind)}
                {colon}
                {missing
                  ? tr('panelKindMissing')
                  : auto
                    ? tr('panelKindAutoAttach', {
                        from: tr(`panelFrom_${auto.from}`),
                        title: result?.disclaimers.get(auto.disclaimer)?.title ?? '',
                      })
                    : tr('panelKindAttached')}
              </li>
            )
          })}
          {evaluation.requiredKinds.length === 0 ? <li>{tr('panelNoKindRequired')}</li> : null}
          {article.attribution?.rightsExpireAt && !rightsExpired(article, new Date()) ? (
            <li
              data-testid="newsroom-rights-expiry"
              style={
                rightsExpireWithin(article, new Date(), settings.expiryWarningDays)
                  ? { color: 'var(--theme-warning-500)' }
                  : undefined
              }
            >
              {tr('panelRightsExpire', { when: formatInstant(article.attribution.rightsExpireAt) })}
            </li>
          ) : null}
          <li>
            {tr('aiDisclosure')}
            {colon}
            {translateDataKey(t, `aiDisclosure_${aiLevel ?? 'none'}`)}
            {reviewed ? ` (${tr('panelReviewed')})` : ''}
          </li>
          {id && (article.summary?.status === 'ready' || article.summary?.status === 'failed') ? (
            <li>
              <Button
                buttonStyle="secondary"
                disabled={busy || unsaved}
                margin={false}
                onClick={regenerateSummary}
                size="small"
              >
                {tr('panelRegenerateSummary')}
              </Button>
            </li>
          ) : null}
          <li>{applied ? tr('panelSnapshot', { count: applied }) : tr('panelNoSnapshot')}</li>
        </ul>
      ) : null}
      {workflow?.audit?.length ? (
        <details data-testid="newsroom-audit" style={{ marginTop: 12 }}>
          <summary>{tr('workflowEventPlural')}</summary>
          <ol style={{ margin: '8px 0 0', paddingLeft: 18 }}>
            {workflow.audit.map((event) => (
              <li key={event.id}>
                {new Date(event.createdAt).toLocaleString(i18n.language)} ·{' '}
                {tr(`action_${event.action}`)} ·{' '}
                {event.from ? `${tr(`state_${event.from}`)} → ` : ''}
                {tr(`state_${event.to}`)}
                {typeof event.by === 'object' && event.by?.name ? ` · ${event.by.name}` : ''}
                {event.via ? ` · ${event.via}` : ''}
                {event.note ? <em> — {event.note}</em> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {drawer}
    </div>
  )
}
