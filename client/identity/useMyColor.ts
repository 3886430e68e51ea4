import { useStore } from '../state/store.ts'
import { colorByJoinOrder, personColor } from './palette.ts'

/** This person's presence colour: by their place in the board's join order, else their own stable one. */
export function useMyColor(): string | null {
  return useStore((s) => {
    const me = s.participant
    if (!me) return null
    const participants = s.board?.participants
    return (participants && colorByJoinOrder(participants, me.id)) ?? me.color
  })
}

/** Someone's colour (see `personColor`), re-rendering only when it changes. */
export function usePersonColor(id: string): string {
  return useStore((s) => personColor(s.board?.participants, id))
}
