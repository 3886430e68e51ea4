/**
 * Keyboard undo for the board: Ctrl/Cmd+Z, and Shift+Ctrl/Cmd+Z or Ctrl+Y to redo. Inside a text
 * field the browser's own text undo is left alone: it undoes typing letter by letter, which is
 * what a person writing a card expects.
 */

export type UndoShortcut = 'undo' | 'redo' | null

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

/** Which board action a key press asks for (null for anything else). */
export function undoShortcutOf(event: KeyInfo): UndoShortcut {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null
  const key = event.key.toLowerCase()
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo'
  return null
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week'])

/** Whether a key press here belongs to the text being edited (inputs, textareas, rich text). */
export function isTextEditingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const element = target as HTMLElement
  if (element.tagName === 'TEXTAREA') return true
  if (element.tagName === 'INPUT') return TEXT_INPUT_TYPES.has((element as HTMLInputElement).type || 'text')
  if (element.isContentEditable) return true
  // happy-dom and some editors report editability only through the attribute.
  return element.closest('[contenteditable]:not([contenteditable="false"])') !== null
}
