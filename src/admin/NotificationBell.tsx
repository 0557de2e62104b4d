'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useCallback, useEffect, useRef, useState } from 'react'

import { translate, translateComposed } from '../translations/index.ts'

type BellNotification = {
  actorName?: null | string
  article?: null | number | string
  articleTitle?: null | string
  createdAt: string
  id: number | string
  kind: string
  note?: null | string
  readAt?: null | string
}

type BellState = { docs: BellNotification[]; unread: number }

/** How often the bell asks for news while the admin is open (and again whenever the tab is focused). */
const refreshMs = 60_000

const BellIcon = () => (
  <svg aria-hidden="true" fill="none" height="20" viewBox="0 0 24 24" width="20">
    <path
      d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      stroke="currentColor"
      strokeLinecap="round"
      strokeLinejoin="round"
      strokeWidth="2"
    />
  </svg>
)

/**
 * The admin header's bell: the signed-in user's unread notifications (docs/workflow.md,
 * "Notifications"), the latest ten in a list; opening one marks it read and goes to its article.
 * Renders nothing where the plugin answers no bell (disabled, or no user).
 */
export const NotificationBell = ({
  articles,
  notifications,
}: {
  articles: string
  notifications: string
}) => {
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const router = useRouter()
  const [state, setState] = useState<BellState | null>(null)
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLDivElement>(null)
  const api = `${config.serverURL}${config.routes.api}/${notifications}`

  const load = useCallback(async () => {
    const response = await fetch(`${api}/bell`, { credentials: 'include' }).catch(() => null)
    setState(response?.ok ? ((await response.json()) as BellState) : null)
  }, [api])

  const markRead = async (ids?: (number | string)[]) => {
    await fetch(`${api}/read`, {
      body: JSON.stringify(ids ? { ids } : {}),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    }).catch(() => null)
    await load()
  }

  useEffect(() => {
    void load()
    const timer = setInterval(() => void load(), refreshMs)
    const onFocus = () => void load()
    window.addEventListener('focus', onFocus)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', onFocus)
    }
  }, [load])

  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !panel.current?.contains(event.target as Node)
      ) {
        setOpen(false)
      }
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  if (!state) {
    return null
  }
  const openOne = async (notification: BellNotification) => {
    setOpen(false)
    if (!notification.readAt) {
      await markRead([notification.id])
    }
    if (notification.article !== null && notification.article !== undefined) {
      router.push(
        `${config.routes.admin}/collections/${articles}/${encodeURIComponent(String(notification.article))}`,
      )
    }
  }
  const label = `${translate(t, 'notificationSettings')} (${translate(t, 'notificationUnread', { count: state.unread })})`

  return (
    <div ref={panel} style={{ position: 'relative' }}>
      <button
        aria-expanded={open}
        aria-label={label}
        className="newsroom-bell"
        onClick={() => setOpen(!open)}
        style={{
          alignItems: 'center',
          background: 'none',
          border: 0,
          color: 'var(--theme-elevation-800)',
          cursor: 'pointer',
          display: 'inline-flex',
          padding: 6,
          position: 'relative',
        }}
        title={label}
        type="button"
      >
        <BellIcon />
        {state.unread > 0 ? (
          <span
            className="newsroom-bell__count"
            style={{
              background: 'var(--theme-error-500)',
              borderRadius: 10,
              color: 'white',
              fontSize: 11,
              lineHeight: '16px',
              minWidth: 16,
              padding: '0 4px',
              position: 'absolute',
              right: 0,
              textAlign: 'center',
              top: 0,
            }}
          >
            {state.unread > 99 ? '99+' : state.unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          className="newsroom-bell__panel"
          role="dialog"
          aria-label={translate(t, 'notificationSettings')}
          style={{
            background: 'var(--theme-elevation-0)',
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 4,
            boxShadow: '0 4px 16px rgba(0,0,0,0.15)',
            maxHeight: 480,
            overflowY: 'auto',
            position: 'absolute',
            right: 0,
            top: '100%',
            width: 380,
            zIndex: 50,
          }}
        >
          <div
            style={{
              alignItems: 'center',
              borderBottom: '1px solid var(--theme-elevation-150)',
              display: 'flex',
              justifyContent: 'space-between',
              padding: '8px 12px',
            }}
          >
            <strong>{translate(t, 'notificationUnread', { count: state.unread })}</strong>
            {state.unread > 0 ? (
              <button
                onClick={() => void markRead()}
                style={{
                  background: 'none',
                  border: 0,
                  color: 'var(--theme-success-500)',
                  cursor: 'pointer',
                }}
                type="button"
              >
                {translate(t, 'notificationMarkAllRead')}
              </button>
            ) : null}
          </div>
          {state.docs.length === 0 ? (
            <p style={{ margin: 0, padding: 12 }}>{translate(t, 'notificationBellEmpty')}</p>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {state.docs.map((notification) => (
                <li key={String(notification.id)}>
                  <button
                    className="newsroom-bell__item"
                    data-unread={notification.readAt ? undefined : 'true'}
                    onClick={() => void openOne(notification)}
                    style={{
                      background: notification.readAt ? 'none' : 'var(--theme-elevation-50)',
                      border: 0,
                      borderBottom: '1px solid var(--theme-elevation-100)',
                      color: 'inherit',
                      cursor: 'pointer',
                      display: 'block',
                      padding: '8px 12px',
                      boxSizing: 'border-box',
                      overflowWrap: 'anywhere',
                      textAlign: 'start',
                      whiteSpace: 'normal',
                      width: '100%',
                    }}
                    type="button"
                  >
                    <span style={{ display: 'block', fontWeight: notification.readAt ? 400 : 600 }}>
                      {translateComposed(t, `notificationLine_${notification.kind}`, {
                        actor: notification.actorName || translate(t, 'notificationSomeone'),
                        title: notification.articleTitle || translate(t, 'notificationUntitled'),
                      })}
                    </span>
                    {notification.note ? (
                      <span style={{ display: 'block', fontStyle: 'italic' }}>
                        {notification.note}
                      </span>
                    ) : null}
                    <span style={{ color: 'var(--theme-elevation-500)', fontSize: 12 }}>
                      {new Date(notification.createdAt).toLocaleString(i18n.language)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  )
}
