import { useLayoutEffect, useState, type RefObject } from 'react'
import { rowsThatFit, type RowWindow } from './fitMath.ts'

interface Fit {
  key: string
  /** Null until measured (every row rendered); then the rows to render. */
  window: RowWindow | null
}

/**
 * For a dated list nobody can scroll (on the projector): which rows to render so that it ends
 * inside its `box`, keeping the row at `anchor` (see `rowsThatFit`). The box may grow as high as
 * its parent lets it. Every row is rendered and measured first, in a layout effect (never
 * painted), then only the window; again whenever the rows (`rows`: what they say, in a key), the
 * anchor or the parent's size change. `list`'s children are the rows. Null while measuring, or
 * when `enabled` is false.
 */
export function useRowsThatFit(
  box: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  rows: string,
  anchor: number,
  enabled: boolean,
): RowWindow | null {
  const [room, setRoom] = useState({ width: 0, height: 0 })
  const key = `${rows}:${anchor}:${room.width}x${room.height}`
  const [fit, setFit] = useState<Fit>({ key, window: null })
  const stale = fit.key !== key
  if (stale) setFit({ key, window: null })

  // The parent's size, not the box's: the box shrinks to the rows it keeps.
  useLayoutEffect(() => {
    const parent = box.current?.parentElement
    if (!enabled || !parent) return
    const observer = new ResizeObserver(() => {
      const next = { width: parent.clientWidth, height: parent.clientHeight }
      setRoom((previous) => (previous.width === next.width && previous.height === next.height ? previous : next))
    })
    observer.observe(parent)
    return () => observer.disconnect()
  }, [box, enabled])

  useLayoutEffect(() => {
    const boxElement = box.current
    const listElement = list.current
    const parent = boxElement?.parentElement
    if (!enabled || stale || fit.window || !boxElement || !listElement || !parent) return
    const heights = [...listElement.children].map((row) => row.getBoundingClientRect().height)
    const gap = parseFloat(getComputedStyle(listElement).rowGap) || 0
    const boxStyle = getComputedStyle(boxElement)
    const below = (parseFloat(boxStyle.paddingBottom) || 0) + (parseFloat(boxStyle.borderBottomWidth) || 0)
    const space = parent.clientHeight - (listElement.getBoundingClientRect().top - boxElement.getBoundingClientRect().top) - below
    // A line saying what is left out is one line: as high as the shortest row.
    const marker = heights.length > 0 ? Math.min(...heights) : 0
    setFit({ key, window: rowsThatFit(heights, gap, space, anchor, marker) })
  }, [box, list, enabled, stale, fit.window, key, anchor])

  return enabled && !stale ? fit.window : null
}
