// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setGroups, setKeyDrivers } from '../../../shared/doc/index.ts'
import { PAGE_TURN_MS } from '../../ui/fit/usePageTurner.ts'
import { cleanup } from '../../testing/render.ts'
import { anna, screenOf, teardownAll, wheelWorkshop } from './testKit.tsx'

afterEach(() => {
  vi.useRealTimers()
  cleanup()
  teardownAll()
  localStorage.clear()
})

describe('the wheel on the projector', () => {
  it('says whose wheel it is when tables each made one, and nothing extra when there are no tables', () => {
    const w = wheelWorkshop()
    const plain = screenOf(anna, 'screen', w)
    expect(plain.querySelector('.wheel-screen__group')).toBeNull()
    cleanup()
    setGroups(w.control, [{ name: 'Table 2', trendId: w.trendIds[0]! }])
    const grouped = screenOf(anna, 'screen', w)
    expect(grouped.querySelector('.wheel-screen__group')?.textContent).toBe('Group: Table 2')
  })
  it('shows each wheel in focus in turn, saying which of how many, unless the facilitator put one on screen', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const w = wheelWorkshop()
    setKeyDrivers(w.control, w.trendIds)
    const screen = screenOf(anna, 'screen', w)
    const corner = () => screen.querySelector('.screen-wheel__of-wheels')?.textContent
    const centre = () => screen.querySelector('#wheel-screen-title')?.textContent
    expect(corner()).toBe('Wheel 1 of 2')
    expect(centre()).toContain('Care moves home')
    act(() => void vi.advanceTimersByTime(PAGE_TURN_MS))
    expect(corner()).toBe('Wheel 2 of 2')
    expect(centre()).toContain('Four-day work week')
    act(() => void vi.advanceTimersByTime(PAGE_TURN_MS))
    expect(corner()).toBe('Wheel 1 of 2')
  })
})
