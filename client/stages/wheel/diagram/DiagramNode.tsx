import { memo, type KeyboardEvent } from 'react'
import type { Valence } from '../../../../shared/schema/index.ts'
import type { WheelBox, WheelMetrics } from '../../../../shared/wheel/index.ts'
import { useEditorsOf } from '../../../ui/index.ts'
import { valenceKey } from '../valence.tsx'

/** How far outside the selected box its selection mark is drawn (its line adds a little more). */
export const SELECTION_OUTSET = 3

export interface DiagramNodeProps {
  id: string
  box: WheelBox
  valence: Valence
  metrics: WheelMetrics
  /** The accessible name: ring, valence and the full text. */
  label: string
  selected: boolean
  /** The box is focusable and opens its details; false on the projector. */
  interactive: boolean
  onActivate(id: string): void
  /** "+" on the focused box adds what follows it (its ⊕ is not in the Tab order); absent where it may not. */
  onAdd?: (id: string) => void
  /** The box under the pointer or keyboard focus, whose full text shows on top. */
  onPeek(id: string | null, by: 'focus' | 'pointer'): void
  /** Said after the label when someone else is editing it ("Anna is editing…"). */
  editingLabel(name: string): string
}

/**
 * A box's keys: Enter or Space opens it, "+" adds what follows it. Not with Ctrl, Cmd or Alt
 * (Ctrl + "+" is the page's zoom), and "+" stops here: the diagram's own "+" zooms the canvas,
 * and one key press did both.
 */
export function boxKeyDown(id: string, onActivate: (id: string) => void, onAdd?: (id: string) => void) {
  return (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'Enter' || event.key === ' ') onActivate(id)
    else if (event.key === '+' && onAdd) {
      onAdd(id)
      event.stopPropagation()
    } else return
    event.preventDefault()
  }
}

/**
 * One consequence on the diagram: a box with the valence glyph in its coloured disc and the
 * wrapped text. Memoised on its own props, so a change elsewhere on the wheel redraws only the
 * boxes that moved or changed.
 */
export const DiagramNode = memo(function DiagramNode(props: DiagramNodeProps) {
  const { id, box, valence, metrics, label, selected, interactive, onActivate, onAdd, onPeek, editingLabel } = props
  const editors = useEditorsOf(interactive ? id : null)
  const editor = editors[0]
  const key = valenceKey(valence)
  const onKeyDown = boxKeyDown(id, onActivate, onAdd)
  const fullLabel = editor ? `${label}. ${editingLabel(editor.name)}` : label
  return (
    <g
      className={`wheel-node wheel-node--${key}${selected ? ' is-selected' : ''}`}
      transform={`translate(${box.x - box.w / 2} ${box.y - box.h / 2})`}
      data-node-id={id}
      {...(interactive
        ? {
            tabIndex: 0,
            role: 'button',
            'aria-label': fullLabel,
            'aria-pressed': selected,
            ...(onAdd ? { 'aria-keyshortcuts': 'Plus' } : {}),
            onClick: () => onActivate(id),
            onKeyDown,
            onFocus: () => onPeek(id, 'focus'),
            onBlur: () => onPeek(null, 'focus'),
            onPointerEnter: () => onPeek(id, 'pointer'),
            onPointerLeave: () => onPeek(null, 'pointer'),
          }
        : { role: 'img', 'aria-label': fullLabel })}
    >
      {editor && <rect className="wheel-node__editing" x={-5} y={-5} width={box.w + 10} height={box.h + 10} rx={12} style={{ stroke: editor.color }} />}
      <rect className="wheel-node__box" width={box.w} height={box.h} rx={8} />
      <ValenceGlyph valence={valence} x={metrics.padX} y={metrics.padY} size={metrics.iconSize} />
      <BoxText box={box} metrics={metrics} left={metrics.padX + metrics.iconSize + metrics.iconGap} className="wheel-node__text" />
      {box.truncated && <title>{label}</title>}
      {selected && <SelectionMark box={box} rx={10} />}
    </g>
  )
})

/** The wrapped lines of a box, each its own tspan, vertically centred in the box. */
export function BoxText({
  box,
  metrics,
  left,
  className,
  fontSize = metrics.fontSize,
  lineHeight = metrics.lineHeight,
}: {
  box: Pick<WheelBox, 'h' | 'w' | 'lines'>
  metrics: WheelMetrics
  left: number
  className: string
  fontSize?: number
  lineHeight?: number
}) {
  const top = (box.h - box.lines.length * lineHeight) / 2
  return (
    <text className={className} x={left} fontSize={fontSize}>
      {box.lines.map((line, index) => (
        <tspan key={index} x={left} y={top + index * lineHeight + lineHeight / 2} dominantBaseline="central">
          {/* A space between lines, so the text reads as words ("Care moves home", not "Care moveshome"). */}
          {index < box.lines.length - 1 ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  )
}

/** The valence glyph drawn with strokes (crisp at any zoom, no font needed) in its coloured disc. */
export function ValenceGlyph({ valence, x, y, size }: { valence: Valence; x: number; y: number; size: number }) {
  const key = valenceKey(valence)
  const r = size / 2
  const arm = r * 0.5
  return (
    <g className={`valence-glyph valence-glyph--${key}`} transform={`translate(${x + r} ${y + r})`} aria-hidden="true">
      <circle r={r} />
      {key === 'positive' && <path d={`M${-arm} 0H${arm}M0 ${-arm}V${arm}`} />}
      {key === 'negative' && <path d={`M${-arm} 0H${arm}`} />}
      {key === 'mixed' && <path d={`M${-arm} ${-arm * 0.45}H${arm}M0 ${-arm * 1.15}V${arm * 0.25}M${-arm} ${arm}H${arm}`} />}
      {key === 'none' && (
        <path d={`M${-arm * 0.6} ${-arm * 0.45}a${arm * 0.6} ${arm * 0.6} 0 1 1 ${arm * 0.6} ${arm * 0.6}V${arm * 0.45}M0 ${arm * 1.05}v0.01`} />
      )}
    </g>
  )
}

/** The selected box's mark, `SELECTION_OUTSET` outside its box on every side (the layout keeps that room). */
export function SelectionMark({ box, rx }: { box: Pick<WheelBox, 'w' | 'h'>; rx: number }) {
  return (
    <rect
      className="wheel-node__selection"
      x={-SELECTION_OUTSET}
      y={-SELECTION_OUTSET}
      width={box.w + 2 * SELECTION_OUTSET}
      height={box.h + 2 * SELECTION_OUTSET}
      rx={rx}
      aria-hidden="true"
    />
  )
}
