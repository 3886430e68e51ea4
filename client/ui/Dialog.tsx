import { useEffect, useId, useRef, type ReactNode, type RefObject, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import './ui.css'

export interface DialogProps {
  /** Controlled: the dialog shows while true. */
  open: boolean
  /** Called on Esc, on the close button and on a click on the backdrop. Set `open` to false in it. */
  onClose(): void
  /** The visible heading; it also names the dialog for screen readers. */
  title: ReactNode
  /** An optional line under the title; it becomes the dialog's description. */
  description?: ReactNode
  children: ReactNode
  /** Width on larger screens; below 40rem every dialog is a full-width sheet. */
  size?: 'small' | 'medium' | 'large'
  /** What to focus on open. Default: an `autoFocus`ed element, else the first field or button in the body. */
  initialFocus?: RefObject<HTMLElement | null>
  /**
   * Where focus goes on closing when the control that opened the dialog is gone (the first
   * takeaway replaces the empty page and its button). Default: the page's main region.
   */
  returnFocusFallback?(): HTMLElement | null
  /** Whether a click on the backdrop closes (default true; switch off for forms with unsaved text). */
  closeOnBackdrop?: boolean
  className?: string
}

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog on the native `<dialog>` element with `showModal()`: the page behind is inert
 * (the browser's own focus trap), Esc closes, and focus returns to where it was when the dialog
 * closes. Its header holds the title and a close button named "Close"; on a phone it is a sheet
 * from the bottom edge, full width.
 *
 * @example
 * const [open, setOpen] = useState(false)
 * <Dialog open={open} onClose={() => setOpen(false)} title={t('signals.add')}>
 *   <form onSubmit={save}>…<button type="submit">{t('signals.save')}</button></form>
 * </Dialog>
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = 'medium',
  initialFocus,
  returnFocusFallback,
  closeOnBackdrop = true,
  className,
}: DialogProps) {
  const { t } = useTranslation()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const closeButtonRef = useRef<HTMLButtonElement>(null)
  // Read in the effect below without making it re-run when the parent passes a new function.
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog || !open) return
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    const target =
      initialFocus?.current ??
      bodyRef.current?.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ??
      bodyRef.current?.querySelector<HTMLElement>(FOCUSABLE) ??
      closeButtonRef.current
    target?.focus()
    return () => {
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close()
        else dialog.removeAttribute('open')
      }
      // Back to the button that opened us, unless focus has already gone somewhere on purpose. A
      // dialog that opened by itself (the name asked on arrival) hands focus to the page's main
      // region: left on the page's body, a keyboard user started again from the top.
      if (document.activeElement !== document.body && !dialog.contains(document.activeElement)) return
      const back = returnTo?.isConnected && returnTo !== document.body ? returnTo : (returnFocusFallback?.() ?? document.getElementById('main'))
      back?.focus()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initialFocus is read when opening only.
  }, [open])

  // Esc arrives as a cancellable `cancel` event; we keep the dialog controlled by its parent.
  const cancel = (event: SyntheticEvent) => {
    event.preventDefault()
    onCloseRef.current()
  }

  // The element stays mounted (a closed <dialog> is hidden) so closing can hand focus back first.
  return (
    <dialog
      ref={dialogRef}
      className={['dialog', 'ui-dialog', `ui-dialog--${size}`, className].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={cancel}
      onKeyDown={(event) => {
        // Some engines (and happy-dom) send no `cancel` for Esc; the check keeps it to one call.
        if (event.key === 'Escape' && !event.defaultPrevented) cancel(event)
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === dialogRef.current) onCloseRef.current()
      }}
    >
      {open && (
        <div className="ui-dialog__inner">
          <header className="ui-dialog__header">
            <div className="ui-dialog__heading">
              <h2 id={`${id}-title`} className="dialog__title">
                {title}
              </h2>
              {description && (
                <p id={`${id}-description`} className="ui-dialog__description">
                  {description}
                </p>
              )}
            </div>
            <button ref={closeButtonRef} type="button" className="button button--ghost ui-dialog__close" onClick={() => onCloseRef.current()}>
              <span aria-hidden="true" className="ui-close-icon" />
              <span className="visually-hidden">{t('ui.dialog.close')}</span>
            </button>
          </header>
          <div ref={bodyRef} className="ui-dialog__body">
            {children}
          </div>
        </div>
      )}
    </dialog>
  )
}
