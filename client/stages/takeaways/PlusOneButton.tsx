import { useTranslation } from 'react-i18next'

/**
 * "+1": agree with a takeaway, or take it back. Pressed state (filled) and `aria-pressed` say
 * whether I gave one; the number is how many people did. The accessible name starts with the
 * visible "+1", so speech-control users can say what they see, and the hidden words after it say
 * the count; the visible count is left out of the name, which otherwise said it twice
 * ("+1 3 — I agree (3 people agree so far)").
 */
export function PlusOneButton({ count, mine, onToggle }: { count: number; mine: boolean; onToggle(): void }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="plus-one ui-pill"
      aria-pressed={mine}
      title={mine ? t('takeaways.plusOne.undoHint') : t('takeaways.plusOne.hint')}
      onClick={onToggle}
    >
      <span className="plus-one__mark">{'+1'}</span>{' '}
      <span className="plus-one__count" aria-hidden="true">
        {count}
      </span>{' '}
      <span className="visually-hidden">{t('takeaways.plusOne.label', { count })}</span>
    </button>
  )
}

/** The +1 count as text, where it cannot be changed (the projector, a locked board). */
export function PlusOneCount({ count }: { count: number }) {
  const { t } = useTranslation()
  return (
    <span className="plus-one ui-pill plus-one--static">
      <span className="plus-one__mark" aria-hidden="true">
        {'+1'}
      </span>
      <span className="plus-one__count" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">{t('takeaways.plusOne.count', { count })}</span>
    </span>
  )
}
