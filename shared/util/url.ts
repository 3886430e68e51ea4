/**
 * Links are the one piece of user text that becomes an `href`. Only http(s) is allowed: a
 * `javascript:` or `data:` source link on a shared board would run in every participant's browser.
 */

/**
 * Returns the normalised URL when `input` is an absolute http(s) URL, `''` for blank input, and
 * `null` for anything else.
 *
 * @example
 * safeHttpUrl(' https://example.org/a ') // 'https://example.org/a'
 * safeHttpUrl('javascript:alert(1)')     // null
 * safeHttpUrl('')                        // ''
 */
export function safeHttpUrl(input: string): string | null {
  const trimmed = input.trim()
  if (trimmed === '') return ''
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  // Credentials in a link shared with a room are a leak, never a feature.
  if (url.username !== '' || url.password !== '') return null
  return url.href
}

/** The host shown on a card ("who says so"), without a leading `www.`. */
export function sourceDomain(url: string): string {
  const safe = safeHttpUrl(url)
  if (!safe) return ''
  return new URL(safe).hostname.replace(/^www\./, '')
}
