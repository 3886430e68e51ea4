// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Trend } from '../../../shared/schema/index.ts'
import { cleanup, render } from '../../testing/render.ts'
import { WheelChooser } from './WheelChooser.tsx'
import type { WheelEntry } from './wheelModel.ts'

const entry = (id: string, name: string): WheelEntry => ({ key: `trend:${id}`, trend: { id, name } as Trend, group: null })
const entries = [entry('a', 'Care moves home and technology helps'), entry('b', 'Migration secures the care workforce')]

/** A window as wide as `phone` says: matchMedia answers the chooser's phone query. */
function windowOf(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: phone && query.includes('max-width'),
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }))
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the choice of wheel', () => {
  it('is a row of buttons on a laptop', () => {
    windowOf(false)
    const c = render(<WheelChooser entries={entries} source="keyDrivers" choice="all" onChoose={() => {}} />)
    expect([...c.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Care moves home and technology helps',
      'Migration secures the care workforce',
      'All 2 wheels',
    ])
    expect(c.querySelector('select')).toBeNull()
  })

  it('is one drop-down on a phone, its label for a screen reader, so the wheel and its "+" stay in the first screen', () => {
    windowOf(true)
    const chosen: string[] = []
    const c = render(<WheelChooser entries={entries} source="keyDrivers" choice="all" onChoose={(key) => chosen.push(key)} />)
    expect(c.querySelectorAll('button')).toHaveLength(0)
    const select = c.querySelector('select')!
    expect(c.querySelector(`label[for="${select.id}"]`)?.className).toBe('visually-hidden')
    expect(c.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Wheel')
    expect([...select.options].map((option) => option.textContent)).toEqual(['All 2 wheels', ...entries.map((e) => e.trend.name)])
    select.value = 'trend:b'
    select.dispatchEvent(new Event('change', { bubbles: true }))
    expect(chosen).toEqual(['trend:b'])
  })
})
