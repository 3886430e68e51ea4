// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { consoleShortcutOf } from './consoleShortcuts.ts'

const press = (key: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget | null = document.body) =>
  consoleShortcutOf({ key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, defaultPrevented: false, target, ...extra })

describe('console shortcuts', () => {
  it('map single keys, either case, to actions', () => {
    expect(press('n')).toBe('next')
    expect(press('N')).toBe('next')
    expect(press('b')).toBe('back')
    expect(press('t')).toBe('timer')
    expect(press('r')).toBe('reveal')
    expect(press('f')).toBe('focus')
    expect(press('j')).toBe('joinCode')
    expect(press('?')).toBe('help')
    expect(press('x')).toBeNull()
    expect(press('ArrowRight')).toBeNull()
  })

  it('leave typing, browser keys, held keys and dialogs alone', () => {
    const input = document.createElement('input')
    const editor = document.createElement('div')
    editor.setAttribute('contenteditable', 'true')
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    const inDialog = document.createElement('button')
    dialog.append(inDialog)
    document.body.append(input, editor, dialog)
    expect(press('n', {}, input)).toBeNull()
    expect(press('n', {}, editor)).toBeNull()
    expect(press('n', {}, inDialog)).toBeNull()
    expect(press('n', { ctrlKey: true })).toBeNull()
    expect(press('r', { metaKey: true })).toBeNull()
    expect(press('n', { repeat: true })).toBeNull()
    expect(press('n', { defaultPrevented: true })).toBeNull()
    // A button in the console is not a text field: the keys work from there.
    expect(press('n', {}, document.createElement('button'))).toBe('next')
  })
})
