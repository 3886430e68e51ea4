import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useSqueeze } from '../../../ui/fit/useSqueeze.ts'
import type { Role } from '../../../../shared/protocol.ts'
import { useStore } from '../../../state/store.ts'
import type { StageNavigation } from './stageNavigation.ts'

/**
 * When the names do not fit in a row (Finnish at 1024 px: "Tulevaisuustarinat" is one long word),
 * the stages other than the room's and the one looked at show their number alone (stage.css).
 */
const SQUEEZE_STEPS = ['others'] as const

/**
 * The flow as numbered steps. Finished stages are buttons (look back at them), the room's stage
 * is a button too while someone is looking back (it takes them back to the group); stages to
 * come are plain text. A projector only shows where the room is.
 */
export function StageStepper({ nav, role }: { nav: StageNavigation; role: Role }) {
  if (nav.steps.length === 0) return null
  return <Steps nav={nav} role={role} />
}

function Steps({ nav, role }: { nav: StageNavigation; role: Role }) {
  const { t } = useTranslation()
  const stepper = useRef<HTMLElement>(null)
  const list = useRef<HTMLOListElement>(null)
  useSqueeze(stepper, list, SQUEEZE_STEPS)
  const interactive = role !== 'screen'
  return (
    <nav ref={stepper} className="stepper" aria-label={t('stageArea.steps')}>
      <ol ref={list} className="stepper__list ui-list">
        {nav.steps.map((stage, index) => {
          const isCurrent = stage.id === nav.current?.id
          const isViewed = stage.id === nav.viewed?.id
          const finished = nav.finishedIds.has(stage.id)
          const state = isCurrent ? 'current' : finished ? 'done' : 'upcoming'
          const status = [
            isCurrent ? t('stageArea.stepNow') : finished ? t('stageArea.stepDone') : t('stageArea.stepUpcoming'),
            ...(isViewed && nav.outOfStep ? [t('stageArea.stepViewing')] : []),
          ].join(', ')
          const content = (
            <>
              <span className="stepper__number ui-number-disc" aria-hidden="true">
                {index + 1}
              </span>
              <span className="stepper__name">{t(`stage.${stage.kind}.name`)}</span>
              <span className="visually-hidden">{`, ${status}`}</span>
            </>
          )
          const clickable = interactive && (finished || (isCurrent && nav.outOfStep))
          return (
            <li
              key={stage.id}
              className={`stepper__step stepper__step--${state}${isViewed ? ' stepper__step--viewed' : ''}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              {clickable ? (
                <button type="button" className="stepper__target" onClick={() => useStore.getState().viewStage(isCurrent ? null : stage.id)}>
                  {content}
                </button>
              ) : (
                <span className="stepper__target">{content}</span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
