import { useEffect, useState, type RefObject } from 'react'
import type { PlotSize } from './labelLayout.ts'

export type MeasuredPlot = PlotSize & { fontPx: number }

/**
 * The plot's size in pixels and the marker metrics that go with it: markers are sized in em of
 * the plot's font size, which phones, laptops and the projector set differently (styles/grid.css).
 * `null` until measured, and where ResizeObserver is missing.
 */
export function usePlotSize(plotRef: RefObject<HTMLElement | null>): MeasuredPlot | null {
  const [size, setSize] = useState<MeasuredPlot | null>(null)
  useEffect(() => {
    const plot = plotRef.current
    if (!plot || typeof ResizeObserver === 'undefined') return
    const measure = () => {
      const fontPx = parseFloat(getComputedStyle(plot).fontSize) || 14
      const { width, height } = plot.getBoundingClientRect()
      // The label is about 2 em tall and the dot 2 em across (styles/grid.css `.grid-marker`).
      setSize((previous) =>
        previous && previous.width === width && previous.height === height && previous.fontPx === fontPx
          ? previous
          : { width, height, fontPx, rowHeight: 2 * fontPx, dotRadius: fontPx },
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(plot)
    return () => observer.disconnect()
  }, [plotRef])
  return size
}
