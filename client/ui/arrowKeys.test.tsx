// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { cleanup, render } from '../testing/render.ts'
import { moveFocusWithArrows } from './arrowKeys.ts'

afterEach(cleanup)

function Choices() {
  return (
    <ul onKeyDown={moveFocusWithArrows}>
      {['Unsorted', 'Care moves home', 'Neighbours help'].map((name) => (
        <li key={name}>
          <button type="button">{name}</button>
        </li>
      ))}
    </ul>
  )
}

const press = (key: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })))
const focused = () => document.activeElement?.textContent

describe('moveFocusWithArrows', () => {
  it('Down and Up go through the buttons and stop at the ends; Home and End jump to them', () => {
    const container = render(<Choices />)
    container.querySelector('button')!.focus()
    press('ArrowDown')
    expect(focused()).toBe('Care moves home')
    press('ArrowDown')
    press('ArrowDown')
    expect(focused()).toBe('Neighbours help')
    press('ArrowUp')
    expect(focused()).toBe('Care moves home')
    press('Home')
    expect(focused()).toBe('Unsorted')
    press('End')
    expect(focused()).toBe('Neighbours help')
  })
})
