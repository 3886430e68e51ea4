import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Becomes true once the element given to the returned ref comes within a screen or so of the
 * viewport, and stays true.
 *
 * Why: a board of 1,000 cards does not need 1,000 cards rendered before the first paint. Parts
 * far below the fold render when the person scrolls towards them (or moves focus there, which
 * scrolls), one observer for all of them. `eager` parts render at once.
 */
export function useNearViewport(eager: boolean): [ref: (element: Element | null) => void, near: boolean] {
  const [near, setNear] = useState(eager)
  const stop = useRef<(() => void) | null>(null)
  const ref = useCallback((element: Element | null) => {
    stop.current?.()
    stop.current = null
    if (!element) return
    if (typeof IntersectionObserver === 'undefined') setNear(true)
    else stop.current = observe(element, () => setNear(true))
  }, [])
  useEffect(() => () => stop.current?.(), [])
  return [ref, near]
}

const callbacks = new Map<Element, () => void>()
let observer: IntersectionObserver | null = null

function observe(element: Element, onNear: () => void): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue
        const callback = callbacks.get(entry.target)
        callbacks.delete(entry.target)
        observer?.unobserve(entry.target)
        callback?.()
      }
    },
    { rootMargin: '100% 0px' },
  )
  callbacks.set(element, onNear)
  observer.observe(element)
  return () => {
    callbacks.delete(element)
    observer?.unobserve(element)
  }
}
