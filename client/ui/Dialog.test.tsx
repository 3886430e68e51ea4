// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, useState } from 'react'
import { cleanup, render } from '../testing/render.ts'
import { Dialog } from './Dialog.tsx'

afterEach(cleanup)

function Harness({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" id="opener" onClick={() => setOpen(true)}>
        open
      </button>
      <Dialog
        open={open}
        title="Add a signal"
        onClose={() => {
          onClose?.()
          setOpen(false)
        }}
      >
        <label>
          Title <input id="field" />
        </label>
      </Dialog>
    </>
  )
}

const dialogOf = (container: HTMLElement) => container.querySelector('dialog')!

function openIt(container: HTMLElement) {
  const opener = container.querySelector<HTMLButtonElement>('#opener')!
  opener.focus()
  act(() => opener.click())
}

describe('Dialog', () => {
  it('opens modally, names itself by its title and focuses the first field', () => {
    const container = render(<Harness />)
    expect(dialogOf(container).open).toBe(false)
    openIt(container)
    const dialog = dialogOf(container)
    expect(dialog.open).toBe(true)
    const titleId = dialog.getAttribute('aria-labelledby')!
    expect(document.getElementById(titleId)?.textContent).toBe('Add a signal')
    expect(document.activeElement?.id).toBe('field')
  })

  it('has a close button with an accessible name, which closes and returns focus to the opener', () => {
    const container = render(<Harness />)
    openIt(container)
    const close = [...dialogOf(container).querySelectorAll('button')].find((b) => b.textContent === 'Close')
    expect(close).toBeDefined()
    act(() => close!.click())
    expect(dialogOf(container).open).toBe(false)
    expect(document.activeElement?.id).toBe('opener')
  })

  it('closes on Escape, once, and returns focus', () => {
    const onClose = vi.fn()
    const container = render(<Harness onClose={onClose} />)
    openIt(container)
    const field = container.querySelector<HTMLInputElement>('#field')!
    act(() => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }))
    })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(dialogOf(container).open).toBe(false)
    expect(document.activeElement?.id).toBe('opener')
  })

  it('opened by itself (nothing had focus), hands focus to the main region when it closes, not back to the top of the page', () => {
    function OnArrival() {
      const [open, setOpen] = useState(true)
      return (
        <main id="main" tabIndex={-1}>
          <Dialog open={open} title="What is your name?" onClose={() => setOpen(false)}>
            <input id="name" />
          </Dialog>
        </main>
      )
    }
    ;(document.activeElement as HTMLElement | null)?.blur()
    const container = render(<OnArrival />)
    expect(document.activeElement?.id).toBe('name')
    act(() => [...dialogOf(container).querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click())
    expect(document.activeElement?.id).toBe('main')
  })

  it('renders no content while closed', () => {
    const container = render(<Harness />)
    expect(container.querySelector('#field')).toBeNull()
  })
})
