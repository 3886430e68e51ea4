import { useTranslation } from 'react-i18next'
import { goToStage, setLocked } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Switch } from '../../../ui/index.ts'
import type { StageNavigation } from '../stage/stageNavigation.ts'
import { PrivateModeControls } from './PrivateModeControls.tsx'
import './facilitator.css'

/**
 * The facilitator's controls for the room (a first, minimal console): move the room to the
 * previous or next stage (skipped stages are passed over), private writing on a signals stage,
 * and the lock. Only the facilitator sees it; the server refuses these writes from anyone else.
 */
export function FacilitatorConsole({ nav }: { nav: StageNavigation }) {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const { steps, current } = nav
  const index = current ? steps.indexOf(current) : -1
  const previous = index > 0 ? steps[index - 1] : undefined
  // Before the start (or from a skipped current stage) "next" is the first step after it.
  const next = current && index < 0 ? steps.find((stage) => stage.order > current.order) : steps[index + 1]

  const moveTo = (stageId: string) => {
    if (!control) return
    goToStage(control, stageId)
    useStore.getState().viewStage(null)
  }

  return (
    <section className="console" aria-labelledby="console-title">
      <h2 id="console-title" className="console__title">
        {t('console.title')}
      </h2>
      <div className="console__groups">
        <div className="console__group console__group--flow" role="group" aria-label={t('console.flow')}>
          {previous && (
            <button type="button" className="button button--secondary" onClick={() => moveTo(previous.id)} disabled={!control}>
              <span aria-hidden="true">{'←'}</span>
              {t('console.previous', { stage: t(`stage.${previous.kind}.name`) })}
            </button>
          )}
          {next ? (
            <button type="button" className="button button--primary" onClick={() => moveTo(next.id)} disabled={!control}>
              {current ? t('console.next', { stage: t(`stage.${next.kind}.name`) }) : t('console.start', { stage: t(`stage.${next.kind}.name`) })}
              <span aria-hidden="true">{'→'}</span>
            </button>
          ) : (
            current && <p className="console__note">{t('console.lastStage')}</p>
          )}
        </div>
        {current?.kind === 'signals' && <PrivateModeControls />}
        <LockSwitch />
      </div>
    </section>
  )
}

function LockSwitch() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const locked = useStore((s) => s.control?.locked === true)
  return (
    <div className="console__group console__group--switch">
      <Switch
        checked={locked}
        disabled={!control}
        onChange={(next) => control && setLocked(control, next)}
        label={t('console.lock.label')}
        hint={t('console.lock.hint')}
      />
    </div>
  )
}
