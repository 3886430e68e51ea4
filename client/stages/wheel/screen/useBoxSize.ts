import { useLayoutEffect, useRef, useState } from 'react'

/** Until an element has a size (a test's DOM has no layout), draw for a 1080p stage area. */
const FALLBACK = { width: 1800, height: 820 }

/**
 * The size of the projector's drawing area, measured before the first paint (so the wheel is
 * never drawn at a wrong size first) and again whenever it changes.
 */
export function useBoxSize<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  const [size, setSize] = useState(FALLBACK)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const width = Math.round(element.clientWidth)
      const height = Math.round(element.clientHeight)
      if (width > 0 && height > 0) setSize((previous) => (previous.width === width && previous.height === height ? previous : { width, height }))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, size }
}
