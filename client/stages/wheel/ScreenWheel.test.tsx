// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { setGroups } from '../../../shared/doc/index.ts'
import { cleanup } from '../../testing/render.ts'
import { anna, screenOf, teardownAll, wheelWorkshop } from './testKit.tsx'

afterEach(() => {
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
})
