import { useCallback, useEffect, useState } from 'react'
import type { WorkshopLinks } from '../../../../shared/api.ts'
import { API_WORKSHOPS, KEY_PATTERN, workshopLink } from '../../../../shared/protocol.ts'
import { useStore } from '../../../state/store.ts'
import { LINKS_CHANGED_EVENT } from './admin/adminApi.ts'

export type ShareLinks = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; participant: string; screen: string }

/**
 * The links to share, from `GET /api/workshops/<id>` with the facilitator key. Built on this
 * page's own origin rather than taken verbatim: the server sees the Host but not whether a proxy
 * in front speaks https, and the address the facilitator reached is one the room can reach too.
 * The projector fetches the join code with its own key, so its link carries nothing else.
 */
export function useWorkshopLinks(): { links: ShareLinks; retry(): void } {
  const session = useStore((s) => s.session)
  const [attempt, setAttempt] = useState(0)
  const [links, setLinks] = useState<ShareLinks>({ kind: 'loading' })
  const workshopId = session?.workshopId
  const key = session?.role === 'facilitator' ? session.key : null

  useEffect(() => {
    if (!workshopId || !key) return
    const controller = new AbortController()
    setLinks({ kind: 'loading' })
    fetch(`${API_WORKSHOPS}/${encodeURIComponent(workshopId)}`, { headers: { authorization: `Bearer ${key}` }, cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`links answered ${response.status}`)
        const { keys } = (await response.json()) as Partial<WorkshopLinks>
        if (!keys || !KEY_PATTERN.test(keys.participant) || !KEY_PATTERN.test(keys.screen)) throw new Error('links without keys')
        const origin = window.location.origin
        setLinks({
          kind: 'ready',
          participant: workshopLink(origin, workshopId, 'participant', keys.participant),
          screen: workshopLink(origin, workshopId, 'screen', keys.screen),
        })
      })
      .catch(() => {
        if (!controller.signal.aborted) setLinks({ kind: 'failed' })
      })
    return () => controller.abort()
  }, [workshopId, key, attempt])

  const retry = useCallback(() => setAttempt((a) => a + 1), [])
  // A rotated participant key (admin/) makes the links shown here stale.
  useEffect(() => {
    window.addEventListener(LINKS_CHANGED_EVENT, retry)
    return () => window.removeEventListener(LINKS_CHANGED_EVENT, retry)
  }, [retry])
  return { links, retry }
}
