import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { loadArticlePreview } from 'payload-newsroom/server'
import { ArticleContent, pageText } from '../ArticleContent'
import { RefreshOnSave } from './RefreshOnSave'

type PreviewProps = { searchParams: Promise<{ token?: string | string[] }> }

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { robots: { follow: false, index: false } }

/**
 * An editor's preview: the latest draft of the article the signed, expiring token names (the admin's
 * Preview button and live preview open it). Without a valid token: 404, whoever asks.
 */
export default async function PreviewPage({ searchParams }: PreviewProps) {
  const { token } = await searchParams
  const payload = await getPayload({ config })
  const options = pluginOptionsOf(payload.config)
  const preview = await loadArticlePreview(
    await createLocalReq({}, payload),
    options,
    typeof token === 'string' ? token : null,
  )
  if (!preview) notFound()
  return (
    <>
      <RefreshOnSave />
      <ArticleContent
        notice={pageText(preview.view.language).pagePreview}
        options={options}
        view={preview.view}
      />
    </>
  )
}
