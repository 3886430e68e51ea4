import { useTranslation } from 'react-i18next'
import { selectFocalQuestion } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { STAGE_HEADING_ID } from '../stage/StageNow.tsx'
import { useConsole } from './consoleContext.ts'
import { ChevronIcon } from './consoleIcons.tsx'
import { PanelButton } from './PanelButton.tsx'
import { keepWhole } from '../../../ui/fit/useSqueeze.ts'
import { StageManager } from './StageManager.tsx'

/**
 * Where the room is, at the start of the toolbar: "2 of 7" and the stage's name (the page's stage
 * heading). It opens the stage's details: what the room is asked to do, the focal question, and
 * the whole flow to jump, skip or reorder.
 */
export function StageButton() {
  const { t } = useTranslation()
  const { nav } = useConsole()
  const stage = nav.current
  const number = stage ? nav.steps.indexOf(stage) + 1 : 0
  const name = stage ? t(`stage.${stage.kind}.name`) : t('workshop.notStarted')
  return (
    <div className="console-stage">
      <p className="console-stage__of">{stage && number > 0 ? t('console.stageOf', { number, total: nav.steps.length }) : t('workshop.now')}</p>
      <h2 id={STAGE_HEADING_ID} className="console-stage__heading" tabIndex={-1}>
        {/* Named in full whichever name shows: it is also the page's stage heading. */}
        <PanelButton panel="stage" className="console-stage__button" label={name}>
          <span className="console-stage__name" {...keepWhole}>
            {name}
          </span>
          {/* A phone's full row: "Pyörä", where "Tulevaisuuspyörä" and "Tulevaisuustarinat" both read "Tulevaisuus…". */}
          {stage && (
            <span className="console-stage__name console-stage__name--short" {...keepWhole}>
              {t(`stage.${stage.kind}.shortName`)}
            </span>
          )}
          <ChevronIcon />
        </PanelButton>
      </h2>
    </div>
  )
}

/** The stage's details: the room's instruction and focal question, then every stage. */
export function StagePanel() {
  const { t } = useTranslation()
  const { nav } = useConsole()
  const question = useStore(selectFocalQuestion)
  const stage = nav.current
  const instruction = stage ? stage.settings.prompt.trim() || t(`stage.${stage.kind}.instruction`) : t('workshop.notStartedHint')
  return (
    <div className="stage-panel">
      <dl className="stage-panel__facts">
        <dt>{t('console.stagePanel.instruction')}</dt>
        <dd>{instruction}</dd>
        {question && (
          <>
            <dt>{t('workshop.focalQuestion')}</dt>
            <dd>{question}</dd>
          </>
        )}
      </dl>
      <h3 className="stage-panel__heading">{t('console.stagePanel.all')}</h3>
      <StageManager />
    </div>
  )
}
