import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

interface ConsolePanelProps {
  id: string
  /** Names the panel (the label of the button that opened it). */
  label: string
  /** Under the start of the row (stage, timer, readiness) or its end (the tools). */
  align: 'start' | 'end'
  /**
   * Shows the label as the panel's heading, with a close button: for the tools (Invite, Export,
   * History…), whose content alone did not say what had opened, and whose phone sheet had no way
   * to close but a tap beside it. The small popovers (stage, timer, ready, More) go without.
   */
  titled?: boolean
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
export function ConsolePanel({ id, label, align, titled = false, trigger, onClose, children }: ConsolePanelProps) {
  const { t } = useTranslation()
  const panel = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const element = panel.current
    // Focus goes to the content, not to the close button before it.
    const content = body.current
    const firstIn = () => (content?.querySelector('[data-autofocus]') ?? content?.querySelector(FOCUSABLE)) as HTMLElement | null | undefined
    const first = firstIn()
    first?.focus()
    // Content still loading (Invite's links): focus goes in once there is something to take it,
    // unless the person has gone elsewhere meanwhile.
    const arriving = new MutationObserver(() => {
      const now = firstIn()
      if (!now) return
      arriving.disconnect()
      const active = document.activeElement
      if (!active || active === document.body || active === trigger) now.focus()
    })
    if (!first && content) arriving.observe(content, { childList: true, subtree: true })
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
      arriving.disconnect()
      document.removeEventListener('pointerdown', outside)
      document.removeEventListener('keydown', escape)
    }
  }, [trigger])

  return (
    <div
      ref={panel}
      id={id}
      role="region"
      aria-label={label}
      className={`console-panel console-panel--${align}`}
      onBlur={(event) => {
        // Tab past its last control goes on to the board it covers: it closes, so what takes focus
        // is seen. Not for the console's own row (another tool), nor a dialog it opened (a preview).
        const next = event.relatedTarget
        if (!(next instanceof Element) || panel.current?.contains(next) || next.closest('.console, dialog')) return
        close.current()
      }}
    >
      {titled && (
        <header className="console-panel__header">
          <h2 className="console-panel__title">{label}</h2>
          <button
            type="button"
            className="button button--ghost ui-dialog__close"
            onClick={() => {
              onClose()
              trigger?.focus()
            }}
          >
            <span aria-hidden="true" className="ui-close-icon" />
            <span className="visually-hidden">{t('ui.dialog.close')}</span>
          </button>
        </header>
      )}
      <div ref={body}>{children}</div>
    </div>
  )
}
