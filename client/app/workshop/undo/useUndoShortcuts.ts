import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../../ui/index.ts'
import { isTextEditingTarget, undoShortcutOf } from './shortcuts.ts'
import { useUndoManager } from '../../../sync/UndoContext.tsx'

/** Listens for the undo/redo keys on the whole page while the board is writable. */
export function useUndoShortcuts(enabled: boolean): void {
  const manager = useUndoManager()
  const announce = useAnnounce()
  const { t } = useTranslation()
  useEffect(() => {
    if (!manager || !enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoShortcutOf(event)
      if (!action || event.defaultPrevented || isTextEditingTarget(event.target)) return
      event.preventDefault()
      const done = action === 'undo' ? manager.undo() : manager.redo()
      announce(t(done ? `undo.${action}Done` : `undo.nothingTo${action === 'undo' ? 'Undo' : 'Redo'}`))
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [manager, enabled, announce, t])
}
