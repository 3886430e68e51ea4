import { memo, useId, useState, type PointerEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Trend } from '../../../shared/schema/index.ts'
import { CENTRE, isOverRect, pointToPosition, type Position } from './gridMath.ts'
import { VisuallyHidden } from '../../ui/index.ts'
import { trendName } from './text.ts'
import { Heading } from './Heading.tsx'

export interface TrayItem {
  trend: Trend
  number: number
}

interface UnplacedTrayProps {
  items: readonly TrayItem[]
  plotRef: RefObject<HTMLDivElement | null>
  readOnly: boolean
  /** `focus`: move focus to the new marker (a tap or Enter), not after a drop where the eye already is. */
  onPlace(trendId: string, position: Position, focus: boolean): void
}

/**
 * Trends this person has not placed yet. Tapping one (or Enter) puts it in the middle of the grid
 * and focuses its marker, ready to be dragged or moved with the arrows; with a mouse or a finger
 * it can also be dragged straight to its spot.
 */
export function UnplacedTray({ items, plotRef, readOnly, onPlace }: UnplacedTrayProps) {
  const { t } = useTranslation()
  const id = useId()
  if (items.length === 0) {
    return (
      <p className="assess-tray assess-tray--done" role="note">
        <span aria-hidden="true">✓ </span>
        {t('assess.tray.allPlaced')}
      </p>
    )
  }
  return (
    <section className="assess-tray" aria-labelledby={`${id}-title`}>
      <Heading sub id={`${id}-title`} className="assess-tray__title">
        {t('assess.tray.title', { count: items.length })}
      </Heading>
      <p className="assess-tray__hint">{t('assess.tray.hint')}</p>
      <ul className="assess-tray__list ui-list">
        {items.map((item) => (
          <li key={item.trend.id}>
            <TrayChip item={item} plotRef={plotRef} readOnly={readOnly} onPlace={onPlace} />
          </li>
        ))}
      </ul>
    </section>
  )
}

interface ChipDrag {
  pointerId: number
  startX: number
  startY: number
  x: number
  y: number
  moved: boolean
}

const DRAG_THRESHOLD = 6

const TrayChip = memo(function TrayChip({ item, plotRef, readOnly, onPlace }: { item: TrayItem } & Omit<UnplacedTrayProps, 'items'>) {
  const { t } = useTranslation()
  const [drag, setDrag] = useState<ChipDrag | null>(null)
  const name = trendName(t, item.trend)

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (readOnly || event.button !== 0) return
    // No text selection while dragging across the page; the click that follows a tap still comes.
    if (event.pointerType === 'mouse') event.preventDefault()
    event.currentTarget.setPointerCapture?.(event.pointerId)
    const { clientX: x, clientY: y } = event
    setDrag({ pointerId: event.pointerId, startX: x, startY: y, x, y, moved: false })
  }

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return
    const moved = drag.moved || Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) >= DRAG_THRESHOLD
    if (moved) setDrag({ ...drag, x: event.clientX, y: event.clientY, moved })
  }

  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return
    setDrag(null)
    const rect = plotRef.current?.getBoundingClientRect()
    if (!drag.moved || !rect) return
    // A drag ends here; the click that follows must not also put it in the middle.
    lastDragEnd = performance.now()
    if (isOverRect(rect, event.clientX, event.clientY)) onPlace(item.trend.id, pointToPosition(rect, event.clientX, event.clientY), false)
  }

  const onClick = () => {
    if (performance.now() - lastDragEnd < CLICK_AFTER_DRAG_MS) return
    if (!readOnly) onPlace(item.trend.id, CENTRE, true)
  }

  return (
    <>
      <button
        type="button"
        className="assess-chip ui-pill"
        data-tray-trend={item.trend.id}
        title={name}
        aria-disabled={readOnly || undefined}
        data-dragging={drag?.moved ? 'true' : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onClick={onClick}
      >
        {/* The accessible name starts with what is seen: "3 Food sharing, put it on the grid". */}
        <span className="trend-number">{item.number}</span> <span className="assess-chip__name">{name}</span>
        <VisuallyHidden>{t('assess.tray.place')}</VisuallyHidden>
      </button>
      {drag?.moved && (
        <span className="assess-chip ui-pill assess-chip--ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          <span className="trend-number">{item.number}</span>
          <span className="assess-chip__name ui-ellipsis">{name}</span>
        </span>
      )}
    </>
  )
})

/**
 * When the last chip drag ended. The browser sends a click right after a drag's pointerup; it
 * must not also put the trend in the middle. A time, not a flag: the chip may be gone by then.
 */
let lastDragEnd = -Infinity
const CLICK_AFTER_DRAG_MS = 300
