/**
 * Where each ring's name ("1st order") goes: at six o'clock, just below its lowest box there, or
 * on the ring line where no box is near. The layout keeps the band between two rings free of
 * boxes, so the name never sits on one. Pure: the diagram draws the names here, the projector's
 * parts (../screen/wheelPages.ts) frame them.
 */
import type { WheelLayout } from '../../../../shared/wheel/index.ts'

/** How far below a box a ring's name sits (its centre). */
const OFFSET = 12
/** Half the room a name takes, in layout units: "3rd order" in 12 px type, with its 5 px halo. */
const HALF_WIDTH = 40
const HALF_HEIGHT = 10

export interface RingLabelPlace {
  /** Its centre's height, below the wheel's middle (x is 0). */
  y: number
  /** The ring's boxes it sits just below (none when it is on the ring line). */
  under: readonly string[]
}

export function ringLabelPlace(layout: WheelLayout, ringNumber: number): RingLabelPlace {
  const ring = layout.rings.find((r) => r.ring === ringNumber)
  if (!ring) return { y: 0, under: [] }
  const next = layout.rings.find((r) => r.ring === ringNumber + 1)
  const below = layout.nodes.filter((n) => n.ring === ringNumber && n.y > 0 && Math.abs(n.x) < n.w / 2 + HALF_WIDTH)
  const y = below.length > 0 ? Math.max(...below.map((n) => n.y + n.h / 2)) + OFFSET : ring.radius
  return { y: next ? Math.min(y, next.inner - 8) : y, under: below.map((n) => n.id) }
}

/** Where a ring's name goes (its centre, below the wheel's middle). */
export function ringLabelY(layout: WheelLayout, ringNumber: number): number {
  return ringLabelPlace(layout, ringNumber).y
}

/** The room a ring's name takes, as a box centred where it is drawn. */
export function ringLabelBox(layout: WheelLayout, ringNumber: number): { x: number; y: number; w: number; h: number } {
  return { x: 0, y: ringLabelY(layout, ringNumber), w: 2 * HALF_WIDTH, h: 2 * HALF_HEIGHT }
}
