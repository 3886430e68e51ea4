/**
 * The participant link the screen shows as a QR code. A screen key cannot ask the server for it
 * (only a facilitator key can), so the facilitator's "screen link" carries it in the fragment:
 * `/w/<id>/screen#key=<screen key>&join=<participant key>`. Fragments never reach the server or
 * its logs; the participant link is on the wall anyway. Remembered per tab, so a reload (or the
 * projector laptop waking up) keeps it.
 */
import { useEffect, useState } from 'react'
import { KEY_PATTERN, workshopLink } from '../../shared/protocol.ts'
import { checkAccess } from '../app/workshop/access/checkAccess.ts'

export const JOIN_PARAM = 'join'

const storageKey = (workshopId: string) => `s2s:join:${workshopId}`

/** The screen link that also shows the join code: the facilitator shares this one. */
export function screenLinkWithJoin(screenLink: string, participantKey: string): string {
  return `${screenLink}&${JOIN_PARAM}=${participantKey}`
}

/** The participant key in a fragment such as `#key=…&join=…`, or null. */
export function joinKeyFromFragment(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get(JOIN_PARAM)
  return key && KEY_PATTERN.test(key) ? key : null
}

function rememberedJoinKey(workshopId: string, hash: string): string | null {
  const fromFragment = joinKeyFromFragment(hash)
  try {
    if (fromFragment) sessionStorage.setItem(storageKey(workshopId), fromFragment)
    const stored = fromFragment ?? sessionStorage.getItem(storageKey(workshopId))
    return stored && KEY_PATTERN.test(stored) ? stored : null
  } catch {
    return fromFragment
  }
}

export type JoinLinkState = { kind: 'checking' } | { kind: 'ready'; link: string } | { kind: 'missing' }

/**
 * The participant link for this workshop, once the server confirmed the key is a participant's
 * (a wrong code on the wall would send the whole room to a dead end). When the server cannot be
 * asked (offline), the link is shown anyway: it came from the facilitator.
 */
export function useJoinLink(workshopId: string | null): JoinLinkState {
  const [state, setState] = useState<JoinLinkState>({ kind: 'checking' })
  useEffect(() => {
    if (!workshopId) return
    const key = rememberedJoinKey(workshopId, window.location.hash)
    if (!key) {
      setState({ kind: 'missing' })
      return
    }
    const controller = new AbortController()
    void checkAccess(workshopId, key, fetch, controller.signal).then((result) => {
      if (controller.signal.aborted) return
      const trusted = result.kind === 'unknown' || (result.kind === 'ok' && result.role === 'participant')
      setState(trusted ? { kind: 'ready', link: workshopLink(window.location.origin, workshopId, 'participant', key) } : { kind: 'missing' })
    })
    return () => controller.abort()
  }, [workshopId])
  return state
}

/** "signals.example.org/w/AbC…/join": the address without scheme and key, for reading off the wall. */
export function shortLink(link: string): string {
  const url = new URL(link)
  return `${url.host}${url.pathname}`
}
