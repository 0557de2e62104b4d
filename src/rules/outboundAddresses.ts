import ipaddr from 'ipaddr.js'

/**
 * Which addresses the plugin's outgoing requests (feed polls, webhook deliveries) may reach, as a pure
 * rule: public unicast addresses, and those inside ranges the host allows. Loopback, private,
 * link-local (cloud metadata at 169.254.169.254), unique-local, carrier-grade NAT, multicast,
 * reserved and the IPv6 translation prefixes (which can embed any IPv4 address) are refused.
 * ipaddr.js classifies them, rather than a hand-written table.
 */

export type AddressRange = [ipaddr.IPv4 | ipaddr.IPv6, number]

/** `"10.0.0.0/8"`, `"::1/128"` or a bare address; throws on anything else. */
export const parseAddressRange = (range: string): AddressRange =>
  range.includes('/')
    ? ipaddr.parseCIDR(range)
    : (() => {
        const address = ipaddr.parse(range)
        return [address, address.kind() === 'ipv4' ? 32 : 128]
      })()

export const isAddressRange = (range: unknown): range is string => {
  if (typeof range !== 'string') {
    return false
  }
  try {
    parseAddressRange(range)
    return true
  } catch {
    return false
  }
}

/** The address as IPv4 when it is an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`). */
const normalised = (address: string) => {
  const parsed = ipaddr.parse(address)
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()
    ? parsed.toIPv4Address()
    : parsed
}

/** Why `address` may not be reached (its range, e.g. "loopback"), or undefined when it may. */
export const refusedAddressReason = (
  address: string,
  allowed: readonly AddressRange[] = [],
): string | undefined => {
  if (!ipaddr.isValid(address)) {
    return 'not an IP address'
  }
  const parsed = normalised(address)
  const range = parsed.range()
  if (range === 'unicast') {
    return undefined
  }
  const inAllowed = allowed.some(
    ([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits),
  )
  return inAllowed ? undefined : range
}
