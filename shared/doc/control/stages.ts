/**
 * Moving the room through the stages: go to a stage, skip or re-open one, reorder, and edit a
 * stage's settings (time box, vote budget, prompt).
 */
import * as Y from 'yjs'
import { StageSettingsPatchSchema, type Stage, type StageSettingsPatch } from '../../schema/index'
import { writeFields } from '../codec'
import { orderInRoot, parseRecord } from '../collections'
import { command } from '../commands/command'
import { STAGE_SPEC, SESSION_SET_FIELDS, readSession } from '../read'
import { controlSession, controlStages } from '../roots'

export function getStage(doc: Y.Doc, stageId: string): Stage | null {
  return parseRecord(controlStages(doc), STAGE_SPEC, stageId)
}

/**
 * Brings the room to a stage: participants follow, the timer is reset (idle, full time box), and
 * the projector shows the live stage again (no focus, no replay or title page) with its pages
 * turning. Going to a skipped stage re-opens it. Returns `false` for an
 * unknown stage.
 *
 * @example
 * goToStage(control, nextStageId(readControl(control)) ?? current)
 */
export function goToStage(doc: Y.Doc, stageId: string): boolean {
  return command(doc, () => {
    const stage = getStage(doc, stageId)
    if (!stage) return false
    if (stage.skipped) writeFields(controlStages(doc).get(stageId) as Y.Map<unknown>, { skipped: false })
    writeFields(
      controlSession(doc),
      {
        currentStageId: stageId,
        timer: { stageId, status: 'idle', endsAt: null, remainingMs: stage.settings.timerSeconds * 1000 },
        focus: null,
        // A new stage starts on its first projector page, turning by itself.
        screenPaging: { ...readSession(doc).screenPaging, paused: false },
      },
      SESSION_SET_FIELDS,
    )
    // A replay left on the screen stayed over the next stage, even after a reload.
    if (controlSession(doc).get('screenShow') != null) controlSession(doc).set('screenShow', null)
    return true
  })
}

/** Skips a stage (it stays listed, greyed out) or brings it back. */
export function setStageSkipped(doc: Y.Doc, stageId: string, skipped: boolean): boolean {
  return patchStage(doc, stageId, { skipped })
}

export function skipStage(doc: Y.Doc, stageId: string): boolean {
  return setStageSkipped(doc, stageId, true)
}

/** Moves a stage before another one, or to the end when `beforeStageId` is `null`. */
export function moveStage(doc: Y.Doc, stageId: string, beforeStageId: string | null): boolean {
  return command(doc, () => patchStage(doc, stageId, { order: orderInRoot(controlStages(doc), { before: beforeStageId, exclude: stageId }) }))
}

/** Writes a stage's settings; each setting is its own entry, so two edits of different settings merge. */
export function updateStageSettings(doc: Y.Doc, stageId: string, patch: StageSettingsPatch): boolean {
  const settings = StageSettingsPatchSchema.parse(patch)
  return command(doc, () => {
    const stage = getStage(doc, stageId)
    const entry = controlStages(doc).get(stageId) as Y.Map<unknown>
    if (!stage) return false
    const nested = entry.get('settings')
    if (nested instanceof Y.Map) writeFields(nested, settings)
    else writeFields(entry, { settings: { ...stage.settings, ...settings } }) // written by a foreign client as a plain object
    return true
  })
}

function patchStage(doc: Y.Doc, stageId: string, patch: Partial<Pick<Stage, 'skipped' | 'order'>>): boolean {
  return command(doc, () => {
    if (!getStage(doc, stageId)) return false
    writeFields(controlStages(doc).get(stageId) as Y.Map<unknown>, patch)
    return true
  })
}
