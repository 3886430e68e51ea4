/**
 * Which drop target a drag is over, for the pointer and for the keyboard.
 *
 * Pointer and touch: the smallest target under the pointer, so a card in the unsorted pile wins
 * over the pile around it. Keyboard: a target cursor stepped through the targets in reading
 * (DOM) order — Left/Right jump between the unsorted pile and the trends, Up/Down also stop on
 * each unsorted card (drop there to start a new trend with both). Stepping through targets
 * instead of nudging by pixels works the same on any layout, and a screen reader hears each stop.
 */
import type { ClientRect, CollisionDetection, DroppableContainer, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core'
import { isCardDrag, isDropTarget } from './dropDecision.ts'

/** How far inside a target the keyboard places the moving card, so the target stays visible. */
const KEYBOARD_INSET = 12

export interface Targeting {
  collisionDetection: CollisionDetection
  coordinateGetter: KeyboardCoordinateGetter
  /** Forgets the keyboard cursor; call when a drag starts or ends. */
  reset(): void
}

export function createTargeting(): Targeting {
  let keyboardTarget: UniqueIdentifier | null = null

  const collisionDetection: CollisionDetection = ({ active, droppableContainers, droppableRects, pointerCoordinates }) => {
    if (!pointerCoordinates) {
      // Keyboard drag: the cursor decides (it only ever points at an existing, enabled target).
      const target = keyboardTarget === null ? undefined : droppableContainers.find((c) => c.id === keyboardTarget)
      return target ? [{ id: target.id, data: { droppableContainer: target, value: 0 } }] : []
    }
    const activeSignal = signalOf(active.data.current)
    let best: DroppableContainer | null = null
    let bestArea = Infinity
    for (const container of droppableContainers) {
      if (container.disabled || isSelf(container, activeSignal)) continue
      const rect = droppableRects.get(container.id)
      if (!rect || !contains(rect, pointerCoordinates.x, pointerCoordinates.y)) continue
      const area = rect.width * rect.height
      if (area < bestArea) {
        best = container
        bestArea = area
      }
    }
    return best ? [{ id: best.id, data: { droppableContainer: best, value: bestArea } }] : []
  }

  const coordinateGetter: KeyboardCoordinateGetter = (event, { context }) => {
    const step = STEPS[event.code]
    if (!step) return undefined
    event.preventDefault()
    const activeSignal = signalOf(context.active?.data.current)
    const stops = context.droppableContainers
      .getEnabled()
      .filter((c) => c.node.current && !isSelf(c, activeSignal) && (step.cards || !isCardTarget(c)))
      .sort(byDocumentOrder)
    if (stops.length === 0) return undefined
    const from = keyboardTarget !== null ? context.droppableContainers.get(keyboardTarget)?.node.current : context.activeNode
    const next = pickNext(stops, from ?? null, step.direction)
    const rect = next && context.droppableRects.get(next.id)
    if (!next || !rect) return undefined
    keyboardTarget = next.id
    return { x: rect.left + KEYBOARD_INSET, y: rect.top + clearOfName(next, rect.height) }
  }

  return {
    collisionDetection,
    coordinateGetter,
    reset() {
      keyboardTarget = null
    },
  }
}

const STEPS: Record<string, { direction: 1 | -1; cards: boolean }> = {
  ArrowDown: { direction: 1, cards: true },
  ArrowUp: { direction: -1, cards: true },
  ArrowRight: { direction: 1, cards: false },
  ArrowLeft: { direction: -1, cards: false },
}

/**
 * The first stop after `from` in document order (or before it, going back), wrapping around.
 * `from` may be the dragged card itself, which is not a stop.
 */
export function pickNext<T extends { node: { current: HTMLElement | null } }>(stops: readonly T[], from: Node | null, direction: 1 | -1): T | undefined {
  if (stops.length === 0) return undefined
  if (!from) return direction === 1 ? stops[0] : stops[stops.length - 1]
  const isAfter = (stop: T) => Boolean(from.compareDocumentPosition(stop.node.current!) & Node.DOCUMENT_POSITION_FOLLOWING)
  const isBefore = (stop: T) => stop.node.current !== from && !isAfter(stop)
  if (direction === 1) return stops.find(isAfter) ?? stops[0]
  for (let i = stops.length - 1; i >= 0; i--) if (isBefore(stops[i]!)) return stops[i]
  return stops[stops.length - 1]
}

function byDocumentOrder(a: DroppableContainer, b: DroppableContainer): number {
  const position = a.node.current!.compareDocumentPosition(b.node.current!)
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0
}

const contains = (rect: ClientRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom

const signalOf = (data: unknown): string | null => (isCardDrag(data) ? data.signalId : null)

/**
 * How far below the target's top edge the dragged card goes, so it never covers the target's name:
 * under a card it is dropped onto, under the heading of a trend or the unsorted pile.
 */
function clearOfName(target: DroppableContainer, height: number): number {
  const node = target.node.current
  if (isCardTarget(target)) return height + 4
  // The name as people see it: a trend's editable name field, or the pile's visible heading.
  const heading = node?.querySelector('.trend__name, .trend__title, h2:not(.visually-hidden), h3:not(.visually-hidden)')
  if (!node || !heading) return KEYBOARD_INSET
  return heading.getBoundingClientRect().bottom - node.getBoundingClientRect().top + 6
}

function isCardTarget(container: DroppableContainer): boolean {
  const data = container.data.current
  return isDropTarget(data) && data.kind === 'card'
}

/** A card is never a target for itself. */
function isSelf(container: DroppableContainer, activeSignal: string | null): boolean {
  const data = container.data.current
  return activeSignal !== null && isDropTarget(data) && data.kind === 'card' && data.signalId === activeSignal
}
