import { useEffect } from 'react'

/**
 * The projector view scales the whole interface 2–2.5× (tokens.css `html.projector`) and raises
 * contrast. Scaling the root font size keeps every rem-based token in proportion.
 */
export function useProjectorMode(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const root = document.documentElement
    root.classList.add('projector')
    return () => root.classList.remove('projector')
  }, [active])
}
