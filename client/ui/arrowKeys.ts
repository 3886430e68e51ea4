import type { KeyboardEvent } from 'react'

/**
 * Up and Down (and Home, End) move the focus between the buttons of a list, as in a menu: people
 * who met a list of choices in a dialog pressed Down to go to the next and Enter, and filed a card
 * into the first trend, where focus had stayed. Tab still goes through them one by one.
 *
 * @example
 * <ul onKeyDown={moveFocusWithArrows}>…<button>…</button>…</ul>
 */
export function moveFocusWithArrows(event: KeyboardEvent<HTMLElement>): void {
  const step = { ArrowDown: 1, ArrowUp: -1 }[event.key]
  const edge = { Home: 'first', End: 'last' }[event.key]
  if (step === undefined && edge === undefined) return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
  if (buttons.length === 0) return
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  const next = edge === 'first' ? 0 : edge === 'last' ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, (at < 0 ? -1 : at) + step!))
  event.preventDefault()
  buttons[next]!.focus()
}
