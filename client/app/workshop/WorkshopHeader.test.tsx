// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { createWorkshopControl, readControl } from '../../../shared/doc/index.ts'
import { TEMPLATES } from '../../../shared/method/index.ts'
import { useStore } from '../../state/store.ts'
import { cleanup, render } from '../../testing/render.ts'
import { WorkshopHeader } from './WorkshopHeader.tsx'

const initial = useStore.getState()
afterEach(() => {
  cleanup()
  act(() => useStore.setState(initial, true))
})

/** The workshop as this page reads it, on its first stage. */
function controlSnapshot() {
  const doc = new Y.Doc()
  createWorkshopControl(doc, { title: 'Everyday welfare 2040', focalQuestion: 'What next?', horizonYear: 2040 }, TEMPLATES['signals-to-stories'])
  return readControl(doc)
}

const moreButton = (container: HTMLElement) => container.querySelector<HTMLButtonElement>('.workshop-header__more')!
const rowOpen = (container: HTMLElement) => container.querySelector('.workshop-header__extra--open') !== null

describe('the header’s “More” row (undo and language, on a phone)', () => {
  it('closes once a language is chosen, the keyboard back on “More”, and when the room moves on', () => {
    const control = controlSnapshot()
    act(() => useStore.setState({ control }))
    const container = render(<WorkshopHeader role="participant" />)
    act(() => moreButton(container).click())
    expect(rowOpen(container)).toBe(true)
    const finnish = container.querySelector<HTMLButtonElement>('.segmented__option[lang="fi"]')!
    act(() => finnish.click())
    expect(useStore.getState().ui.language).toBe('fi')
    expect(rowOpen(container)).toBe(false)
    expect(document.activeElement).toBe(moreButton(container))

    act(() => moreButton(container).click())
    expect(rowOpen(container)).toBe(true)
    act(() => useStore.setState({ control: { ...control, currentStageId: control.stages[1]!.id } }))
    expect(rowOpen(container)).toBe(false)
  })
})
