// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { addSignal, initBoard, readBoard } from '../../../../shared/doc/index.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { LiveAnnouncer } from '../../../ui/index.ts'
import { isTextEditingTarget, undoShortcutOf } from './shortcuts.ts'
import { UndoButtons } from './UndoButtons.tsx'
import { UndoProvider } from '../../../sync/UndoContext.tsx'

afterEach(cleanup)

const me = { participantId: 'anna-0000000000000000' }
const press = (target: EventTarget, init: KeyboardEventInit) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  act(() => void target.dispatchEvent(event))
  return event
}

function setup() {
  const board = new Y.Doc()
  initBoard(board)
  const container = render(
    <UndoProvider board={board}>
      <LiveAnnouncer>
        <UndoButtons />
        <input id="title" />
        <textarea id="body" />
        <div id="rich" contentEditable suppressContentEditableWarning />
        <input id="box" type="checkbox" />
      </LiveAnnouncer>
    </UndoProvider>,
  )
  const titles = () => [...readBoard(board).signals.values()].map((s) => s.title)
  const add = (title: string) => act(() => void addSignal(board, { title }, me))
  return { board, container, titles, add }
}

describe('undo shortcuts', () => {
  it('Ctrl+Z undoes my last change and Shift+Ctrl+Z / Ctrl+Y redo it, from anywhere but text', () => {
    const { titles, add } = setup()
    add('Care robots')
    expect(press(document.body, { key: 'z', ctrlKey: true }).defaultPrevented).toBe(true)
    expect(titles()).toEqual([])
    press(document.body, { key: 'Z', ctrlKey: true, shiftKey: true })
    expect(titles()).toEqual(['Care robots'])
    press(document.body, { key: 'z', metaKey: true })
    press(document.body, { key: 'y', ctrlKey: true })
    expect(titles()).toEqual(['Care robots'])
  })

  it('leaves the browser text undo alone in inputs, textareas and rich text', () => {
    const { container, titles, add } = setup()
    add('Care robots')
    for (const id of ['title', 'body', 'rich']) {
      const event = press(container.querySelector(`#${id}`)!, { key: 'z', ctrlKey: true })
      expect(event.defaultPrevented).toBe(false)
    }
    expect(titles()).toEqual(['Care robots'])
    // A checkbox has no text to undo: the board's undo applies.
    press(container.querySelector('#box')!, { key: 'z', ctrlKey: true })
    expect(titles()).toEqual([])
  })

  it('buttons are named, disabled with nothing to undo, and enabled after a change', () => {
    const { container, add } = setup()
    const [undo, redo] = [...container.querySelectorAll<HTMLButtonElement>('.undo-buttons button')]
    expect(undo!.textContent).toBe('Undo')
    expect(redo!.textContent).toBe('Redo')
    expect(undo!.disabled).toBe(true)
    add('Care robots')
    expect(undo!.disabled).toBe(false)
    act(() => undo!.click())
    expect(redo!.disabled).toBe(false)
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe('Undone.')
  })
})

describe('undoShortcutOf', () => {
  it.each([
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'z', metaKey: true }, 'undo'],
    [{ key: 'z', metaKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', ctrlKey: true }, 'redo'],
    [{ key: 'y', metaKey: true }, null],
    [{ key: 'z' }, null],
    [{ key: 'z', ctrlKey: true, altKey: true }, null],
  ])('%o → %s', (init, expected) => {
    expect(undoShortcutOf({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init })).toBe(expected)
  })

  it('counts text inputs as text, not other inputs', () => {
    const input = document.createElement('input')
    expect(isTextEditingTarget(input)).toBe(true)
    input.type = 'range'
    expect(isTextEditingTarget(input)).toBe(false)
    expect(isTextEditingTarget(document.createElement('button'))).toBe(false)
  })
})
