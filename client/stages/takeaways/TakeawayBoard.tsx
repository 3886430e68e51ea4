import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { When } from '../../../shared/schema/index.ts'
import { authorsOf, canChange, type Viewer } from '../../../shared/permissions.ts'
import { columnsByWhen, plusOnesOf, type TakeawayOrder } from './takeawaysModel.ts'
import { TakeawayCard } from './TakeawayCard.tsx'
import { personColor } from '../../identity/palette.ts'
import { useParticipants, usePlusOnes, useTakeaways } from './useTakeawaysData.ts'

/**
 * The takeaways in three columns, now → within a year → within five years (stacked sections on a
 * phone). Each column says how many it holds and, for those who can add, offers "Add" with its
 * "when" already chosen.
 */
export function TakeawayBoard({
  viewer,
  canAdd,
  order,
  onAdd,
  onEdit,
  onDelete,
  onPlusOne,
}: {
  viewer: Viewer
  canAdd: boolean
  order: TakeawayOrder
  onAdd(when: When): void
  onEdit(id: string): void
  onDelete(id: string): void
  onPlusOne(id: string): void
}) {
  const { t } = useTranslation()
  const takeaways = useTakeaways()
  const plusOnes = usePlusOnes()
  const participants = useParticipants()
  const columns = useMemo(() => columnsByWhen(takeaways, plusOnes, order), [takeaways, plusOnes, order])
  const me = viewer.participantId
  const plusOne = useCallback((id: string) => onPlusOne(id), [onPlusOne])

  return (
    <div className="takeaway-board">
      {columns.map(({ when, takeaways: cards }) => (
        <section key={when} className={`takeaway-column ui-stack takeaway-column--${when}`} aria-labelledby={`takeaways-${when}`}>
          <header className="takeaway-column__header">
            <h3 id={`takeaways-${when}`} className="takeaway-column__title">
              {t(`takeaways.when.${when}`)}
            </h3>
            <span className="takeaway-column__count">{t('takeaways.column.count', { count: cards.length })}</span>
          </header>
          {cards.length > 0 ? (
            <ol className="takeaway-column__list ui-stack ui-list">
              {cards.map((takeaway) => {
                const ones = plusOnesOf(plusOnes, takeaway.id)
                const author = participants.get(takeaway.createdBy)
                return (
                  <li key={takeaway.id}>
                    <TakeawayCard
                      takeaway={takeaway}
                      plusOneCount={ones.count}
                      mine={me !== null && ones.participantIds.includes(me)}
                      authorName={author?.name ?? null}
                      authorColor={author ? personColor(participants, takeaway.createdBy) : null}
                      canPlusOne={canAdd}
                      canEdit={canChange(viewer, authorsOf('takeaways', takeaway))}
                      onPlusOne={plusOne}
                      onEdit={onEdit}
                      onDelete={onDelete}
                    />
                  </li>
                )
              })}
            </ol>
          ) : (
            <p className="takeaway-column__empty">{t(`takeaways.column.empty.${when}`)}</p>
          )}
          {canAdd && (
            <button type="button" className="button button--ghost takeaway-column__add" onClick={() => onAdd(when)}>
              <span aria-hidden="true">{'+'}</span> {t('takeaways.column.add', { when: t(`takeaways.when.${when}`) })}
            </button>
          )}
        </section>
      ))}
    </div>
  )
}
