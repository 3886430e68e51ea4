import { useTranslation } from 'react-i18next'
import { setLocked, setShowJoinPanel } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { JoinCodeIcon, LockClosedIcon, LockOpenIcon } from './consoleIcons.tsx'

/** "Lock the board": everyone can look, nobody can edit (pressed while locked). */
export function LockToggle() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const locked = useStore((s) => s.control?.locked === true)
  return (
    <button
      type="button"
      className={`button button--ghost console-button console-toggle console-toggle--lock${locked ? ' console-toggle--locked' : ''}`}
      aria-pressed={locked}
      disabled={!control}
      onClick={() => control && setLocked(control, !locked)}
      aria-label={t('console.lock.label')}
      title={t('console.lock.hint')}
    >
      {locked ? <LockClosedIcon /> : <LockOpenIcon />}
      <span className="console-button__label">{t('console.lock.label')}</span>
    </button>
  )
}

/** "Join code on screen": the QR code, the short address and the code on the projector (pressed while shown). J toggles it. */
export function JoinPanelToggle() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const shown = useStore((s) => s.control?.showJoinPanel === true)
  return (
    <button
      type="button"
      className="button button--ghost console-button console-toggle console-toggle--join"
      aria-pressed={shown}
      disabled={!control}
      onClick={() => control && setShowJoinPanel(control, !shown)}
      aria-keyshortcuts="J"
      aria-label={t('console.share.joinPanel')}
      title={t('console.share.joinPanelHint')}
    >
      <JoinCodeIcon />
      <span className="console-button__label">{t('console.share.joinPanel')}</span>
    </button>
  )
}
