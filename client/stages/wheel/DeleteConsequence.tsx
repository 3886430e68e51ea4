import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "Delete" that asks once, in place: the button turns into a one-line question naming how many
 * consequences go with it, with "Keep" focused so a stray tap or Enter deletes nothing. Escape or
 * "Keep" puts the button back with focus on it. (Undo also brings a deleted branch back.)
 */
export function DeleteConsequence({ followers, onDelete, describedBy }: { followers: number; onDelete(): void; describedBy?: string }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const keepRef = useRef<HTMLButtonElement>(null)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)

  useEffect(() => {
    if (asking) keepRef.current?.focus()
    else if (returnFocus.current) {
      returnFocus.current = false
      triggerRef.current?.focus()
    }
  }, [asking])

  const keep = () => {
    returnFocus.current = true
    setAsking(false)
  }

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className="button button--ghost wheel-action wheel-action--delete" aria-describedby={describedBy} onClick={() => setAsking(true)}>
        {t('wheel.actions.delete')}
      </button>
    )
  }
  const question = followers > 0 ? t('wheel.delete.questionWithFollowers', { count: followers }) : t('wheel.delete.question')
  return (
    <span
      className="wheel-confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          keep()
        }
      }}
    >
      <span className="wheel-confirm__question">{question}</span>
      <button type="button" className="button wheel-confirm__yes" onClick={onDelete}>
        {t('wheel.delete.confirm')}
      </button>
      <button ref={keepRef} type="button" className="button button--ghost" onClick={keep}>
        {t('wheel.delete.keep')}
      </button>
    </span>
  )
}
