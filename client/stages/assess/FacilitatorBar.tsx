import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { closeAssessment, reopenAssessment } from '../../../shared/doc/index.ts'
import type { Stage } from '../../../shared/schema/index.ts'
import './styles/progress.css'
import { ProgressMeters } from './ProgressMeters.tsx'
import { useAssessCommands } from './useAssessData.ts'
import { useProgress } from './useProgress.ts'
import { Heading } from './Heading.tsx'
import { useFocusStaysIn } from '../../ui/useFocusStaysIn.ts'

/**
 * The facilitator's controls for this stage: the room's pace while voting is open, and closing
 * it to show everyone the group's result (or reopening it). Closing before everyone is done asks
 * for a second click, as advancing does elsewhere.
 */
export function FacilitatorBar({ stage, closed }: { stage: Stage; closed: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const { control } = useAssessCommands()
  const progress = useProgress(stage)
  const [confirming, setConfirming] = useState(false)
  const showVotes = stage.settings.votesPerPerson > 0
  const waitingFor = progress.people - progress.finished
  const bar = useRef<HTMLElement>(null)
  // Closing swaps the button for "Reopen voting", and "Keep it open" goes away: the keyboard stays on the bar's button.
  useFocusStaysIn(bar, (section) => section.querySelector('.assess-facilitator__actions :is(.button--primary, .button--secondary)'))

  const close = () => {
    if (!control) return
    if (waitingFor > 0 && !confirming) {
      setConfirming(true)
      return
    }
    setConfirming(false)
    closeAssessment(control, stage.id)
  }

  const reopen = () => {
    if (control) reopenAssessment(control, stage.id)
  }

  return (
    <section ref={bar} className={`assess-facilitator ui-toolbar${closed ? ' assess-facilitator--closed' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="assess-facilitator__status">
        <Heading id={`${id}-title`} className="assess-facilitator__title">
          <span className="assess-facilitator__light" aria-hidden="true" />
          {closed ? t('assess.facilitator.closed') : t('assess.facilitator.open')}
        </Heading>
        {closed ? (
          <p className="assess-facilitator__note">{t('assess.facilitator.closedNote')}</p>
        ) : (
          <ProgressMeters progress={progress} showVotes={showVotes} />
        )}
      </div>
      <div className="assess-facilitator__actions">
        {closed ? (
          <button type="button" className="button button--secondary" onClick={reopen}>
            {t('assess.facilitator.reopen')}
          </button>
        ) : (
          <>
            {confirming && (
              <p className="assess-facilitator__confirm" role="alert">
                {t(showVotes ? 'assess.facilitator.notEveryone' : 'assess.facilitator.notEveryonePlaced', { count: waitingFor })}
              </p>
            )}
            <div className="assess-facilitator__buttons">
              {confirming && (
                <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
                  {t('assess.facilitator.keepOpen')}
                </button>
              )}
              <button type="button" className="button button--primary" onClick={close}>
                {confirming ? t('assess.facilitator.closeAnyway') : t('assess.facilitator.close')}
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  )
}
