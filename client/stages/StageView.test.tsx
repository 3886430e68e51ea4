// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import { DEFAULT_STAGE_SETTINGS } from '../../shared/schema/stage.ts'
import { actAsync, cleanup, render } from '../testing/render.ts'
import { useStore } from '../state/store.ts'
import { INITIAL_SYNC_STATE } from '../sync/syncState.ts'
import { StageView } from './StageView.tsx'

let fail = true
let arrived: Promise<void> = Promise.resolve()
vi.mock('./frame/FrameStage.tsx', async () => {
  await arrived
  return { default: () => <p data-frame="" /> }
})
vi.mock('./signals/SignalsStage.tsx', () => {
  if (fail) throw new TypeError('Failed to fetch dynamically imported module')
  return { default: () => <p data-signals="" /> }
})

afterEach(cleanup)

const wait = (ms: number) => actAsync(() => new Promise((resolve) => setTimeout(resolve, ms)))

/** The Signals stage, whose code failed to load; once it says so, the code would load again. */
async function failedSignalsStage(): Promise<HTMLElement> {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  fail = true
  vi.resetModules()
  const stage = { id: 'stage-000000000000000000', kind: 'signals' as const, order: 'a0', skipped: false, settings: DEFAULT_STAGE_SETTINGS }
  const c = render(<StageView stage={stage} role="participant" isCurrent />)
  await wait(20)
  expect(c.querySelector('[role="alert"]')?.textContent).toContain("This stage didn't open")
  fail = false
  vi.resetModules()
  return c
}

describe('StageView', () => {
  it('says when a stage cannot load, and loads it on "Try again"', async () => {
    const c = await failedSignalsStage()
    act(() => c.querySelector('button')!.click())
    await wait(20)
    expect(c.querySelector('[data-signals]')).not.toBeNull()
  })

  it('tries again by itself when the connection comes back', async () => {
    const connected = { ...INITIAL_SYNC_STATE, status: 'connected' as const, synced: true }
    act(() => useStore.getState().setDocSync('control', { ...connected, status: 'offline' }))
    const c = await failedSignalsStage()
    act(() => useStore.getState().setDocSync('control', connected))
    await wait(20)
    expect(c.querySelector('[data-signals]')).not.toBeNull()
    useStore.getState().resetConnection()
  })

  it('says it is loading while the stage’s code is on its way, not an empty page', async () => {
    let arrive = () => {}
    arrived = new Promise((resolve) => (arrive = resolve))
    const stage = { id: 'stage-000000000000000001', kind: 'frame' as const, order: 'a0', skipped: false, settings: DEFAULT_STAGE_SETTINGS }
    const c = render(<StageView stage={stage} role="participant" isCurrent />)
    // Nothing for a moment: a fast load neither flashes nor is announced.
    await wait(20)
    expect(c.querySelector('[role="status"]')?.textContent).toBe('')
    await wait(450)
    expect(c.querySelector('[role="status"]')?.textContent).toBe('Loading this stage…')
    arrive()
    await wait(20)
    expect(c.querySelector('[data-frame]')).not.toBeNull()
    expect(c.querySelector('[role="status"]')).toBeNull()
  })
})
