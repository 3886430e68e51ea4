import { useTranslation } from 'react-i18next'

/**
 * "+1": agree with a takeaway, or take it back. Pressed state (filled) and `aria-pressed` say
 * whether I gave one; the number is how many people did. The accessible name is the visible
 * "+1 <count>" followed by hidden words, so speech-control users can say what they see.
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
      <span className="plus-one__mark">{'+1'}</span> <span className="plus-one__count">{count}</span>{' '}
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
