import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Trend } from '../../../shared/schema/index.ts'
import { pointToPosition, stepPosition, type Position } from './gridMath.ts'
import { defaultPlacement, type LabelPlacement } from './labelLayout.ts'
import { positionText, trendName } from './text.ts'

export type MoveSource = 'pointer' | 'keyboard'

interface OwnMarkerProps {
  trend: Trend
  /** The trend's number in the list beside the grid. */
  number: number
  position: Position
  plotRef: RefObject<HTMLDivElement | null>
  /** The id of the "arrow keys move it" instructions. */
  hintId: string
  /** Where the label goes, chosen so neighbours' labels do not collide. */
  label: LabelPlacement
  keyDriver: boolean
  readOnly: boolean
  /** Take focus once after mounting (the trend was just put on the grid from the tray). */
  focusOnMount: boolean
  onMove(trendId: string, position: Position, source: MoveSource): void
  onRemove(trendId: string): void
}

interface Drag {
  pointerId: number
  /** Where on the marker it was grabbed, so it does not jump under the finger. */
  offsetX: number
  offsetY: number
  startX: number
  startY: number
  position: Position | null
}

/** Movement below this many pixels is a tap, not a drag. */
const DRAG_THRESHOLD = 4

/**
 * This person's own marker for one trend. Dragged with pointer events and pointer capture (not
 * @dnd-kit: a position on a continuous plane is not a drop into one of several containers), or
 * moved with the arrow keys. During a drag the position is local; the document is written once,
 * on release, so 60 people dragging do not flood the network.
 */
export const OwnMarker = memo(function OwnMarker(props: OwnMarkerProps) {
  const { trend, number, position, plotRef, hintId, label: laidOut, keyDriver, readOnly, focusOnMount, onMove, onRemove } = props
  const { t, i18n } = useTranslation()
  const [drag, setDrag] = useState<Drag | null>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const shown = drag?.position ?? position
  const name = trendName(t, trend)

  useEffect(() => {
    if (focusOnMount) buttonRef.current?.focus()
  }, [focusOnMount])

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    const rect = plotRef.current?.getBoundingClientRect()
    if (readOnly || !rect || event.button !== 0) return
    // Where the dot is drawn (nudged off a neighbour's), so it stays under the finger as the drag starts.
    const anchorX = rect.left + position.uncertainty * rect.width + laidOut.nudge.x
    const anchorY = rect.top + (1 - position.impact) * rect.height + laidOut.nudge.y
    // No text selection while dragging; focus by hand, since that default goes with it.
    event.preventDefault()
    event.currentTarget.focus()
    event.currentTarget.setPointerCapture?.(event.pointerId)
    setDrag({
      pointerId: event.pointerId,
      offsetX: event.clientX - anchorX,
      offsetY: event.clientY - anchorY,
      startX: event.clientX,
      startY: event.clientY,
      position: null,
    })
  }

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const rect = plotRef.current?.getBoundingClientRect()
    if (!drag || !rect || event.pointerId !== drag.pointerId) return
    const moved = Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) >= DRAG_THRESHOLD
    if (!moved && !drag.position) return
    setDrag({ ...drag, position: pointToPosition(rect, event.clientX - drag.offsetX, event.clientY - drag.offsetY) })
  }

  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return
    if (drag.position) onMove(trend.id, drag.position, 'pointer')
    setDrag(null)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (readOnly) return
    if (event.key === 'Escape' && drag) {
      setDrag(null)
      return
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      onRemove(trend.id)
      return
    }
    const next = stepPosition(position, event.key, event.shiftKey)
    if (!next) return
    event.preventDefault()
    onMove(trend.id, next, 'keyboard')
  }

  // While dragged, the label simply grows towards the middle; the layout catches up on release.
  const label = drag?.position ? defaultPlacement(drag.position) : laidOut
  const style = { '--u': shown.uncertainty, '--i': shown.impact, '--dx': `${label.nudge.x}px`, '--dy': `${label.nudge.y}px` } as CSSProperties

  return (
    <button
      ref={buttonRef}
      type="button"
      className={`grid-marker grid-marker--own grid-marker--${label.side} grid-marker--shift-${label.shift}`}
      style={style}
      data-dragging={drag?.position ? 'true' : undefined}
      title={name}
      aria-roledescription={t('assess.marker.roleDescription')}
      // Starts with what is seen (number, name), then where it is.
      aria-label={`${number} ${name}: ${positionText(t, position, i18n.language)}`}
      aria-describedby={hintId}
      aria-disabled={readOnly || undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={onKeyDown}
    >
      {/* The accessible name is the aria-label; the space keeps "4 Remote…" two words for checkers. */}
      <span className="grid-marker__dot" aria-hidden="true">
        {number}
      </span>{' '}
      <span className="grid-marker__label" aria-hidden="true">
        {keyDriver && <span className="grid-marker__star">★</span>}
        <span className="grid-marker__name ui-ellipsis">{name}</span>
      </span>
    </button>
  )
})
