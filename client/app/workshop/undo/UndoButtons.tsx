import { useTranslation } from 'react-i18next'
import { useStore } from '../../../state/store.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { RedoIcon, UndoIcon } from '../icons.tsx'
import { useUndo } from '../../../sync/UndoContext.tsx'
import { useUndoShortcuts } from './useUndoShortcuts.ts'

/**
 * Undo and redo of this person's own changes, in the header, with the keyboard shortcuts.
 * Disabled while the board is locked (the server would refuse the change anyway).
 */
export function UndoButtons() {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const locked = useStore((s) => s.control?.locked === true)
  const { canUndo, canRedo, undo, redo } = useUndo()
  useUndoShortcuts(!locked)
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
  return (
    <div className="undo-buttons" role="group" aria-label={t('undo.group')}>
      <button
        type="button"
        className="button button--ghost icon-button"
        disabled={locked || !canUndo}
        onClick={() => undo() && announce(t('undo.undoDone'))}
        aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
        title={t(isMac ? 'undo.undoTitleMac' : 'undo.undoTitle')}
      >
        <UndoIcon />
        <span className="visually-hidden">{t('undo.undo')}</span>
      </button>
      <button
        type="button"
        className="button button--ghost icon-button"
        disabled={locked || !canRedo}
        onClick={() => redo() && announce(t('undo.redoDone'))}
        aria-keyshortcuts={isMac ? 'Shift+Meta+Z' : 'Control+Y Shift+Control+Z'}
        title={t(isMac ? 'undo.redoTitleMac' : 'undo.redoTitle')}
      >
        <RedoIcon />
        <span className="visually-hidden">{t('undo.redo')}</span>
      </button>
    </div>
  )
}
