import { useTranslation } from 'react-i18next'
import { ReadyCount } from '../app/workshop/ready/ReadyCount.tsx'
import { useReadiness } from '../app/workshop/ready/useReadiness.ts'
import { StageClock } from '../app/workshop/stage/StageClock.tsx'
import { useStageNavigation } from '../app/workshop/stage/useStageNavigation.ts'
import { WorkshopConnectionIndicator } from '../app/workshop/ConnectionIndicator.tsx'
import { ConnectionProblem } from '../app/workshop/ConnectionProblem.tsx'
import { useWorkshopJoinCode } from '../app/join/useWorkshopJoinCode.ts'
import { StageScreenView } from '../stages/StageView.tsx'
import { selectFocalQuestion, selectWorkshopTitle } from '../state/selectors.ts'
import { useStore } from '../state/store.ts'
import { LockIcon } from '../ui/LockIcon.tsx'
import { RestoreNotice } from '../app/workshop/results/RestoreNotice.tsx'
import { ScreenResults } from '../app/workshop/results/ScreenResults.tsx'
import { FocusView } from './focus/FocusView.tsx'
import { JoinCorner, JoinPanel } from './JoinPanel.tsx'
import { stageShowsFocus } from './screenModel.ts'
import { useJoinPanel } from './useJoinPanel.ts'
import { useReloadWhenStale } from './useReloadWhenStale.ts'
import { useStayAwake } from './useStayAwake.ts'
import './screen.css'

/**
 * The projector: one screen, nothing to click, legible from the back of the room. A slim bar says
 * which stage, what to do, how much time and how many are done (and, once most have joined, the
 * join code in its corner); the focal question under it; then the stage's own projector view, or
 * the one item the facilitator put in focus, large, filling the rest. At the opening the join
 * panel stands large beside the question; on a later stage, turned on, in a column beside the
 * work (`joinPanelSize`). Survives the laptop sleeping (it reconnects and catches up,
 * client/sync/wake.ts) and a server update (it reloads itself).
 */
export function ScreenView() {
  const { t } = useTranslation()
  useStayAwake()
  useReloadWhenStale()
  const { current: stage, steps } = useStageNavigation()
  const title = useStore(selectWorkshopTitle)
  const question = useStore(selectFocalQuestion)
  const showJoin = useStore((s) => s.control?.showJoinPanel === true)
  const focus = useStore((s) => s.control?.focus ?? null)
  const results = useStore((s) => s.control?.screenShow ?? null)
  const locked = useStore((s) => s.control?.locked === true)
  const readiness = useReadiness(stage?.id ?? null)
  const join = useWorkshopJoinCode()
  const focusHere = focus && !(stage && stageShowsFocus(stage.kind, focus.kind)) ? focus : null
  const opening = !stage || stage.kind === 'frame'
  const panel = useJoinPanel(opening, showJoin)
  // The report's title page or a replay has the screen to itself: the join panel waits.
  const joinShown = showJoin && !results ? panel.size : null
  const joinLarge = joinShown === 'large'
  // A replay is of an earlier moment: the bar names it, not the live room's stage (the moment's
  // own stage and time head the board under it).
  const replaying = results?.kind === 'replay'

  return (
    <div className={`screen${joinLarge ? ' screen--joining' : ''}${opening ? ' screen--opening' : ''}`}>
      <header className="screen-bar">
        <div className="screen-bar__where">
          <p className="screen-bar__context">
            <span className="screen-bar__title">{title ?? t('workshop.untitled')}</span>
            {stage && !replaying && steps.includes(stage) && <span>{t('stageArea.stageOf', { number: steps.indexOf(stage) + 1, total: steps.length })}</span>}
          </p>
          <div className="screen-bar__now">
            <h1 className="screen-bar__stage">
              {replaying ? t('results.replay.screenKicker') : stage ? t(`stage.${stage.kind}.name`) : t('workshop.notStarted')}
            </h1>
            {/* The stage's task, clock and readiness are the live room's: not above the report's
                title page ("Write actions…" over "Thank you") or a replay of an earlier moment. */}
            {!results && (
              <p className="screen-bar__instruction">
                {stage ? stage.settings.prompt.trim() || t(`stage.${stage.kind}.instruction`) : t('workshop.notStartedHint')}
              </p>
            )}
          </div>
        </div>
        <div className="screen-bar__status ui-stack">
          {stage && !results && <StageClock stageId={stage.id} className="screen-clock" compact />}
          {stage && !results && <ReadyCount state={readiness} compact />}
          {/* The room sees why nothing can be added: phones say it, the wall should too. */}
          {locked && !results && (
            <p className="screen-locked">
              <LockIcon /> {t('stageArea.locked.screen')}
            </p>
          )}
          <WorkshopConnectionIndicator readOnly />
        </div>
        {joinShown === 'corner' && <JoinCorner join={join.state} joined={panel.joined} />}
      </header>
      {/* The report's title page says the question itself, large. */}
      {question && !opening && results?.kind !== 'report' && <p className="screen-question">{question}</p>}
      <ConnectionProblem />
      {/* The report's title page closes the workshop: not the place for a notice of an earlier restore. */}
      {results?.kind !== 'report' && <RestoreNotice role="screen" />}
      <main id="main" className="screen-main">
        <div className="screen-stage" data-stage-kind={stage?.kind}>
          {results ? <ScreenResults show={results} /> : focusHere ? <FocusView focus={focusHere} /> : stage && <StageScreenView key={stage.id} stage={stage} />}
        </div>
        {(joinLarge || joinShown === 'side') && <JoinPanel join={join.state} joined={panel.joined} side={joinShown === 'side'} />}
      </main>
    </div>
  )
}
