import { useLayoutEffect, type RefObject } from 'react'

/**
 * What stays at the top of the window while a workshop page scrolls (the header, and on a
 * facilitator's laptop the console right under it) has no fixed height: a long title wraps beside
 * a room's avatars, a phone's header grows a status row, Finnish labels are longer. What sticks
 * below them, and what is scrolled into view, must start where they end: a fixed 4.5 rem left a
 * wrapped header over the console's stage and Next. So the header and the console each publish
 * their height here, kept up to date, as `name` (`--header-height`, `--console-height`) on the
 * document root; workshop.css derives every sticky offset and the scroll padding from them (its
 * fallbacks, the usual heights, apply before the first measure and once the element is gone).
 */
export function usePublishedHeight(ref: RefObject<HTMLElement | null>, name: `--${string}`): void {
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const root = document.documentElement
    const publish = () => root.style.setProperty(name, `${element.getBoundingClientRect().height}px`)
    publish()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(publish)
    observer?.observe(element)
    return () => {
      observer?.disconnect()
      root.style.removeProperty(name)
    }
  }, [ref, name])
}
