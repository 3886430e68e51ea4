import { useLayoutEffect, type RefObject } from 'react'

/**
 * On the projector nobody scrolls: the result chart takes the whole width of its column and the
 * height left below it in the window (with room for the axis name and the screen's bottom fade),
 * instead of a fixed share of the screen. Sets `--plot-fit-height` (read by styles/grid.css) on
 * `boardRef`, again on every resize of the window or of what stands above the plot (the key wraps
 * differently once the chart's fonts are in).
 */
export function useFitPlotToWindow(boardRef: RefObject<HTMLElement | null>, plotRef: RefObject<HTMLElement | null>, enabled: boolean): void {
  useLayoutEffect(() => {
    const board = boardRef.current
    if (!enabled || !board) return
    const fit = () => {
      const plot = plotRef.current
      if (!plot) return
      const rect = plot.getBoundingClientRect()
      const axis = plot.parentElement?.querySelector('.assess-grid__x-axis')?.getBoundingClientRect().height ?? 0
      // The x axis row under the plot, and the bottom 6 % where the projector view fades out.
      const below = axis + 0.07 * window.innerHeight
      const available = window.innerHeight - (rect.top + window.scrollY) - below
      board.style.setProperty('--plot-fit-height', `${Math.max(240, Math.floor(available))}px`)
    }
    fit()
    window.addEventListener('resize', fit)
    const above = new ResizeObserver(fit)
    const head = board.firstElementChild
    if (head) above.observe(head)
    return () => {
      window.removeEventListener('resize', fit)
      above.disconnect()
    }
  }, [boardRef, plotRef, enabled])
}
