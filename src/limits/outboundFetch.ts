import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { Agent, buildConnector, fetch as undiciFetch } from 'undici'

import {
  type AddressRange,
  parseAddressRange,
  refusedAddressReason,
} from '../rules/outboundAddresses.ts'
import { recordOf, stringOf } from '../utilities/values.ts'

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError'
}

/** The first address of `hostname` that may be reached: checked here, then connected to as it is. */
const permittedAddress = async (
  hostname: string,
  allowed: readonly AddressRange[],
): Promise<string> => {
  const host = hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address)
  const reasons = addresses.map(
    (address) => [address, refusedAddressReason(address, allowed)] as const,
  )
  const permitted = reasons.find(([, reason]) => reason === undefined)
  if (permitted) {
    return permitted[0]
  }
  const [address, reason] = reasons[0] ?? [host, 'no address']
  throw new RefusedAddressError(
    `${host} is ${address === host ? '' : `${address}, `}a ${reason} address: outgoing requests only reach public addresses (option outbound.allowAddresses)`,
  )
}

/**
 * A connection pool whose every connection (a redirect's too) goes to an address checked at connect
 * time, by IP, so a name that resolves differently a second later (DNS rebinding) changes nothing.
 * TLS still verifies the certificate against the host name.
 */
const guardedAgent = (allowed: readonly AddressRange[]) => {
  const connect = buildConnector({})
  return new Agent({
    connect: (options, callback) => {
      permittedAddress(options.hostname, allowed).then(
        (address) =>
          connect(
            {
              ...options,
              hostname: address,
              servername:
                options.servername ??
                (isIP(options.hostname.replace(/^\[|\]$/g, '')) ? undefined : options.hostname),
            },
            callback,
          ),
        (error: Error) => callback(error, null),
      )
    },
  })
}

const agents = new Map<string, Agent>()

/**
 * `fetch` for the plugin's outgoing requests (feed polls, webhook deliveries): refuses loopback,
 * private, link-local and unique-local addresses unless `allowAddresses` holds them. One pool per
 * set of allowed ranges.
 */
export const outboundFetch = (
  url: string,
  init: Parameters<typeof undiciFetch>[1],
  allowAddresses: readonly string[],
) => {
  const key = allowAddresses.join(',')
  let agent = agents.get(key)
  if (!agent) {
    agents.set(key, (agent = guardedAgent(allowAddresses.map(parseAddressRange))))
  }
  return undiciFetch(url, { ...init, dispatcher: agent })
}

/** What a failed fetch says, with the reason undici keeps in `cause` (a refused address, a DNS error). */
export const fetchFailure = (error: unknown): string => {
  // An `Error`, whose cause (if any) is one too: their messages are strings.
  const { cause, message } = recordOf(error)
  const causeMessage = stringOf(recordOf(cause).message)
  return causeMessage ? `${String(message)}: ${causeMessage}` : String(message)
}
