import type { I18n } from '@payloadcms/translations'
import type { Payload } from 'payload'

import escapeHtml from 'escape-html'
import { getLocalI18n } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { type NotificationPreferences, subjectLine } from '../rules/notificationRules.ts'
import { translate, translateComposed } from '../translations/index.ts'
import { relationID } from '../utilities/documentValue.ts'

export type StoredNotification = {
  actorName?: null | string
  article?: unknown
  articleTitle?: null | string
  id: number | string
  kind: string
  note?: null | string
  recipient?: unknown
}

export type EmailRecipient = {
  email?: unknown
  id: number | string
  notificationSettings?: (NotificationPreferences & { language?: null | string }) | null
}

export type NotificationEmail = { html: string; subject: string; text: string; to: string }

/** Where links in an email lead: the admin, at the server's URL (else the site's). */
const adminBase = (payload: Payload, options: ResolvedNewsroomOptions) =>
  `${(payload.config.serverURL || options.frontend.siteUrl).replace(/\/$/, '')}${payload.config.routes.admin}`

const articleLink = (
  payload: Payload,
  options: ResolvedNewsroomOptions,
  notification: StoredNotification,
) => {
  const id = relationID(notification.article)
  return id === undefined
    ? `${adminBase(payload, options)}/collections/${options.collections.notifications.slug}`
    : `${adminBase(payload, options)}/collections/${options.collections.articles.slug}/${encodeURIComponent(String(id))}`
}

/**
 * The recipient's language: their choice, else the newsroom's first language, among those the admin
 * speaks (else its fallback).
 */
const languageOf = (payload: Payload, options: ResolvedNewsroomOptions, user: EmailRecipient) => {
  const supported = Object.keys(payload.config.i18n.supportedLanguages)
  const wanted = [user.notificationSettings?.language, options.languages[0]]
  return (
    wanted.find((language): language is string => !!language && supported.includes(language)) ??
    payload.config.i18n.fallbackLanguage
  )
}

/** One i18n per language for a run of emails. */
export const emailLanguages = (payload: Payload, options: ResolvedNewsroomOptions) => {
  const loaded = new Map<string, Promise<I18n<any, any>>>()
  return (user: EmailRecipient) => {
    const language = languageOf(payload, options, user)
    if (!loaded.has(language)) {
      loaded.set(
        language,
        getLocalI18n({ config: payload.config, language: language as 'en' }) as Promise<
          I18n<any, any>
        >,
      )
    }
    return loaded.get(language)!
  }
}

/** The sentence that says what happened, in the recipient's language. */
const lineOf = (i18n: I18n<any, any>, notification: StoredNotification) =>
  translateComposed(i18n.t, `notificationLine_${notification.kind}`, {
    actor: notification.actorName || translate(i18n.t, 'notificationSomeone'),
    title: notification.articleTitle || translate(i18n.t, 'notificationUntitled'),
  })

const footerOf = (i18n: I18n<any, any>, payload: Payload, options: ResolvedNewsroomOptions) => ({
  html: `<p style="color:#666;font-size:12px">${escapeHtml(translate(i18n.t, 'notificationEmailFooter'))} <a href="${escapeHtml(`${adminBase(payload, options)}/account`)}">${escapeHtml(translate(i18n.t, 'notificationSettings'))}</a></p>`,
  text: `--\n${translate(i18n.t, 'notificationEmailFooter')} ${adminBase(payload, options)}/account`,
})

const itemOf = (
  i18n: I18n<any, any>,
  payload: Payload,
  options: ResolvedNewsroomOptions,
  notification: StoredNotification,
) => {
  const line = lineOf(i18n, notification)
  const link = articleLink(payload, options, notification)
  const note = notification.note?.trim()
  const open = translate(i18n.t, 'notificationOpen')
  return {
    html: [
      `<p>${escapeHtml(line)}</p>`,
      note ? `<blockquote>${escapeHtml(note)}</blockquote>` : '',
      `<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`,
    ].join(''),
    line,
    text: [line, note ? `« ${note} »` : '', `${open}: ${link}`].filter(Boolean).join('\n'),
  }
}

/** One event's email, in the recipient's language: what happened, the note, a link to the article. */
export const notificationEmail = (
  i18n: I18n<any, any>,
  payload: Payload,
  options: ResolvedNewsroomOptions,
  to: string,
  notification: StoredNotification,
): NotificationEmail => {
  const item = itemOf(i18n, payload, options, notification)
  const footer = footerOf(i18n, payload, options)
  return {
    html: `${item.html}${footer.html}`,
    subject: subjectLine(item.line),
    text: `${item.text}\n\n${footer.text}\n`,
    to,
  }
}

/** The day's digest: every event since the last one, oldest first, each with its link. */
export const digestEmail = (
  i18n: I18n<any, any>,
  payload: Payload,
  options: ResolvedNewsroomOptions,
  to: string,
  notifications: readonly StoredNotification[],
): NotificationEmail => {
  const items = notifications.map((notification) => itemOf(i18n, payload, options, notification))
  const footer = footerOf(i18n, payload, options)
  return {
    html: `${items.map((item) => `<div>${item.html}</div>`).join('<hr>')}${footer.html}`,
    subject: subjectLine(
      translate(i18n.t, 'notificationDigestSubject', { count: notifications.length }),
    ),
    text: `${items.map((item) => item.text).join('\n\n')}\n\n${footer.text}\n`,
    to,
  }
}
