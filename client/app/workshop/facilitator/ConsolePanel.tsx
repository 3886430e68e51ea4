import { useEffect, useRef, type ReactNode } from 'react'

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

interface ConsolePanelProps {
  id: string
  /** Names the panel (the label of the button that opened it). */
  label: string
  /** Under the start of the row (stage, timer, readiness) or its end (the tools). */
  align: 'start' | 'end'
  /** The button that opened it: focus goes back there when the panel closes with Esc. */
  trigger: HTMLElement | null
  onClose(): void
  children: ReactNode
}

/**
 * The details of one console entry, dropped over the board below the toolbar (a bottom sheet on
 * a phone): the board does not move when it opens. Focus moves in; Esc closes it (from anywhere)
 * and returns focus to its button; a press anywhere outside the console closes it too.
 */
export function ConsolePanel({ id, label, align, trigger, onClose, children }: ConsolePanelProps) {
  const panel = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const element = panel.current
    const first = (element?.querySelector('[data-autofocus]') ?? element?.querySelector(FOCUSABLE)) as HTMLElement | null | undefined
    first?.focus()
    const outside = (event: PointerEvent) => {
      const target = event.target as Node | null
      if (!target || element?.contains(target) || trigger?.contains(target)) return
      // Another console button handles itself (it opens its own panel).
      if ((target as Element).closest?.('.console__row')) return
      close.current()
    }
    // Esc closes it wherever focus is (a panel left open must never cover the board), unless
    // something inside handled it first (an inline question, a field undoing its edit).
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open]')) return
      const inside = element?.contains(document.activeElement) === true || document.activeElement === document.body
      event.preventDefault()
      close.current()
      if (inside) trigger?.focus()
    }
    document.addEventListener('pointerdown', outside)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('pointerdown', outside)
      document.removeEventListener('keydown', escape)
    }
  }, [trigger])

  return (
    <div ref={panel} id={id} role="region" aria-label={label} className={`console-panel console-panel--${align}`}>
      {children}
    </div>
  )
}
