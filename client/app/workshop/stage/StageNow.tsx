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
 * The three questions at a glance, kept short so a phone shows the stage's task in its first
 * screen: where are we (stage, "2 of 7"), how much time is left (beside the name), what do I do
 * now (the facilitator's prompt, else the stage's default instruction), and the focal question as
 * a one-line reminder that opens to its full text. "I'm done" comes after the task (`ReadyBar`).
 */
export function StageNow({ nav, role }: { nav: StageNavigation; role: Role }) {
  const { t } = useTranslation()
  const stage = nav.viewed
  return (
    <section className="stage-now" aria-labelledby={STAGE_HEADING_ID}>
      <div className="stage-now__head">
        <h2 id={STAGE_HEADING_ID} className="stage-now__name" tabIndex={-1}>
          {stage ? t(`stage.${stage.kind}.name`) : t('workshop.notStarted')}
        </h2>
        <p className="eyebrow stage-now__eyebrow">
          {!stage
            ? t('workshop.now')
            : nav.outOfStep
              ? t('stageArea.lookingBackEyebrow', { number: nav.viewedNumber, total: nav.steps.length })
              : t('stageArea.stageOf', { number: nav.viewedNumber, total: nav.steps.length })}
        </p>
        {/* The facilitator's console shows the clock with its controls. */}
        {stage && !nav.outOfStep && role !== 'facilitator' && <StageClock stageId={stage.id} />}
      </div>
      <p className="stage-now__instruction">{instructionFor(stage, nav.outOfStep, t)}</p>
      {/* The frame stage shows the focal question big itself. */}
      {stage?.kind !== 'frame' && <FocalReminder />}
    </section>
  )
}

/** "I'm done" for the room's current stage, after the task: a bar that stays at the bottom of sight. */
export function ReadyBar({ nav, role }: { nav: StageNavigation; role: Role }) {
  const stage = nav.viewed
  if (role !== 'participant' || !stage || nav.outOfStep) return null
  return (
    <div className="ready-bar">
      <ReadyToggle stageId={stage.id} />
    </div>
  )
}

function instructionFor(stage: Stage | null, outOfStep: boolean, t: (key: string) => string): string {
  if (!stage) return t('workshop.notStartedHint')
  if (outOfStep) return t('stageArea.lookingBackHint')
  // The facilitator's own instruction replaces the default one when set.
  return stage.settings.prompt.trim() || t(`stage.${stage.kind}.short`)
}

/**
 * The question the whole workshop looks at, with its horizon year: one line that opens to the full
 * question (a disclosure, so it works by keyboard and says "collapsed / expanded").
 */
export function FocalReminder() {
  const { t } = useTranslation()
  const question = useStore(selectFocalQuestion)
  const year = useStore(selectHorizonYear)
  if (!question) return null
  return (
    <details className="focal-reminder">
      <summary className="focal-reminder__summary">
        <span className="focal-reminder__label">
          {/* On a phone the year alone stays in sight, the words for screen readers. */}
          <span className={`focal-reminder__name${year ? ' visually-hidden--phone' : ''}`}>{t('workshop.focalQuestion')}</span>
          {year && <span className="focal-reminder__year">{year}</span>}
        </span>
        <span className="focal-reminder__text">{question}</span>
      </summary>
    </details>
  )
}
