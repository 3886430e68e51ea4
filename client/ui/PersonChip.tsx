import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './ui.css'

export interface PersonChipProps {
  /** The person's name; an empty name reads "Someone". */
  name: string
  /** Their presence colour (`#rrggbb`); decorative, the name carries the meaning. */
  color: string
  /** Small text after the name, e.g. "(you)" or "facilitator". */
  note?: ReactNode
  /** `small` for card footers, `medium` for lists. */
  size?: 'small' | 'medium'
  className?: string
}

/**
 * A person as a colour dot and a name: card authors, presence lists, "Anna is editing".
 * Long names are cut with an ellipsis, and the full name is in the `title`.
 *
 * @example
 * <PersonChip name={author.name} color={author.color} size="small" />
 */
export const PersonChip = memo(function PersonChip({ name, color, note, size = 'medium', className }: PersonChipProps) {
  const { t } = useTranslation()
  const shown = name.trim() || t('ui.person.unnamed')
  return (
    <span className={['ui-person', `ui-person--${size}`, className].filter(Boolean).join(' ')} title={shown}>
      <span className="ui-person__dot" style={{ backgroundColor: color }} aria-hidden="true" />
      <span className="ui-person__name ui-ellipsis">{shown}</span>
      {note && <span className="ui-person__note">{note}</span>}
    </span>
  )
})
