import { useMemo, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
  type PointerSensorOptions,
} from '@dnd-kit/core'
import { useStore } from '../../../state/store.ts'
import { useTrendsActions } from '../actions.tsx'
import { focusCardWhenShown } from '../focusCard.ts'
import { CardFace } from '../SignalCard.tsx'
import { createAnnouncements, screenReaderInstructions } from './announcements.ts'
import { carriedFromWhereItIsNow, decideDrop, isCardDrag, standingOn, type CardDrag } from './dropDecision.ts'
import { createTargeting } from './targeting.ts'
import { KeyboardHint } from './KeyboardHint.tsx'

/**
 * Mouse and pen start a drag after a 6 px move (a click still opens things). Touch is left to
 * the TouchSensor: a press-and-hold, so a finger can still scroll the board.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false
        onActivation?.({ event })
        return true
      },
    },
  ]
}

const MOUSE = { activationConstraint: { distance: 6 } }
const TOUCH = { activationConstraint: { delay: 250, tolerance: 8 } }

const prefersReducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true

/**
 * The drag and drop around the board: pointer, touch and keyboard, spoken announcements, and the
 * card under the pointer. A drop becomes one command through `decideDrop`; nothing is moved in
 * the UI until the snapshot says so.
 */
export function TrendsDnd({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const actions = useTrendsActions()
  const [targeting] = useState(createTargeting)
  const keyboard = useMemo(() => ({ coordinateGetter: targeting.coordinateGetter }), [targeting])
  const sensors = useSensors(useSensor(MouseAndPenSensor, MOUSE), useSensor(TouchSensor, TOUCH), useSensor(KeyboardSensor, keyboard))
  const accessibility = useMemo(() => ({ announcements: createAnnouncements(t), screenReaderInstructions: screenReaderInstructions(t) }), [t])
  const [dragging, setDragging] = useState<CardDrag | null>(null)
  const [reducedMotion] = useState(prefersReducedMotion)

  const start = ({ active }: DragStartEvent) => {
    targeting.reset()
    const data = active.data.current
    setDragging(isCardDrag(data) ? data : null)
  }
  const end = ({ active, over, activatorEvent }: DragEndEvent) => {
    targeting.reset()
    setDragging(null)
    // Someone else moved the card meanwhile: dnd-kit lost its data, the drop still means this card.
    const lost = active.data.current === undefined && dragging
    const carried = lost ? carriedFromWhereItIsNow(dragging, standingOn(useStore.getState().board)) : active.data.current
    const command = decideDrop(carried, over?.data.current)
    actions.drop(command)
    // The moved card is a new element in its new cluster: keep the keyboard user's focus on it.
    if (command.kind === 'move' && activatorEvent instanceof KeyboardEvent) focusCardWhenShown(command.signalId, command.toTrendId, 'grab')
  }
  const cancel = () => {
    targeting.reset()
    setDragging(null)
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={targeting.collisionDetection}
      accessibility={accessibility}
      onDragStart={start}
      onDragEnd={end}
      onDragCancel={cancel}
    >
      {children}
      <KeyboardHint />
      <DragOverlay dropAnimation={reducedMotion ? null : undefined} zIndex={50}>
        {dragging ? <DragPreview signalId={dragging.signalId} /> : null}
      </DragOverlay>
    </DndContext>
  )
}

function DragPreview({ signalId }: { signalId: string }) {
  const signal = useStore((s) => s.board?.signals.get(signalId))
  if (!signal) return null
  return (
    <div className="tcard tcard--overlay">
      <div className="tcard__grab">
        <CardFace signal={signal} alsoIn={0} />
      </div>
    </div>
  )
}
