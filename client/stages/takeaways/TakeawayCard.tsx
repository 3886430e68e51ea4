import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Takeaway } from '../../../shared/schema/index.ts'
import { EditingNote, PersonChip } from '../../ui/index.ts'
import { ConfirmDelete } from './ConfirmDelete.tsx'
import { LinkChips } from './LinkChips.tsx'
import { PlusOneButton, PlusOneCount } from './PlusOneButton.tsx'

export interface TakeawayCardProps {
  takeaway: Takeaway
  /** How many people gave a +1. */
  plusOneCount: number
  /** This person gave a +1. */
  mine: boolean
  authorName: string | null
  authorColor: string | null
  /** +1 allowed (not on the projector, not while locked). */
  canPlusOne: boolean
  canEdit: boolean
  onPlusOne(id: string): void
  onEdit(id: string): void
  onDelete(id: string): void
}

/**
 * One takeaway: what to do (big), who, where it comes from (trend and story chips), its +1s, and
 * for its author or the facilitator, edit and delete. Memoised on the record and its +1 count, so a
 * +1 elsewhere redraws only that card.
 */
export const TakeawayCard = memo(function TakeawayCard(props: TakeawayCardProps) {
  const { takeaway, plusOneCount, mine, authorName, authorColor, canPlusOne, canEdit, onPlusOne, onEdit, onDelete } = props
  const { t } = useTranslation()
  const titleId = useId()
  // Edit and Delete say which takeaway: a board of twenty "Edit"s cannot be told apart in a screen
  // reader's list of buttons, nor by voice control.
  const named = takeaway.text.replace(/\s+/g, ' ').trim()
  return (
    <article className="card takeaway-card" aria-labelledby={titleId}>
      <h4 id={titleId} className="takeaway-card__text">
        {takeaway.text}
      </h4>
      <p className="takeaway-card__who">
        <span className="takeaway-card__label">{t('takeaways.card.who')}</span>{' '}
        {takeaway.who.trim() || <span className="takeaway-card__open">{t('takeaways.card.noWho')}</span>}
      </p>
      <LinkChips trendIds={takeaway.trendIds} storyIds={takeaway.storyIds} />
      <EditingNote itemId={takeaway.id} />
      <div className="takeaway-card__footer">
        {canPlusOne ? <PlusOneButton count={plusOneCount} mine={mine} onToggle={() => onPlusOne(takeaway.id)} /> : <PlusOneCount count={plusOneCount} />}
        {authorName !== null && <PersonChip name={authorName} color={authorColor ?? '#6e6259'} size="small" className="takeaway-card__author" />}
        {canEdit && (
          <span className="takeaway-card__actions">
            <button
              type="button"
              className="button button--ghost takeaway-card__action"
              aria-label={t('takeaways.card.editNamed', { text: named })}
              onClick={() => onEdit(takeaway.id)}
            >
              {t('takeaways.card.edit')}
            </button>
            <ConfirmDelete label={t('takeaways.card.deleteNamed', { text: named })} onDelete={() => onDelete(takeaway.id)} />
          </span>
        )}
      </div>
    </article>
  )
})
