import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Assessment, Trend } from '../../../shared/schema/index.ts'
import { CENTRE, type Position } from './gridMath.ts'
import { KeyDriverBadge } from './KeyDriverBadge.tsx'
import { ScaleInput } from './ScaleInput.tsx'
import { trendName } from './text.ts'

export interface PlacementRowData {
  trend: Trend
  number: number
  placement: Assessment | null
  myVotes: number
  keyDriver: boolean
}

interface PlacementRowProps extends PlacementRowData {
  /** 0 hides dot voting for this stage. */
  votesPerPerson: number
  /** True when no dots are left: the add button says so when pressed. */
  budgetSpent: boolean
  /**
   * Why this trend's "+" just gave no dot, said beside it: on a phone the summary that also says
   * it is a screen or more above, and the button looked dead.
   */
  refusal: string | null
  readOnly: boolean
  onPlace(trendId: string, position: Position): void
  /** Takes the trend off the grid, quietly (a first entry left invalid). */
  onUnplace(trendId: string): void
  onVote(trendId: string): void
  onRetract(trendId: string): void
}

/**
 * One trend in the list beside the grid: its two numbers (the keyboard and screen-reader way to
 * place it, and a precise way for everyone) and this person's dots on it.
 */
export const PlacementRow = memo(function PlacementRow(props: PlacementRowProps) {
  const { trend, number, placement, myVotes, keyDriver, votesPerPerson, budgetSpent, refusal, readOnly, onPlace, onUnplace, onVote, onRetract } = props
  const { t } = useTranslation()
  const name = trendName(t, trend)
  const at = placement ?? CENTRE
  return (
    <li className="assess-row ui-frame" data-placed={placement ? 'true' : 'false'}>
      <fieldset className="fieldset assess-row__fieldset">
        <legend className="assess-row__head">
          <span className="trend-number" aria-hidden="true">
            {number}
          </span>
          <span className="assess-row__name">{name}</span>
          {keyDriver && <KeyDriverBadge />}
          {!placement && <span className="badge assess-row__pending">{t('assess.list.notPlaced')}</span>}
        </legend>
        <div className="assess-row__fields">
          <ScaleInput
            label={t('assess.grid.impact')}
            value={placement?.impact ?? null}
            readOnly={readOnly}
            onCommit={(impact) => (impact === null ? onUnplace(trend.id) : onPlace(trend.id, { impact, uncertainty: at.uncertainty }))}
          />
          <ScaleInput
            label={t('assess.grid.uncertainty')}
            value={placement?.uncertainty ?? null}
            readOnly={readOnly}
            onCommit={(uncertainty) => (uncertainty === null ? onUnplace(trend.id) : onPlace(trend.id, { impact: at.impact, uncertainty }))}
          />
          {votesPerPerson > 0 && (
            <DotVote
              name={name}
              count={myVotes}
              budgetSpent={budgetSpent}
              readOnly={readOnly}
              onAdd={() => onVote(trend.id)}
              onRemove={() => onRetract(trend.id)}
            />
          )}
        </div>
        {refusal && <p className="dots-summary__refusal assess-row__refusal">{refusal}</p>}
      </fieldset>
    </li>
  )
})

interface DotVoteProps {
  name: string
  count: number
  budgetSpent: boolean
  readOnly: boolean
  onAdd(): void
  onRemove(): void
}

/** − ●● + : this person's dots on one trend. */
function DotVote({ name, count, budgetSpent, readOnly, onAdd, onRemove }: DotVoteProps) {
  const { t } = useTranslation()
  return (
    <div className="dot-vote" role="group" aria-label={t('assess.votes.groupLabel', { name })}>
      <span className="assess-scale__label" aria-hidden="true">
        {t('assess.votes.dots')}
      </span>
      <div className="dot-vote__controls">
        <button
          type="button"
          className="button button--secondary dot-vote__button"
          aria-label={t('assess.votes.retract', { name })}
          disabled={readOnly || count === 0}
          onClick={onRemove}
        >
          −
        </button>
        <span className="dot-vote__count" aria-live="off">
          <span className="dot-vote__dots" aria-hidden="true">
            {count > 0 ? '●'.repeat(Math.min(count, 5)) + (count > 5 ? '+' : '') : '○'}
          </span>
          <span className="visually-hidden">{t('assess.votes.countOnTrend', { count })}</span>
        </span>
        <button
          type="button"
          className="button button--secondary dot-vote__button"
          aria-label={t('assess.votes.cast', { name })}
          // Never disabled for a spent budget: pressing it explains why no dot was given.
          data-spent={budgetSpent || undefined}
          disabled={readOnly}
          onClick={onAdd}
        >
          +
        </button>
      </div>
    </div>
  )
}
