import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import './inlineConfirm.css'

interface InlineConfirmProps {
  /** The button that starts it; gets `open` to call. */
  trigger: (open: () => void, ref: (element: HTMLButtonElement | null) => void) => ReactNode
  /** "Delete this card?" — already translated. */
  question: string
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  /** When false, the trigger acts at once (nothing to lose, nothing to ask). */
  ask?: boolean
}

/**
 * "Asks once": a destructive button turns into a one-line question in place, with the safe
 * choice focused, so a stray tap on a phone never deletes and keyboard users stay where they were.
 * Escape or "Keep" puts the trigger back and focus on it.
 */
export function InlineConfirm({ trigger, question, confirmLabel, cancelLabel, onConfirm, ask = true }: InlineConfirmProps) {
  const [asking, setAsking] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const triggerRef = useRef<HTMLButtonElement | null>(null)
  const returnFocus = useRef(false)

  useEffect(() => {
    if (asking) cancelRef.current?.focus()
    else if (returnFocus.current) {
      returnFocus.current = false
      triggerRef.current?.focus()
    }
  }, [asking])

  const open = () => (ask ? setAsking(true) : onConfirm())
  const cancel = () => {
    returnFocus.current = true
    setAsking(false)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      cancel()
    }
  }

  if (!asking) return <>{trigger(open, (element) => (triggerRef.current = element))}</>
  return (
    <span className="inline-confirm" role="group" aria-label={question} onKeyDown={onKeyDown}>
      <span className="inline-confirm__question">{question}</span>
      <button
        type="button"
        className="button inline-confirm__yes"
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {confirmLabel}
      </button>
      <button ref={cancelRef} type="button" className="button button--ghost inline-confirm__no" onClick={cancel}>
        {cancelLabel}
      </button>
    </span>
  )
}
