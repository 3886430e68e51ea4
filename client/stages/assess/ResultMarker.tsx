import { memo, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Trend } from '../../../shared/schema/index.ts'
import type { Position } from './gridMath.ts'
import type { LabelPlacement } from './labelLayout.ts'
import { trendName } from './text.ts'

/** Below this the spread box would hide behind the marker's dot; it is then left out. */
const MIN_VISIBLE_SPREAD = 0.02

/**
 * The group's spread for one trend: a translucent box of ± the median absolute deviation on each
 * axis around the median ("half the room placed it inside this box"). Drawn under all markers.
 */
export const SpreadBox = memo(function SpreadBox({ position, spread }: { position: Position; spread: Position }) {
  if (spread.impact < MIN_VISIBLE_SPREAD && spread.uncertainty < MIN_VISIBLE_SPREAD) return null
  const style = {
    '--u': position.uncertainty,
    '--i': position.impact,
    '--su': Math.max(spread.uncertainty, MIN_VISIBLE_SPREAD),
    '--si': Math.max(spread.impact, MIN_VISIBLE_SPREAD),
  } as CSSProperties
  return <div className="grid-spread" style={style} aria-hidden="true" />
})

interface ResultMarkerProps {
  trend: Trend
  number: number
  position: Position
  votes: number
  keyDriver: boolean
  /** Where the label goes, chosen so neighbours' labels do not collide. */
  label: LabelPlacement
}

/** A trend at the group's median: number, name, key-driver star and its dots. */
export const ResultMarker = memo(function ResultMarker({ trend, number, position, votes, keyDriver, label }: ResultMarkerProps) {
  const { t } = useTranslation()
  const name = trendName(t, trend)
  const style = { '--u': position.uncertainty, '--i': position.impact } as CSSProperties
  return (
    <div
      className={`grid-marker grid-marker--group grid-marker--${label.side} grid-marker--shift-${label.shift}${keyDriver ? ' grid-marker--key' : ''}`}
      style={style}
      title={name}
    >
      <span className="grid-marker__dot">{number}</span>
      <span className="grid-marker__label">
        {keyDriver && <span className="grid-marker__star">★</span>}
        <span className="grid-marker__name">{name}</span>
        {votes > 0 && <span className="grid-marker__votes">{t('assess.results.markerVotes', { count: votes })}</span>}
      </span>
    </div>
  )
})
