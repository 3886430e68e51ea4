import { useLayoutEffect, useRef } from 'react'

/**
 * Performance marks around the first render of a board that has content, read by the board
 * benchmark (bench/board): `<name>:render-start` when React starts rendering it, `<name>:commit`
 * when the DOM is in place, `<name>:painted` after the next frame (a frame callback, then a task:
 * the usual way to land just after the browser painted). Three marks per page load, nothing more.
 */
export function useRenderTiming(name: string, hasContent: boolean): void {
  const phase = useRef<'waiting' | 'rendering' | 'done'>('waiting')
  if (hasContent && phase.current === 'waiting' && typeof performance !== 'undefined') {
    phase.current = 'rendering'
    performance.mark(`${name}:render-start`)
  }
  useLayoutEffect(() => {
    if (phase.current !== 'rendering') return
    phase.current = 'done'
    performance.mark(`${name}:commit`)
    requestAnimationFrame(() => setTimeout(() => performance.mark(`${name}:painted`), 0))
  })
}
