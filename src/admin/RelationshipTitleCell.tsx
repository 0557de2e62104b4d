'use client'

import type { DefaultCellComponentProps } from 'payload'

import { useConfig, useListRelationships, useTranslation } from '@payloadcms/ui'
import { getTranslation } from '@payloadcms/translations'
import { useEffect } from 'react'

import { recordOf } from '../utilities/values.ts'

/**
 * A list cell naming the related document (a section) for every row at once. Payload's own cell asks
 * only once its row has scrolled into view, and until then says "<No Section>" of a row that has one.
 * This one asks on mount, through the same batched provider (one request for the page's sections).
 */
export const RelationshipTitleCell = ({ cellData, field }: DefaultCellComponentProps) => {
  const { documents, getRelationships } = useListRelationships()
  const { getEntityConfig } = useConfig()
  const { i18n, t } = useTranslation()
  const relationTo =
    'relationTo' in field && typeof field.relationTo === 'string' ? field.relationTo : undefined
  const value = typeof cellData === 'string' || typeof cellData === 'number' ? cellData : undefined

  useEffect(() => {
    if (relationTo && value !== undefined) {
      getRelationships([{ relationTo, value }])
    }
  }, [getRelationships, relationTo, value])

  if (!relationTo || value === undefined) {
    const label = 'label' in field && field.label ? field.label : 'name' in field ? field.name : ''
    return <span>{t('general:noLabel', { label: getTranslation(label, i18n) })}</span>
  }
  const doc = documents[relationTo]?.[value]
  if (doc === false) {
    return <span>{`${t('general:untitled')} - ID: ${value}`}</span>
  }
  if (!doc) {
    return <span aria-busy="true">{t('general:loading')}…</span>
  }
  const titleField = getEntityConfig({ collectionSlug: relationTo })?.admin?.useAsTitle ?? 'id'
  return <span>{String(recordOf(doc)[titleField] ?? value)}</span>
}
