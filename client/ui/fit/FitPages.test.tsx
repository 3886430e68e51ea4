// @vitest-environment happy-dom
import { act, useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render } from '../../testing/render.ts'
import { FitPages } from './FitPages.tsx'
import { PAGE_TURN_MS } from './usePageTurner.ts'

/**
 * happy-dom lays nothing out: every element here is 100 px wide and its content runs on to twice
 * that, so each density measures as two pages and the densest is shown on two.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(100)
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(200)
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

let type: (text: string) => void = () => {}

/** A story shown large, typed into elsewhere: its text comes from `type`. */
function Story() {
  const [text, setText] = useState('Aino')
  type = setText
  return (
    <FitPages levels={['large', 'small']} contentKey={text} className="story" label="Story">
      {() => <p>{text}</p>}
    </FitPages>
  )
}

const offset = (container: HTMLElement) => container.querySelector<HTMLElement>('.fit-flow')!.style.transform

describe('pages on the projector', () => {
  it('turns to the next page on time while the content changes under it (a story being typed)', () => {
    const container = render(<Story />)
    expect(offset(container)).toBe('')
    // A word a second, for longer than a page stays up.
    let text = 'Aino'
    for (let second = 1; second <= PAGE_TURN_MS / 1000; second++) {
      text += ' kirjoittaa'
      const now = text
      act(() => type(now))
      act(() => void vi.advanceTimersByTime(1000))
    }
    expect(offset(container)).toBe('translateX(-100px)')
  })
})
