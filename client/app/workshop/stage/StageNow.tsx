import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../shared/protocol.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'
import { selectFocalQuestion, selectHorizonYear } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { ReadyToggle } from '../ready/ReadyToggle.tsx'
import { StageClock } from './StageClock.tsx'
import type { StageNavigation } from './stageNavigation.ts'

/** The id of the viewed stage's heading: going back to the group moves focus here. */
export const STAGE_HEADING_ID = 'stage-now-title'

/**
 * The three questions at a glance: where are we (stage, "2 of 7"), what do I do now (the
 * facilitator's prompt, else the stage's default instruction), and how much time is left. A
 * participant also says "I'm done" here.
 */
export function StageNow({ nav, role }: { nav: StageNavigation; role: Role }) {
  const { t } = useTranslation()
  const stage = nav.viewed
  return (
    <section className="stage-now" aria-labelledby={STAGE_HEADING_ID}>
      <p className="eyebrow">
        {!stage
          ? t('workshop.now')
          : nav.outOfStep
            ? t('stageArea.lookingBackEyebrow', { number: nav.viewedNumber, total: nav.steps.length })
            : t('stageArea.stageOf', { number: nav.viewedNumber, total: nav.steps.length })}
      </p>
      <h2 id={STAGE_HEADING_ID} className="stage-now__name" tabIndex={-1}>
        {stage ? t(`stage.${stage.kind}.name`) : t('workshop.notStarted')}
      </h2>
      <p className="stage-now__instruction">{instructionFor(stage, nav.outOfStep, t)}</p>
      {/* The facilitator's console shows the clock with its controls. */}
      {stage && !nav.outOfStep && role !== 'facilitator' && (
        <div className="stage-now__status">
          <StageClock stageId={stage.id} />
          {role === 'participant' && <ReadyToggle stageId={stage.id} />}
        </div>
      )}
    </section>
  )
}

function instructionFor(stage: Stage | null, outOfStep: boolean, t: (key: string) => string): string {
  if (!stage) return t('workshop.notStartedHint')
  if (outOfStep) return t('stageArea.lookingBackHint')
  // The facilitator's own instruction replaces the default one when set.
  return stage.settings.prompt.trim() || t(`stage.${stage.kind}.instruction`)
}

/** The question the whole workshop looks at, with its horizon year. */
export function FocalQuestion() {
  const { t } = useTranslation()
  const question = useStore(selectFocalQuestion)
  const year = useStore(selectHorizonYear)
  if (!question) return null
  return (
    <section className="focal-question" aria-label={t('workshop.focalQuestion')}>
      <p className="eyebrow">{year ? t('workshop.focalQuestionWithYear', { year }) : t('workshop.focalQuestion')}</p>
      <p className="focal-question__text">{question}</p>
    </section>
  )
}
