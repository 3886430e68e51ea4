import { useStore } from '../state/store.ts'
import { colorByJoinOrder } from './palette.ts'

/** This person's presence colour: by their place in the board's join order, else their own stable one. */
export function useMyColor(): string | null {
  return useStore((s) => {
    const me = s.participant
    if (!me) return null
    const participants = s.board?.participants
    return (participants && colorByJoinOrder(participants, me.id)) ?? me.color
  })
}
