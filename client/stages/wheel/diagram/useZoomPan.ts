import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react'
import { fitView, panBy, revealWith, zoomAt, ZOOM_STEP, type Box, type Bounds, type Size, type View } from './zoomMath.ts'

/** Movement (px) before a press becomes a drag, so a slightly shaky tap still selects. */
const DRAG_THRESHOLD = 5
const KEY_PAN = 48

/**
 * Zoom and pan for the diagram's viewport: Ctrl/⌘ + scroll and trackpad pinch (which browsers
 * send as Ctrl + wheel), two-finger pinch on touch, drag to move, and keys (+, −, 0, arrows).
 * Plain scrolling is left to the page, so the wheel never traps someone scrolling past it.
 *
 * The view follows "fit" (the whole wheel in view, also as it grows) until the person zooms or
 * pans; "fit" brings that back. It starts no smaller than `startScale` (text readable on a phone:
 * the wheel's middle, the rest a drag away); "fit" then shows the whole, however small. Each
 * effect owns one listener or observer.
 */
export function useZoomPan(viewportRef: RefObject<HTMLDivElement | null>, size: Size, bounds: Bounds, insetLeft = 0, startScale = 0) {
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 })
  /** Following the fit: as it starts (`startScale` at least), the whole (after "fit"), or not (zoomed or panned). */
  const [following, setFollowing] = useState<'start' | 'whole' | false>('start')
  const pointers = useRef(new Map<number, { x: number; y: number }>())
  const gesture = useRef({ moved: false, startX: 0, startY: 0 })

  const { minX, minY, maxX, maxY } = bounds
  useLayoutEffect(() => {
    if (following && size.width > 0 && size.height > 0)
      setView(fitView({ minX, minY, maxX, maxY }, size, { insetLeft, minScale: following === 'start' ? startScale : 0 }))
  }, [following, size, minX, minY, maxX, maxY, insetLeft, startScale])

  const change = useCallback((update: (view: View) => View) => {
    setFollowing(false)
    setView(update)
  }, [])

  const centre = useCallback(() => ({ x: size.width / 2, y: size.height / 2 }), [size])
  const zoomIn = useCallback(() => change((v) => zoomAt(v, ZOOM_STEP, centre())), [change, centre])
  const zoomOut = useCallback(() => change((v) => zoomAt(v, 1 / ZOOM_STEP, centre())), [change, centre])
  const fit = useCallback(() => setFollowing('whole'), [])
  /** Pans just enough to show a box (and what is `around` it, if that fits), keeping `insetRight` px clear for the details panel. */
  const viewRef = useRef(view)
  viewRef.current = view
  const reveal = useCallback(
    (box: Box, insetRight = 0, around: readonly Box[] = []) => {
      if (size.width <= 0 || size.height <= 0) return
      const next = revealWith(viewRef.current, box, around, size, insetRight)
      if (next !== viewRef.current) change(() => next)
    },
    [size, change],
  )

  // Wheel events must be cancellable to stop the page zooming, so not through React (passive).
  useEffect(() => {
    const element = viewportRef.current
    if (!element) return
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      const rect = element.getBoundingClientRect()
      const factor = Math.exp(-Math.max(-60, Math.min(60, event.deltaY)) * 0.01)
      change((v) => zoomAt(v, factor, { x: event.clientX - rect.left, y: event.clientY - rect.top }))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [change, viewportRef])

  const local = (event: PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return
    if ((event.target as Element).closest('[data-no-pan]')) return
    const point = local(event)
    pointers.current.set(event.pointerId, point)
    if (pointers.current.size === 1) gesture.current = { moved: false, startX: point.x, startY: point.y }
  }

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const previous = pointers.current.get(event.pointerId)
    if (!previous) return
    const point = local(event)
    if (pointers.current.size >= 2) {
      const [a, b] = [...pointers.current.values()]
      const other = a === previous ? b! : a!
      const before = Math.hypot(previous.x - other.x, previous.y - other.y)
      const after = Math.hypot(point.x - other.x, point.y - other.y)
      const mid = { x: (point.x + other.x) / 2, y: (point.y + other.y) / 2 }
      gesture.current.moved = true
      if (before > 0) change((v) => panBy(zoomAt(v, after / before, mid), (point.x - previous.x) / 2, (point.y - previous.y) / 2))
    } else {
      const { startX, startY, moved } = gesture.current
      if (!moved && Math.hypot(point.x - startX, point.y - startY) > DRAG_THRESHOLD) {
        gesture.current.moved = true
        // Captured only now: capturing on press would send the click to the viewport, not the box.
        event.currentTarget.setPointerCapture?.(event.pointerId)
      }
      if (gesture.current.moved) change((v) => panBy(v, point.x - previous.x, point.y - previous.y))
    }
    pointers.current.set(event.pointerId, point)
  }

  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId)
  }

  /** True once after a drag: the click that ends a drag must not select a box. */
  const consumeDrag = useCallback(() => {
    const moved = gesture.current.moved
    gesture.current.moved = false
    return moved
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target as Element
    if (target.closest('input, textarea, select, [data-no-pan]')) return
    const onCanvas = target === event.currentTarget
    const pans: Record<string, [number, number]> = { ArrowLeft: [KEY_PAN, 0], ArrowRight: [-KEY_PAN, 0], ArrowUp: [0, KEY_PAN], ArrowDown: [0, -KEY_PAN] }
    if (event.key === '+' || event.key === '=') zoomIn()
    else if (event.key === '-' || event.key === '_') zoomOut()
    else if (event.key === '0') fit()
    else if (onCanvas && pans[event.key]) change((v) => panBy(v, ...pans[event.key]!))
    else return
    event.preventDefault()
  }

  return {
    view,
    /** The whole wheel is in view, following it as it grows. */
    fitted: following === 'whole' || (following === 'start' && fitView({ minX, minY, maxX, maxY }, size, { insetLeft }).scale >= startScale),
    zoomIn,
    zoomOut,
    fit,
    reveal,
    consumeDrag,
    handlers: { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd, onKeyDown },
  }
}

/** The content box of an element, kept up to date (0 × 0 until measured, and where there is no ResizeObserver). */
export function useElementSize<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, size }
}
