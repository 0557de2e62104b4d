'use client'

import type { UIFieldClientComponent } from 'payload'

import { useTranslation } from '@payloadcms/ui'

import { translate } from '../translations/index.ts'

/** On the create-first-user page: what this account will be (the role picker is not shown there). */
export const FirstUserNotice: UIFieldClientComponent = () => {
  const { t } = useTranslation()
  return (
    <p data-testid="newsroom-first-user" style={{ marginBottom: 24 }}>
      {translate(t, 'firstUserIsAdmin')}
    </p>
  )
}
