import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches now, re-rendering when that changes: for the few layouts whose
 * structure (not only their styles) differs on a phone. False where there is no `matchMedia`.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = typeof window === 'undefined' ? undefined : window.matchMedia?.(query)
      list?.addEventListener('change', changed)
      return () => list?.removeEventListener('change', changed)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => (typeof window === 'undefined' ? false : window.matchMedia?.(query).matches === true))
}
