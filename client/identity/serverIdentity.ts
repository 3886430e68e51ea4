/**
 * The person's identity in one workshop, issued and signed by the server: the server accepts
 * votes, placements, "I'm done", +1s, a name and a private draft only from the person whose id
 * they carry, and it knows who that is from the token this browser offers when it connects.
 * Kept in localStorage per workshop, so a reload or a return the next day is the same person.
 */
import * as z from 'zod/mini'
import { API_WORKSHOPS, ID_PATTERN, MAX_EARLIER_IDENTITIES } from '../../shared/protocol.ts'
import { browserStorage, type KeyValueStore } from '../sync/browserStorage.ts'

export interface ServerIdentity {
  participantId: string
  token: string
}

const Schema = z.object({ participantId: z.string().check(z.regex(ID_PATTERN)), token: z.string().check(z.minLength(1), z.maxLength(64)) })
/** As kept: with when this browser last opened the workshop (none in identities kept before it was noted). */
const KeptSchema = z.object({ ...Schema.shape, at: z.optional(z.number()) })
export const identityStorageKey = (workshopId: string) => `s2s:identity:${workshopId}`

/** The identity this browser was given in this workshop, or null. */
export function loadServerIdentity(workshopId: string, store: KeyValueStore | null = browserStorage()): ServerIdentity | null {
  try {
    const parsed = Schema.safeParse(JSON.parse(store?.getItem(identityStorageKey(workshopId)) ?? 'null'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export type IdentityAnswer =
  | { kind: 'ok'; identity: ServerIdentity }
  /** The server will not give one (429 past the workshop's hourly limit, 403 for a screen). */
  | { kind: 'refused' }
  /** No answer (offline, server restarting): ask again later. */
  | { kind: 'unreachable' }

/**
 * The identities this browser holds in other workshops: a workshop imported from one of them
 * knows this person by one of these (the server picks it: identityRoutes.ts `earlierSelf`).
 */
export function earlierIdentities(workshopId: string, store: KeyValueStore | null = browserStorage()): { workshopId: string; token: string }[] {
  const prefix = identityStorageKey('')
  const held: { workshopId: string; token: string; at: number }[] = []
  for (let index = 0; store?.key && index < (store.length ?? 0); index++) {
    const name = store.key(index)
    const other = name?.startsWith(prefix) ? name.slice(prefix.length) : null
    if (!other || other === workshopId || !ID_PATTERN.test(other)) continue
    try {
      const kept = KeptSchema.safeParse(JSON.parse(store.getItem(name!) ?? 'null'))
      if (kept.success) held.push({ workshopId: other, token: kept.data.token, at: kept.data.at ?? 0 })
    } catch {
      // not JSON: not an identity
    }
  }
  // The most recently opened first: a facilitator with many workshops behind them opens a backup of a recent one.
  return held
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_EARLIER_IDENTITIES)
    .map(({ workshopId: other, token }) => ({ workshopId: other, token }))
}

/**
 * Asks the server for this person's identity, offering the one kept here: a valid one comes back
 * unchanged, a missing or no longer valid one (a server that lost its secret) is replaced. A
 * browser new to the workshop offers the identities it holds in others, so someone returning to
 * a workshop imported from one they were in is themselves again. The answer is remembered.
 */
export async function requestServerIdentity(
  workshopId: string,
  key: string,
  known: ServerIdentity | null,
  fetchImpl: typeof fetch = fetch,
  store: KeyValueStore | null = browserStorage(),
): Promise<IdentityAnswer> {
  return postIdentity(workshopId, key, known ? { token: known.token } : { earlier: earlierIdentities(workshopId, store) }, fetchImpl, store)
}

/**
 * A facilitator's other device continuing as the person they already are on this board (the
 * server checks the key and the board: identityRoutes.ts, `as`). Remembered like any identity;
 * the page then reloads as that person.
 */
export function requestIdentityAs(
  workshopId: string,
  key: string,
  participantId: string,
  fetchImpl: typeof fetch = fetch,
  store: KeyValueStore | null = browserStorage(),
): Promise<IdentityAnswer> {
  return postIdentity(workshopId, key, { as: participantId }, fetchImpl, store)
}

async function postIdentity(workshopId: string, key: string, body: object, fetchImpl: typeof fetch, store: KeyValueStore | null): Promise<IdentityAnswer> {
  let response: Response
  try {
    response = await fetchImpl(`${API_WORKSHOPS}/${workshopId}/identity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    return { kind: 'unreachable' }
  }
  if (response.status >= 500) return { kind: 'unreachable' }
  if (!response.ok) return { kind: 'refused' }
  const parsed = Schema.safeParse(await response.json().catch(() => null))
  if (!parsed.success) return { kind: 'unreachable' }
  try {
    store?.setItem(identityStorageKey(workshopId), JSON.stringify({ ...parsed.data, at: Date.now() }))
  } catch {
    // Not remembered: this page is still this person; a reload asks again.
  }
  return { kind: 'ok', identity: parsed.data }
}
