import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { goToStage } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { needsAdvanceConfirmation } from '../ready/readiness.ts'
import { ReadyCount } from '../ready/ReadyCount.tsx'
import { useReadiness } from '../ready/useReadiness.ts'
import type { StageNavigation } from '../stage/stageNavigation.ts'

/**
 * Moving the room: back one stage, or on to the next (skipped stages are passed over). While some
 * people here are not done, the first press on "Next" only asks, right beside the button:
 * "5 of 12 not ready — advance anyway?"; a second press moves on, "Wait" or Escape keeps the room
 * here. Below: how many are ready and who is still working.
 */
export function FlowControls({ nav }: { nav: StageNavigation }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const questionId = useId()
  const { control } = useWorkshopDocs()
  const { steps, current } = nav
  const index = current ? steps.indexOf(current) : -1
  const previous = index > 0 ? steps[index - 1] : undefined
  // Before the start (or from a skipped current stage) "next" is the first step after it.
  const next = current && index < 0 ? steps.find((stage) => stage.order > current.order) : steps[index + 1]
  const readiness = useReadiness(current?.id ?? null)
  // The stage the question was asked on: moving (by anyone) or everyone getting ready ends it.
  const [askedOn, setAskedOn] = useState<string | null>(null)
  const asking = askedOn !== null && askedOn === current?.id && needsAdvanceConfirmation(readiness)
  const notReady = readiness.total - readiness.ready

  const moveTo = (stageId: string) => {
    if (!control) return
    setAskedOn(null)
    goToStage(control, stageId)
    useStore.getState().viewStage(null)
  }

  const advance = () => {
    if (!next) return
    if (current && !asking && needsAdvanceConfirmation(readiness)) {
      setAskedOn(current.id)
      announce(t('console.confirmAdvance', { count: notReady, total: readiness.total }))
      return
    }
    moveTo(next.id)
  }

  return (
    <div
      className="console__group console__group--flow"
      role="group"
      aria-label={t('console.flow')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && asking) setAskedOn(null)
      }}
    >
      <div className="flow-buttons">
        {previous && (
          <button type="button" className="button button--secondary" onClick={() => moveTo(previous.id)} disabled={!control}>
            <span aria-hidden="true">{'←'}</span>
            {t('console.previous', { stage: t(`stage.${previous.kind}.name`) })}
          </button>
        )}
        {next ? (
          <button
            type="button"
            className={`button button--primary${asking ? ' flow-buttons__next--asking' : ''}`}
            onClick={advance}
            disabled={!control}
            aria-describedby={asking ? questionId : undefined}
          >
            {asking
              ? t('console.advanceAnyway', { stage: t(`stage.${next.kind}.name`) })
              : current
                ? t('console.next', { stage: t(`stage.${next.kind}.name`) })
                : t('console.start', { stage: t(`stage.${next.kind}.name`) })}
            <span aria-hidden="true">{'→'}</span>
          </button>
        ) : (
          current && <p className="console__note">{t('console.lastStage')}</p>
        )}
        {asking && (
          <button type="button" className="button button--ghost" onClick={() => setAskedOn(null)}>
            {t('console.wait')}
          </button>
        )}
      </div>
      {asking && (
        <p id={questionId} className="flow-question">
          {t('console.confirmAdvance', { count: notReady, total: readiness.total })}
        </p>
      )}
      {current && !asking && <ReadyCount state={readiness} />}
    </div>
  )
}
