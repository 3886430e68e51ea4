/**
 * Turns a typed join code into the participant link, by asking the server (`POST /api/join`).
 * The answer is one of the few things a person can do something about: a typo, too many tries
 * from this network, no connection.
 */
import { API_JOIN, normaliseJoinCode } from '../../../shared/joinCode.ts'
import { ID_PATTERN, KEY_PATTERN, workshopLink } from '../../../shared/protocol.ts'

export type JoinCodeResult =
  | { kind: 'ok'; link: string }
  /** Not a code at all (wrong length, a letter that codes never use). */
  | { kind: 'invalid' }
  /** A well-formed code no workshop has (a typo, or a code the facilitator replaced). */
  | { kind: 'unknown' }
  /** This address tried too many wrong codes: wait this many seconds. */
  | { kind: 'tooMany'; seconds: number }
  /** The server could not be reached or failed. */
  | { kind: 'offline' }

/**
 * @example
 * const result = await resolveJoinCode('k7f-3qx', location.origin)
 * if (result.kind === 'ok') navigate(result.link)
 */
export async function resolveJoinCode(input: string, origin: string, fetchFn: typeof fetch = fetch, signal?: AbortSignal): Promise<JoinCodeResult> {
  const code = normaliseJoinCode(input)
  if (!code) return { kind: 'invalid' }
  let response: Response
  try {
    response = await fetchFn(API_JOIN, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      signal,
    })
  } catch {
    return { kind: 'offline' }
  }
  if (response.status === 404) return { kind: 'unknown' }
  if (response.status === 400) return { kind: 'invalid' }
  if (response.status === 429) return { kind: 'tooMany', seconds: Math.max(1, Number(response.headers.get('retry-after')) || 60) }
  if (!response.ok) return { kind: 'offline' }
  try {
    const { id, key } = (await response.json()) as { id?: unknown; key?: unknown }
    if (typeof id === 'string' && ID_PATTERN.test(id) && typeof key === 'string' && KEY_PATTERN.test(key))
      return { kind: 'ok', link: workshopLink(origin, id, 'participant', key) }
  } catch {
    // fall through: an answer we cannot read is a failure of the server, not of the code
  }
  return { kind: 'offline' }
}
