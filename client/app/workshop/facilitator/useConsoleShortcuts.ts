import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { setShowJoinPanel } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { readDeviceSwitch } from '../../../ui/useDeviceSwitch.ts'
import { useStageTimer } from '../stage/useStageTimer.ts'
import type { ConsoleContextValue } from './consoleContext.ts'
import { consoleShortcutOf, SHORTCUTS_ON_KEY } from './consoleShortcuts.ts'
import { revealNow } from './PrivateRoundButton.tsx'
import { toggledAnnouncement, toggleTimer } from './TimerControls.tsx'

/**
 * The console's keys on the whole page (see consoleShortcuts.ts for which and when), unless this
 * device has them off (the switch in the "?" sheet). Each does what its button does, so Next asks
 * the same question, and says what it did to screen readers.
 */
export function useConsoleShortcuts(console: ConsoleContextValue, openSheet: () => void): void {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const timer = useStageTimer(console.nav.current?.id ?? null)
  // The listener is added once; it reads the latest of everything through this ref.
  const latest = useRef({ console, openSheet, control, timer })
  latest.current = { console, openSheet, control, timer }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = consoleShortcutOf(event)
      if (!action || !readDeviceSwitch(SHORTCUTS_ON_KEY, true)) return
      const { console, openSheet, control, timer } = latest.current
      const { move, togglePanel } = console
      event.preventDefault()
      switch (action) {
        case 'next':
          if (move.next) move.request(move.next)
          break
        case 'back':
          if (move.previous) move.request(move.previous)
          break
        case 'timer':
          if (control && console.nav.current) {
            toggleTimer(control, timer)
            announce(t(toggledAnnouncement(timer)))
          }
          break
        case 'reveal': {
          const session = useStore.getState().control
          const waiting = Object.values(session?.privateCounts ?? {}).reduce((sum, entry) => sum + entry.count, 0)
          if (control && (session?.privateMode.on || waiting > 0)) revealNow(control, announce, t)
          break
        }
        case 'focus': {
          // From the toolbar's button, or from "More…" where it has moved on a narrow screen.
          const button = document.querySelector<HTMLElement>('[data-tool="screen"] button')
          const visible = button && button.offsetParent !== null ? button : document.querySelector<HTMLElement>('.console__more button')
          if (visible) togglePanel('screen', visible)
          break
        }
        case 'joinCode': {
          const shown = useStore.getState().control?.showJoinPanel === true
          if (control) {
            setShowJoinPanel(control, !shown)
            announce(t(shown ? 'console.shortcuts.joinHidden' : 'console.shortcuts.joinShown'))
          }
          break
        }
        case 'help':
          openSheet()
          break
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [announce, t])
}
