import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { moveStage, setStageSkipped } from '../../../../shared/doc/index.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'
import { selectCurrentStageId, selectStages } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useHyphenate } from '../../../ui/hyphenate.ts'
import { useConsole } from './consoleContext.ts'

type StageState = 'now' | 'done' | 'skipped' | 'upcoming'

/** Where each stage stands relative to the room's: finished, now, skipped or still to come. */
export function stageStates(stages: readonly Stage[], currentStageId: string | null): StageState[] {
  const currentIndex = stages.findIndex((stage) => stage.id === currentStageId)
  return stages.map((stage, index) =>
    stage.id === currentStageId ? 'now' : stage.skipped ? 'skipped' : currentIndex >= 0 && index < currentIndex ? 'done' : 'upcoming',
  )
}

/**
 * The whole flow, skipped stages included: go to any stage (re-opening a finished or skipped
 * one), skip a stage or bring it back, and move stages earlier or later. The stage the room is on
 * cannot be skipped: move the room first. Lives in the stage's panel of the console.
 */
export function StageManager() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const stages = useStore(selectStages)
  const currentStageId = useStore(selectCurrentStageId)
  const states = stageStates(stages, currentStageId)
  const list = useRef<HTMLOListElement>(null)
  const { move: room } = useConsole()
  // The name column is narrow beside the row's buttons: "Tulevaisuustar|inat" broke with no hyphen.
  const hyphenate = useHyphenate()

  const move = (stage: Stage, index: number, direction: -1 | 1) => {
    if (!control) return
    const before = direction < 0 ? stages[index - 1] : stages[index + 2]
    moveStage(control, stage.id, before?.id ?? null)
    // The row moves in the DOM, which drops keyboard focus: put it back on the arrow just used
    // (or the other one, when this one is now disabled at the end of the list).
    requestAnimationFrame(() => {
      const row = list.current?.querySelector(`[data-stage-row="${stage.id}"]`)
      const buttons = row?.querySelectorAll<HTMLButtonElement>('.stage-manager__move')
      const preferred = buttons?.[direction < 0 ? 0 : 1]
      ;(preferred && !preferred.disabled ? preferred : buttons?.[direction < 0 ? 1 : 0])?.focus()
    })
  }

  // Asks first, like Next, when leaving would lose or hide something.
  const goTo = (stage: Stage) => room.request(stage)

  return (
    <ol className="stage-manager" ref={list} aria-label={t('console.stages.listLabel')}>
      {stages.map((stage, index) => {
        const state = states[index]!
        const name = t(`stage.${stage.kind}.name`)
        return (
          <li key={stage.id} className={`stage-manager__row stage-manager__row--${state}`} data-stage-row={stage.id}>
            <span className="stage-manager__number ui-number-disc" aria-hidden="true">
              {index + 1}
            </span>
            <span className="stage-manager__name">{hyphenate(name, 'narrow')}</span>
            <span className="stage-manager__state">{t(`console.stages.state.${state}`)}</span>
            <span className="stage-manager__actions">
              {state !== 'now' && (
                <button type="button" className="button button--secondary" onClick={() => goTo(stage)} disabled={!control}>
                  {t(state === 'upcoming' ? 'console.stages.goTo' : 'console.stages.reopen')}
                  <span className="visually-hidden">{`: ${name}`}</span>
                </button>
              )}
              {state !== 'now' && (
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => control && setStageSkipped(control, stage.id, !stage.skipped)}
                  disabled={!control}
                >
                  {t(stage.skipped ? 'console.stages.bringBack' : 'console.stages.skip')}
                  <span className="visually-hidden">{`: ${name}`}</span>
                </button>
              )}
              <button
                type="button"
                className="button button--ghost icon-button stage-manager__move"
                onClick={() => move(stage, index, -1)}
                disabled={!control || index === 0}
                aria-label={t('console.stages.earlier', { stage: name })}
              >
                <span aria-hidden="true">{'↑'}</span>
              </button>
              <button
                type="button"
                className="button button--ghost icon-button stage-manager__move"
                onClick={() => move(stage, index, 1)}
                disabled={!control || index === stages.length - 1}
                aria-label={t('console.stages.later', { stage: name })}
              >
                <span aria-hidden="true">{'↓'}</span>
              </button>
            </span>
          </li>
        )
      })}
    </ol>
  )
}
