import type { IncomingMessage } from 'node:http'

/**
 * The address a request came from, for per-address limits. Behind a reverse proxy every request
 * comes from the proxy, so its `X-Forwarded-For` is believed, but only from the addresses listed
 * in TRUSTED_PROXIES: anyone else could write any address there.
 */
export function addressResolver(trustedProxies: readonly string[] = []): (req: IncomingMessage) => string {
  const trusted = new Set(trustedProxies)
  return (req) => {
    const peer = req.socket.remoteAddress ?? 'unknown'
    if (!trusted.has(peer)) return limitedAddress(peer)
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
    // The proxy appends the address it saw last; earlier entries are whatever the client sent.
    return limitedAddress(forwarded.at(-1) ?? peer)
  }
}

/**
 * What per-address limits count by: an IPv4 address (also written as IPv6, `::ffff:a.b.c.d`), or
 * an IPv6 address's /64 network. One subscriber gets a whole /64 and may use any address in it,
 * so limits by the full address would give one person billions of budgets.
 */
export function limitedAddress(address: string): string {
  const bare = address.replace(/%.*$/, '').toLowerCase()
  if (!bare.includes(':')) return bare
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)
  if (mapped) return mapped[1]!
  const [head = '', tail] = bare.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
