/**
 * The arithmetic of the impact × uncertainty grid, kept pure so it can be tested without a DOM.
 *
 * Stored values are 0..1 on both axes (shared/schema/assessment.ts). People see a 0–10 scale with
 * half points: fine enough to say "a bit more than 6", coarse enough that the number in the list
 * and the announced position always change when a marker moves by one keyboard step.
 */

export interface Position {
  /** Vertical axis: 0 low impact (bottom) … 1 high impact (top). */
  readonly impact: number
  /** Horizontal axis: 0 low uncertainty (left) … 1 high uncertainty (right). */
  readonly uncertainty: number
}

/** One arrow-key press: half a point on the 0–10 scale. */
export const SMALL_STEP = 0.05
/** Shift + arrow (or Page Up/Down): two points, to cross the grid in five presses. */
export const BIG_STEP = 0.2
/** Where a trend lands when it is put on the grid without pointing at a spot. */
export const CENTRE: Position = { impact: 0.5, uncertainty: 0.5 }

export function clampUnit(value: number): number {
  if (Number.isNaN(value)) return 0
  return Math.min(1, Math.max(0, value))
}

/** Rounds away float noise (0.1 + 0.2) so repeated steps land exactly on the half-point grid. */
function tidy(value: number): number {
  return Math.round(value * 1000) / 1000
}

/**
 * The position after one key press on a focused marker, or `null` for keys that do not move it.
 * Arrows move by a small step, with Shift by a big one; Page Up/Down move impact by a big step;
 * Home/End jump to the low/high end of uncertainty.
 */
export function stepPosition(position: Position, key: string, shiftKey = false): Position | null {
  const step = shiftKey ? BIG_STEP : SMALL_STEP
  const move = (impact: number, uncertainty: number): Position => ({
    impact: tidy(clampUnit(position.impact + impact)),
    uncertainty: tidy(clampUnit(position.uncertainty + uncertainty)),
  })
  switch (key) {
    case 'ArrowUp':
      return move(step, 0)
    case 'ArrowDown':
      return move(-step, 0)
    case 'ArrowRight':
      return move(0, step)
    case 'ArrowLeft':
      return move(0, -step)
    case 'PageUp':
      return move(BIG_STEP, 0)
    case 'PageDown':
      return move(-BIG_STEP, 0)
    case 'Home':
      return { impact: position.impact, uncertainty: 0 }
    case 'End':
      return { impact: position.impact, uncertainty: 1 }
    default:
      return null
  }
}

/** A stored 0..1 value as people see it: 0–10 in half points. */
export function toScale10(value: number): number {
  return Math.round(clampUnit(value) * 20) / 2
}

/** A value on the 0–10 scale as stored (0..1), clamped. */
export function fromScale10(points: number): number {
  return clampUnit(points / 10)
}

const formats = new Map<string, Intl.NumberFormat>()

/** "6.5" in English, "6,5" in Finnish; whole points without decimals. */
export function formatScale(value: number, language: string): string {
  let format = formats.get(language)
  if (!format) {
    // Built once per language: constructing one costs more than the whole rest of a marker's render.
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
    formats.set(language, format)
  }
  return format.format(toScale10(value))
}

/**
 * What someone typed in a 0–10 box: a number (comma or point as decimal mark) within the scale,
 * or `null` when it is not one. Out-of-range numbers are refused rather than clamped, so a typo
 * ("65" for "6.5") is pointed out instead of silently becoming 10.
 */
export function parseScaleInput(text: string): number | null {
  const normalised = text.trim().replace(',', '.')
  if (!/^\d{1,2}(\.\d*)?$|^\.\d+$/.test(normalised)) return null
  const points = Number(normalised)
  return points >= 0 && points <= 10 ? points : null
}

export interface Rect {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** The grid position under a pointer, clamped to the grid (a drag past the edge lands on it). */
export function pointToPosition(rect: Rect, clientX: number, clientY: number): Position {
  if (rect.width <= 0 || rect.height <= 0) return CENTRE
  return {
    impact: clampUnit(1 - (clientY - rect.top) / rect.height),
    uncertainty: clampUnit((clientX - rect.left) / rect.width),
  }
}

/** Whether a pointer is over the grid, with some slack so a drop on the edge still counts. */
export function isOverRect(rect: Rect, clientX: number, clientY: number, slack = 16): boolean {
  return clientX >= rect.left - slack && clientX <= rect.left + rect.width + slack && clientY >= rect.top - slack && clientY <= rect.top + rect.height + slack
}

/**
 * The four quadrants in the method's vocabulary. Critical uncertainties (high impact, high
 * uncertainty) are what futures work explores; predetermined elements (high impact, fairly
 * certain) are planned for; uncertain but smaller changes are watched; the rest is background.
 * "Key driver" is not a quadrant: it is the facilitator's mark on the trends the group takes on,
 * usually from the top right, so the grid does not use the name.
 */
export const QUADRANTS = ['critical', 'predetermined', 'watch', 'background'] as const
export type Quadrant = (typeof QUADRANTS)[number]

/**
 * The quadrants a position is in as the room reads it (its values rounded as shown, to half a
 * step): one, or the two either side of a midline it sits on ("impact 5 of 10"), or all four at
 * the very middle. Naming only one there called a trend the room rated 5 and 5 "critical".
 */
export function quadrantsAt(position: Position): Quadrant[] {
  const sides = (value: number) => (toScale10(value) === 5 ? [true, false] : [value >= 0.5])
  return sides(position.impact).flatMap((high) =>
    sides(position.uncertainty).map((uncertain) => quadrantOf({ impact: high ? 1 : 0, uncertainty: uncertain ? 1 : 0 })),
  )
}

export function quadrantOf(position: Position): Quadrant {
  const high = position.impact >= 0.5
  const uncertain = position.uncertainty >= 0.5
  if (high) return uncertain ? 'critical' : 'predetermined'
  return uncertain ? 'watch' : 'background'
}
