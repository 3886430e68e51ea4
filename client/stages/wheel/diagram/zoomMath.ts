/**
 * Zoom and pan as pure functions of a view transform: screen = layout × scale + (x, y).
 * Tested in zoomMath.test.ts; the hook in useZoomPan.ts only wires events to these.
 */

export interface View {
  readonly scale: number
  readonly x: number
  readonly y: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Bounds {
  readonly minX: number
  readonly minY: number
  readonly maxX: number
  readonly maxY: number
}

export const MIN_SCALE = 0.15
export const MAX_SCALE = 3
/** One press of "zoom in" / "zoom out". */
export const ZOOM_STEP = 1.25

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))

/**
 * The whole wheel centred in the viewport with a margin. Small wheels are not blown up past
 * `maxScale`: three big boxes in the middle of a projector look like a mistake. `minScale` keeps
 * text readable where the whole would not be (a big wheel on a phone): then `focus` (the trend,
 * at the layout's origin) is centred, and the rest is a drag away.
 */
export function fitView(
  bounds: Bounds,
  size: Size,
  {
    padding = 16,
    insetLeft = 0,
    maxScale = 1.4,
    minScale = MIN_SCALE,
    focus = { x: 0, y: 0 },
  }: { padding?: number; insetLeft?: number; maxScale?: number; minScale?: number; focus?: { x: number; y: number } } = {},
): View {
  const width = Math.max(1, bounds.maxX - bounds.minX)
  const height = Math.max(1, bounds.maxY - bounds.minY)
  // `insetLeft` stays clear for the zoom buttons.
  const available = { width: Math.max(1, size.width - insetLeft - 2 * padding), height: Math.max(1, size.height - 2 * padding) }
  const whole = clamp(Math.min(available.width / width, available.height / height, maxScale), MIN_SCALE, MAX_SCALE)
  const scale = Math.max(whole, Math.min(minScale, MAX_SCALE))
  const centre = scale > whole ? focus : { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 }
  return {
    scale,
    x: insetLeft + (size.width - insetLeft) / 2 - centre.x * scale,
    y: size.height / 2 - centre.y * scale,
  }
}

/** Zooms by `factor` keeping the layout point under `at` (screen coordinates) where it is. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clamp(view.scale * factor, MIN_SCALE, MAX_SCALE)
  const ratio = scale / view.scale
  return { scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio }
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy }
}

/** A box in layout coordinates, by its centre. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/**
 * The least pan that brings a box into the visible part of the viewport, `inset` pixels kept
 * clear on the right (where the details panel sits). A box already in view does not move the wheel.
 */
export function revealBox(view: View, box: Box, size: Size, insetRight = 0, margin = 16): View {
  const left = (box.x - box.w / 2) * view.scale + view.x
  const right = (box.x + box.w / 2) * view.scale + view.x
  const top = (box.y - box.h / 2) * view.scale + view.y
  const bottom = (box.y + box.h / 2) * view.scale + view.y
  const visibleRight = Math.max(margin * 2, size.width - insetRight) - margin
  let dx = 0
  if (left < margin) dx = margin - left
  else if (right > visibleRight) dx = Math.max(margin - left, visibleRight - right)
  let dy = 0
  if (top < margin) dy = margin - top
  else if (bottom > size.height - margin) dy = Math.max(margin - top, size.height - margin - bottom)
  return dx === 0 && dy === 0 ? view : panBy(view, dx, dy)
}

/**
 * `revealBox` for a box with what belongs beside it (`around`: the consequences that follow a
 * selected box, where "Add what follows" puts the next one): all of them when they fit, else as
 * much as fits from the left, and the box itself always.
 */
export function revealWith(view: View, box: Box, around: readonly Box[], size: Size, insetRight = 0): View {
  if (around.length === 0) return revealBox(view, box, size, insetRight)
  const all = [box, ...around]
  const left = Math.min(...all.map((b) => b.x - b.w / 2))
  const right = Math.max(...all.map((b) => b.x + b.w / 2))
  const top = Math.min(...all.map((b) => b.y - b.h / 2))
  const bottom = Math.max(...all.map((b) => b.y + b.h / 2))
  const group = { x: (left + right) / 2, y: (top + bottom) / 2, w: right - left, h: bottom - top }
  return revealBox(revealBox(view, group, size, insetRight), box, size, insetRight)
}

/**
 * How many boxes lie wholly outside the viewport: none of them on screen, so nothing shows that
 * they are there (a big wheel opens on its middle on a phone).
 */
export function countOutside(boxes: readonly Box[], view: View, size: Size): number {
  return boxes.filter((box) => {
    const left = (box.x - box.w / 2) * view.scale + view.x
    const top = (box.y - box.h / 2) * view.scale + view.y
    return left + box.w * view.scale <= 0 || left >= size.width || top + box.h * view.scale <= 0 || top >= size.height
  }).length
}
