import { useLayoutEffect, type RefObject } from 'react'

/**
 * On the projector nobody scrolls: the result chart grows to the height left below it in the
 * window (keeping its shape and room for the axis name), instead of a fixed share of the screen.
 * Sets `--plot-fit` (read by styles/grid.css) on `boardRef`, again on every resize.
 */
export function useFitPlotToWindow(boardRef: RefObject<HTMLElement | null>, plotRef: RefObject<HTMLElement | null>, enabled: boolean): void {
  useLayoutEffect(() => {
    const board = boardRef.current
    if (!enabled || !board) return
    const fit = () => {
      const plot = plotRef.current
      if (!plot) return
      const rect = plot.getBoundingClientRect()
      if (rect.height <= 0) return
      const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
      // The x axis row under the plot, and a little air at the bottom edge.
      const below = 1.6 * rootPx
      const available = window.innerHeight - (rect.top + window.scrollY) - below
      board.style.setProperty('--plot-fit', `${Math.max(240, Math.floor(available * (rect.width / rect.height)))}px`)
    }
    fit()
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [boardRef, plotRef, enabled])
}
