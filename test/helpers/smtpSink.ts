import type { AddressInfo } from 'node:net'

import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { mail: ParsedMail; to: string[] }

/**
 * A real SMTP server on 127.0.0.1 (nodemailer's `smtp-server`) that keeps every message it is
 * given, parsed (`mailparser`), so tests read what a mail client would. `refuse` makes it answer
 * every recipient with a 550, as a mail server that rejects the message.
 */
export const startSmtpSink = async () => {
  const received: ReceivedMail[] = []
  const state = { refuse: false }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            mail,
            to: (session.envelope.rcptTo ?? []).map((recipient) => recipient.address),
          })
          callback()
        },
        (error: Error) => callback(error),
      )
    },
    onRcptTo(_address, _session, callback) {
      callback(
        state.refuse
          ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
          : undefined,
      )
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    received,
    /** Mails to `address`, in the order received. */
    to: (address: string) => received.filter((entry) => entry.to.includes(address)),
    refuse: (refuse: boolean) => {
      state.refuse = refuse
    },
    url: `smtp://127.0.0.1:${port}`,
  }
}
