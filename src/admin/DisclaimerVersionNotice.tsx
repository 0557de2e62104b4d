'use client'

import type { UIFieldClientComponent } from 'payload'

import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'

import { type NewsroomTranslationKey, translate } from '../translations/index.ts'

const texts = ['title', 'shortText', 'longText'] as const

/**
 * Before an editor saves new wording for a disclaimer that articles use: the save creates a new
 * version, and published articles keep showing the version they were published with until they are
 * re-published (the compliance check lists them).
 */
export const DisclaimerVersionNotice: UIFieldClientComponent = () => {
  const { initialData } = useDocumentInfo()
  const { t } = useTranslation()
  const tr = (key: NewsroomTranslationKey, vars?: Record<string, unknown>) =>
    translate(t, key, vars)
  const current = useFormFields(([fields]) => texts.map((name) => fields[name]?.value ?? null))
  const version = Number(initialData?.version ?? 1)
  // The join of articles using it, as the document was loaded.
  const articles: undefined | { docs?: unknown[]; totalDocs?: number } = initialData?.articles
  const users = articles?.totalDocs ?? articles?.docs?.length ?? 0
  const changed = texts.some((name, index) => (initialData?.[name] ?? null) !== current[index])
  if (!initialData?.id) {
    return null
  }
  return (
    <div
      data-testid="disclaimer-version-notice"
      role={changed && users > 0 ? 'alert' : undefined}
      style={{
        background: changed && users > 0 ? 'var(--theme-warning-100)' : undefined,
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        marginBottom: 24,
        padding: 12,
      }}
    >
      <strong>
        {tr('version')} {version}
      </strong>{' '}
      · {tr('disclaimerUsedBy', { count: users })}
      {changed && users > 0 ? (
        <p style={{ margin: '8px 0 0' }}>
          {tr('disclaimerVersionWarning', { next: version + 1, version })}
        </p>
      ) : null}
    </div>
  )
}
