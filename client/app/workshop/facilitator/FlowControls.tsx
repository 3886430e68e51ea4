import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useConsole } from './consoleContext.ts'
import { FinishIcon } from './consoleIcons.tsx'
import { PanelButton } from './PanelButton.tsx'
import { keepWhole } from '../../../ui/fit/useSqueeze.ts'
import { useFocusStaysIn } from '../../../ui/useFocusStaysIn.ts'

/**
 * Back and Next: move the room one stage (skipped stages are passed over). Moving asks first only
 * when something would be lost or hidden (see leaveChecks.ts); the question shows under the
 * toolbar. Before the first stage, Next says "Start"; on the last, "Finish the workshop" opens the
 * steps of the end (issue 11's FinishWorkshop).
 */
export function FlowControls() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const { nav, move } = useConsole()
  const { previous, next } = move
  const name = (kind: string) => t(`stage.${kind}.name`)
  const group = useRef<HTMLDivElement>(null)
  // Next becomes "Finish the workshop" on the last stage (and Back goes on the first): the keyboard stays in the row.
  useFocusStaysIn(group, (row) => row.querySelector('.console-flow__next, .console-flow__finish'))
  return (
    // The toolbar gives up other labels before any of this is cut (useSqueeze).
    <div ref={group} className="console-flow" role="group" aria-label={t('console.flow')} {...keepWhole}>
      {previous && (
        <button
          type="button"
          className="button button--secondary console-button console-flow__back"
          onClick={() => move.request(previous)}
          disabled={!control}
          aria-label={t('console.previous', { stage: name(previous.kind) })}
          aria-keyshortcuts="B"
        >
          <span aria-hidden="true">{'←'}</span>
          <span className="console-button__label">{t('console.back')}</span>
        </button>
      )}
      {next ? (
        <button
          type="button"
          className="button button--primary console-button console-flow__next"
          onClick={() => move.request(next)}
          disabled={!control}
          aria-label={t(nav.current ? 'console.next' : 'console.start', { stage: name(next.kind) })}
          // A phone's row shows the short "Next" (toolbar.css): the whole label on hover.
          title={t(nav.current ? 'console.next' : 'console.start', { stage: name(next.kind) })}
          aria-keyshortcuts="N"
        >
          <span className="console-flow__next-label" {...keepWhole}>
            {t(nav.current ? 'console.next' : 'console.start', { stage: name(next.kind) })}
          </span>
          <span className="console-flow__next-short">{t(nav.current ? 'console.nextShort' : 'console.startShort')}</span>
          <span className="console-flow__arrow" aria-hidden="true">
            {'→'}
          </span>
        </button>
      ) : (
        nav.current && (
          // The last stage: what comes next is finishing (lock, the report, the title page on screen).
          // A phone shows "Finish" (its whole name stays in aria-label), so the timer and "More…" keep their room.
          <PanelButton panel="finish" className="button--primary console-flow__finish" label={`${t('results.finish.title')} (${t('console.lastStage')})`}>
            <FinishIcon />
            <span className="console-button__label console-flow__finish-label" {...keepWhole}>
              {t('results.finish.title')}
            </span>
            <span className="console-flow__next-short">{t('console.finishShort')}</span>
          </PanelButton>
        )
      )}
    </div>
  )
}
