import { useEffect, useMemo, useRef, useState } from 'react'
import { selectParticipants } from '../state/selectors.ts'
import { useStore } from '../state/store.ts'
import { usePeople } from '../sync/presence.ts'
import { joinPanelSize, joinedCount, SETTLED_AFTER_MS } from './screenModel.ts'

/**
 * How many have joined, and whether the join panel is large or a corner code (see
 * `joinPanelSize`): arrivals are timed here, on the projector, as they happen.
 */
export function useJoinPanel(opening: boolean): { joined: number; size: 'large' | 'corner' } {
  const participants = useStore(selectParticipants)
  const people = usePeople()
  const joined = useMemo(() => joinedCount(participants.keys(), people), [participants, people])
  const lastJoin = useRef({ joined: 0, at: Date.now() })
  const [now, setNow] = useState(() => Date.now())
  if (joined > lastJoin.current.joined) lastJoin.current = { joined, at: Date.now() }
  else if (joined < lastJoin.current.joined) lastJoin.current = { joined, at: lastJoin.current.at }

  const size = joinPanelSize({ opening, joined, lastJoinAt: lastJoin.current.at, now })
  // Wake once when the quiet period will be over, to shrink the panel then.
  useEffect(() => {
    if (size !== 'large' || joined === 0) return
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, lastJoin.current.at + SETTLED_AFTER_MS - Date.now()) + 50)
    return () => clearTimeout(timer)
  }, [size, joined])
  return { joined, size }
}
