/**
 * What a person may paste into "Join a workshop", turned into the page to open:
 *   - a full link:   https://host/w/<id>/join#key=<key>   (any of the three roles)
 *   - a path:        /w/<id>/join#key=<key>
 *   - a code:        <id><key> (54 characters), or <id> and <key> separated by a space, "/",
 *                    "#" or "#key=". A code always opens the participant page.
 * Returns null for anything else; only http(s) links are accepted.
 */
import { ID_SOURCE, KEY_SOURCE, workshopLink } from '../../../shared/protocol.ts'
import { keyFromFragment } from '../keys.ts'
import { parseRoute } from '../routing.ts'

const CODE = new RegExp(`^(${ID_SOURCE})(?:\\s+|/|#key=|#)?(${KEY_SOURCE})$`)

export function joinTarget(input: string, origin: string): string | null {
  const text = input.trim()
  if (!text) return null

  const code = CODE.exec(text)
  if (code?.[1] && code[2]) return workshopLink(origin, code[1], 'participant', code[2])

  let url: URL
  try {
    url = new URL(text, origin)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (parseRoute(url.pathname).name !== 'workshop' || !keyFromFragment(url.hash)) return null
  return url.href
}
