import type { EmailAdapter } from 'payload'

import nodemailer from 'nodemailer'

/**
 * Payload's email adapter over SMTP, with nodemailer (the library `@payloadcms/email-nodemailer`
 * wraps; that package has no release of the Payload version this app pins, so the demo keeps these
 * lines instead). Any Payload email adapter does: the plugin only calls `payload.sendEmail`.
 */
export const smtpEmailAdapter =
  ({ from, url }: { from?: string; url: string }): EmailAdapter =>
  () => {
    const transport = nodemailer.createTransport(url)
    const sender = /^(.*?)\s*<([^>]+)>$/.exec(from ?? '') ?? [
      '',
      'Newsroom',
      from || 'newsroom@localhost',
    ]
    return {
      defaultFromAddress: sender[2],
      defaultFromName: sender[1] || 'Newsroom',
      name: 'smtp',
      sendEmail: (message) =>
        transport.sendMail({
          from: { address: sender[2], name: sender[1] || 'Newsroom' },
          ...message,
        }),
    }
  }

/**
 * The demo's email: SMTP when `NEWSROOM_SMTP_URL` names a server (`smtp://user:pass@host:587`),
 * from `NEWSROOM_EMAIL_FROM` (`Newsroom <desk@example.com>`); without it, Payload's console adapter
 * prints each email to the server's log.
 */
export const emailFromEnvironment = (env: NodeJS.ProcessEnv = process.env) =>
  env.NEWSROOM_SMTP_URL
    ? smtpEmailAdapter({ from: env.NEWSROOM_EMAIL_FROM, url: env.NEWSROOM_SMTP_URL })
    : undefined
