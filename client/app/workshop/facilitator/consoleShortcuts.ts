/**
 * The facilitator's keyboard: single keys, as presenters use (N next, B back, T timer, R reveal,
 * F show on screen, J join code, ? this list). Never while typing in a field, never with Ctrl,
 * Cmd or Alt (those belong to the browser and to undo), never on a key held down (holding N must
 * not race through the stages), and not while a dialog is open.
 */
import { isTextEditingTarget } from '../undo/shortcuts.ts'

export type ConsoleAction = 'next' | 'back' | 'timer' | 'reveal' | 'focus' | 'joinCode' | 'help'

/** In the order the "?" sheet lists them; `key` is what `KeyboardEvent.key` says (lower case). */
export const CONSOLE_SHORTCUTS: readonly { key: string; action: ConsoleAction }[] = [
  { key: 'n', action: 'next' },
  { key: 'b', action: 'back' },
  { key: 't', action: 'timer' },
  { key: 'r', action: 'reveal' },
  { key: 'f', action: 'focus' },
  { key: 'j', action: 'joinCode' },
  { key: '?', action: 'help' },
]

/**
 * Where this device remembers whether the single keys are on (WCAG 2.1.4: a speech-input user
 * dictating a word, or a stray key, must be able to stop them). On unless turned off in the sheet.
 */
export const SHORTCUTS_ON_KEY = 's2s:console:shortcuts'

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'target' | 'defaultPrevented'>

export function consoleShortcutOf(event: KeyInfo): ConsoleAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return null
  if (isTextEditingTarget(event.target)) return null
  const target = event.target as Element | null
  if (typeof target?.closest === 'function' && target.closest('dialog[open], [role="dialog"], select')) return null
  const key = event.key.length === 1 ? event.key.toLowerCase() : ''
  return CONSOLE_SHORTCUTS.find((shortcut) => shortcut.key === key)?.action ?? null
}
