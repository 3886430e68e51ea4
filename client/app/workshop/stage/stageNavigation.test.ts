import { describe, expect, it } from 'vitest'
import { DEFAULT_STAGE_SETTINGS, type Stage, type StageKind } from '../../../../shared/schema/stage.ts'
import { resolveNavigation } from './stageNavigation.ts'

const stage = (id: string, kind: StageKind, skipped = false): Stage => ({ id, kind, order: id, skipped, settings: DEFAULT_STAGE_SETTINGS })
const STAGES = [stage('a', 'frame'), stage('b', 'signals'), stage('c', 'trends', true), stage('d', 'assess'), stage('e', 'takeaways')]

describe('resolveNavigation', () => {
  it('follows the room when not looking back; skipped stages are not steps', () => {
    const nav = resolveNavigation(STAGES, 'd', null)
    expect(nav.steps.map((s) => s.id)).toEqual(['a', 'b', 'd', 'e'])
    expect(nav.viewed?.id).toBe('d')
    expect(nav.viewedNumber).toBe(3)
    expect(nav.outOfStep).toBe(false)
    expect([...nav.finishedIds]).toEqual(['a', 'b'])
  })

  it('shows a finished stage someone went back to, and says they are out of step', () => {
    const nav = resolveNavigation(STAGES, 'd', 'a')
    expect(nav.viewed?.id).toBe('a')
    expect(nav.current?.id).toBe('d')
    expect(nav.outOfStep).toBe(true)
    expect(nav.viewedNumber).toBe(1)
  })

  it('ignores a look-back at a stage that is not finished (future, skipped, current or unknown)', () => {
    for (const viewing of ['e', 'c', 'd', 'zzz']) {
      const nav = resolveNavigation(STAGES, 'd', viewing)
      expect(nav.viewed?.id).toBe('d')
      expect(nav.outOfStep).toBe(false)
    }
  })

  it('before the start nothing is viewed and nothing is finished', () => {
    const nav = resolveNavigation(STAGES, null, 'a')
    expect(nav.viewed).toBeNull()
    expect(nav.viewedNumber).toBe(0)
    expect(nav.finishedIds.size).toBe(0)
  })
})
