import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { setReady } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { outsideUndo, useUndoManager } from '../../../sync/UndoContext.tsx'
import { useIsReady } from './useReadiness.ts'
import './ready.css'

/**
 * "I'm done" for the room's current stage: a toggle the facilitator sees counted ("7 of 12
 * ready"). Pressing it again takes it back. It is a signal, not an undoable edit, so undo skips it.
 */
export function ReadyToggle({ stageId }: { stageId: string }) {
  const { t } = useTranslation()
  const hintId = useId()
  const { board } = useWorkshopDocs()
  const manager = useUndoManager()
  const isReady = useIsReady(stageId)
  const locked = useStore((s) => s.control?.locked === true)
  const participant = useStore((s) => s.participant)

  const toggle = () => {
    if (!board || !participant) return
    // Only named people are counted: ask the name first, the toggle waits for the next press.
    if (participant.name === '') {
      useStore.getState().openDialog('name')
      return
    }
    outsideUndo(manager, () => setReady(board, stageId, !isReady, { participantId: participant.id }))
  }

  return (
    <div className={`ready-toggle${isReady ? ' ready-toggle--on' : ''}`}>
      <button
        type="button"
        className="button ready-toggle__button"
        aria-pressed={isReady}
        aria-describedby={hintId}
        disabled={!board || locked}
        onClick={toggle}
      >
        <span className="ready-toggle__box" aria-hidden="true" />
        {t('ready.toggle')}
      </button>
      <p id={hintId} className="ready-toggle__hint">
        {locked ? (
          t('ready.hintLocked')
        ) : (
          <>
            <span className="ready-toggle__hint-long">{t(isReady ? 'ready.hintOn' : 'ready.hintOff')}</span>
            {/* A phone's bar has room for what pressing does, the button says the rest. */}
            <span className="ready-toggle__hint-short">{t(isReady ? 'ready.hintOnShort' : 'ready.hintOffShort')}</span>
          </>
        )}
      </p>
    </div>
  )
}
