import { memo, useMemo, type ReactNode } from 'react'
import { useDraggable, useDroppable } from '@dnd-kit/core'
import type { Signal } from '../../../shared/schema/index.ts'
import { useTrendsActions } from './actions.tsx'
import { useBoardText } from './boardText.tsx'
import type { CardDrag, DropTarget } from './dnd/dropDecision.ts'
import { cardKey } from './focusCard.ts'
import './card.css'

interface SignalCardProps {
  signal: Signal
  /** The cluster the card is shown in; null for the unsorted pile. */
  trendId: string | null
  /** How many trends the signal backs: "also in 1 other" when it backs more than this one. */
  trendCount: number
  readOnly: boolean
}

/**
 * A compact card (title and STEEP tag) that can be dragged, and in the unsorted pile also
 * dropped on. Memoised on the record: snapshots are structurally shared, so a card re-renders
 * only when its own signal, place or count changes.
 *
 * The drag hooks live in a thin shell below: dnd-kit re-renders every draggable when the drag
 * starts, ends or changes target, and the shell then only re-creates its outer element — the
 * face and the button are elements made here, which React reuses untouched.
 */
export const SignalCard = memo(function SignalCard({ signal, trendId, trendCount, readOnly }: SignalCardProps) {
  const labels = useBoardText()
  const actions = useTrendsActions()
  const face = <CardFace signal={signal} alsoIn={trendCount - (trendId === null ? 0 : 1)} />
  if (readOnly) {
    return (
      <li className="tcard" data-card={cardKey(signal.id, trendId)}>
        <div className="tcard__grab">{face}</div>
      </li>
    )
  }
  const more = (
    <button
      type="button"
      className="tcard__more"
      aria-label={labels.actions(signal.title)}
      aria-haspopup="dialog"
      onClick={() => actions.openCard(signal.id, trendId)}
    >
      <span className="tcard__dots" aria-hidden="true" />
    </button>
  )
  const Shell = trendId === null ? PileCardShell : TrendCardShell
  return <Shell signalId={signal.id} trendId={trendId} face={face} more={more} roleDescription={labels.roleDescription} />
})

/**
 * Title and category; also the picture under the pointer while dragging (the drag overlay). The
 * tag is the design system's `.tag--<category>` with its text label, as ui/CategoryTag draws it,
 * but with the label from the board-wide translations (see boardText.tsx).
 */
export const CardFace = memo(function CardFace({ signal, alsoIn }: { signal: Signal; alsoIn: number }) {
  const labels = useBoardText()
  return (
    <>
      <span className="tcard__title">{labels.hyphenate(signal.title)}</span>
      {(signal.category || alsoIn > 0) && (
        <span className="tcard__meta">
          {signal.category && <span className={`tag tag--${signal.category} tcard__tag`}>{labels.category[signal.category]}</span>}
          {alsoIn > 0 && <span className="tcard__also">{labels.alsoIn(alsoIn)}</span>}
        </span>
      )}
    </>
  )
})

interface ShellProps {
  signalId: string
  trendId: string | null
  face: ReactNode
  more: ReactNode
  roleDescription: string
}

export const dragIdOf = (signalId: string, trendId: string | null) => `card:${cardKey(signalId, trendId)}`

function useCardDrag({ signalId, trendId, roleDescription }: ShellProps) {
  const data = useMemo<CardDrag>(() => ({ kind: 'card', signalId, fromTrendId: trendId }), [signalId, trendId])
  return useDraggable({ id: dragIdOf(signalId, trendId), data, attributes: { roleDescription } })
}

function TrendCardShell(props: ShellProps) {
  const drag = useCardDrag(props)
  return <CardShell {...props} drag={drag} setNodeRef={drag.setNodeRef} isOver={false} />
}

/** In the pile a card is also a target: drop another card on it to start a new trend. */
function PileCardShell(props: ShellProps) {
  const drag = useCardDrag(props)
  const target = useMemo<DropTarget>(() => ({ kind: 'card', signalId: props.signalId }), [props.signalId])
  const drop = useDroppable({ id: `signal:${props.signalId}`, data: target })
  const { setNodeRef: setDragRef } = drag
  const { setNodeRef: setDropRef } = drop
  const setNodeRef = useMemo(
    () => (node: HTMLElement | null) => {
      setDragRef(node)
      setDropRef(node)
    },
    [setDragRef, setDropRef],
  )
  return <CardShell {...props} drag={drag} setNodeRef={setNodeRef} isOver={drop.isOver} />
}

function CardShell({
  signalId,
  trendId,
  face,
  more,
  drag,
  setNodeRef,
  isOver,
}: ShellProps & {
  drag: ReturnType<typeof useDraggable>
  setNodeRef: (node: HTMLElement | null) => void
  isOver: boolean
}) {
  const className = ['tcard', drag.isDragging && 'tcard--lifted', isOver && 'tcard--target'].filter(Boolean).join(' ')
  return (
    <li ref={setNodeRef} className={className} data-card={cardKey(signalId, trendId)}>
      <div ref={drag.setActivatorNodeRef} className="tcard__grab" {...drag.attributes} {...drag.listeners}>
        {face}
      </div>
      {more}
    </li>
  )
}
