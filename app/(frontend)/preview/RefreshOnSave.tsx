'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Live preview for a server-rendered page: tells the admin's live-preview window this page is ready,
 * and re-renders it (with the latest draft) each time the admin says the document was saved. Only
 * messages from this site's own origin, where the admin runs, are heard.
 */
export function RefreshOnSave() {
  const router = useRouter()
  useEffect(() => {
    const admin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin === admin && event.data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    const ready = { ready: true, type: 'payload-live-preview' }
    window.parent?.postMessage(ready, admin)
    window.opener?.postMessage(ready, admin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
