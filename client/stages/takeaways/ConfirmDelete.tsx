import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "Delete" that asks once, in place, with "Keep" focused: a stray tap on a phone or a second
 * Enter deletes nothing. Escape or "Keep" brings the button back with focus on it.
 */
export function ConfirmDelete({ onDelete, describedBy }: { onDelete(): void; describedBy?: string }) {
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
      <button ref={triggerRef} type="button" className="button button--ghost takeaway-card__action takeaway-card__action--delete" aria-describedby={describedBy} onClick={() => setAsking(true)}>
        {t('takeaways.card.delete')}
      </button>
    )
  }
  return (
    <span
      className="takeaway-confirm"
      role="group"
      aria-label={t('takeaways.card.deleteQuestion')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          keep()
        }
      }}
    >
      <span className="takeaway-confirm__question">{t('takeaways.card.deleteQuestion')}</span>
      <button type="button" className="button takeaway-confirm__yes" onClick={onDelete}>
        {t('takeaways.card.delete')}
      </button>
      <button ref={keepRef} type="button" className="button button--ghost" onClick={keep}>
        {t('takeaways.card.keep')}
      </button>
    </span>
  )
}
