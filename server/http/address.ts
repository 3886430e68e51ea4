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
    if (!trusted.has(peer)) return peer
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
    // The proxy appends the address it saw last; earlier entries are whatever the client sent.
    return forwarded.at(-1) ?? peer
  }
}
