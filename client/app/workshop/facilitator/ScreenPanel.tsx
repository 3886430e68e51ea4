import { useTranslation } from 'react-i18next'
import { pauseScreenPages, stepScreenPages } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useConsole } from './consoleContext.ts'
import { FocusPicker } from './FocusPicker.tsx'
import { focusKindForStage } from './focusOptions.ts'

/**
 * "Show on screen": put one item on the projector large, and the projector's pages: when the
 * work does not fit at once the screen turns its pages by itself; pause them to talk about one,
 * or step back and on.
 */
export function ScreenPanel() {
  const { nav } = useConsole()
  return (
    <div className="screen-panel">
      <ScreenPages />
      <FocusPicker initialKind={focusKindForStage(nav.current?.kind)} />
    </div>
  )
}

function ScreenPages() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const paused = useStore((s) => s.control?.screenPaging.paused === true)
  return (
    <section className="screen-pages" aria-label={t('console.pages.label')}>
      <p className="console__note">{t(paused ? 'console.pages.pausedNote' : 'console.pages.note')}</p>
      <div className="screen-pages__buttons">
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={paused}
          onClick={() => control && pauseScreenPages(control, !paused)}
          disabled={!control}
        >
          {t(paused ? 'console.pages.resume' : 'console.pages.pause')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => control && stepScreenPages(control, -1)} disabled={!control}>
          <span aria-hidden="true">{'‹ '}</span>
          {t('console.pages.previous')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => control && stepScreenPages(control, 1)} disabled={!control}>
          {t('console.pages.next')}
          <span aria-hidden="true">{' ›'}</span>
        </button>
      </div>
    </section>
  )
}
