import { createContext, useContext } from 'react'
import type { StageNavigation } from '../stage/stageNavigation.ts'
import type { RoomMove } from './useRoomMove.ts'

export interface ConsoleContextValue {
  nav: StageNavigation
  /** Every way of moving the room goes through here, so each asks the same question. */
  move: RoomMove
  /** The panel open under the toolbar (one at a time), or null. */
  openPanel: string | null
  /** Opens that panel from this button (focus returns to it), or closes it when open. */
  togglePanel(panel: string, trigger: HTMLElement): void
  closePanel(): void
  /** The id of a panel's element, for `aria-controls`. */
  panelId(panel: string): string
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null)

/** What a console entry or panel may use; only inside the facilitator's console. */
export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext)
  if (!value) throw new Error('useConsole outside the facilitator console')
  return value
}
