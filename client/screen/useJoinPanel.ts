import { useEffect, useMemo, useRef, useState } from 'react'
import { selectParticipants } from '../state/selectors.ts'
import { useStore } from '../state/store.ts'
import { usePeople } from '../sync/presence.ts'
import { joinPanelSize, joinedCount, SETTLED_AFTER_MS, type JoinPanelSize } from './screenModel.ts'

/**
 * How many have joined, and how the join panel shows (see `joinPanelSize`): arrivals, and the
 * facilitator turning the code on (`shown`), are timed here, on the projector, as they happen.
 */
export function useJoinPanel(opening: boolean, shown: boolean): { joined: number; size: JoinPanelSize } {
  const participants = useStore(selectParticipants)
  const people = usePeople()
  // Everyone seen here as a facilitator, kept when they go offline (see `joinedCount`).
  const [facilitators, setFacilitators] = useState<ReadonlySet<string>>(() => new Set())
  const newFacilitators = people.filter((person) => person.role === 'facilitator' && !facilitators.has(person.id))
  if (newFacilitators.length > 0) setFacilitators(new Set([...facilitators, ...newFacilitators.map((person) => person.id)]))
  const joined = useMemo(() => joinedCount(participants.keys(), people, facilitators), [participants, people, facilitators])
  const lastJoin = useRef({ joined: 0, at: Date.now() })
  const [now, setNow] = useState(() => Date.now())
  if (joined > lastJoin.current.joined) lastJoin.current = { joined, at: Date.now() }
  else if (joined < lastJoin.current.joined) lastJoin.current = { joined, at: lastJoin.current.at }
  // On when this screen opened: the quiet default, not the facilitator asking for it now.
  const [turnedOn, setTurnedOn] = useState<{ shown: boolean; at: number | null }>({ shown, at: null })
  if (turnedOn.shown !== shown) setTurnedOn({ shown, at: shown ? Date.now() : null })

  const size = joinPanelSize({ opening, joined, lastJoinAt: lastJoin.current.at, shownAt: turnedOn.at, now })
  // Wake once when the quiet period will be over, to shrink the panel then (at the opening, not
  // before the first has joined).
  const quietFrom = Math.max(lastJoin.current.at, turnedOn.at ?? -Infinity)
  const waitsForFirst = size === 'large' && joined === 0 && turnedOn.at === null
  useEffect(() => {
    if (size === 'corner' || waitsForFirst) return
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, quietFrom + SETTLED_AFTER_MS - Date.now()) + 50)
    return () => clearTimeout(timer)
  }, [size, waitsForFirst, quietFrom])
  return { joined, size }
}
