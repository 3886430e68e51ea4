import { memo, useCallback, useMemo, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_WHEEL_METRICS, wrapText, type WheelBox, type WheelLayout, type WheelMetrics } from '../../../../shared/wheel/index.ts'
import type { WheelTreeNode } from '../../../../shared/doc/index.ts'
import type { Valence, WheelNode } from '../../../../shared/schema/index.ts'
import { valenceKey } from '../valence.tsx'
import { BoxText, boxKeyDown, SelectionMark, ValenceGlyph } from './DiagramNode.tsx'
import { measureWithPageFont } from './measureText.ts'
import { ringLabelY } from './ringLabels.ts'

const CENTRE_ID = 'centre'

/** The trend in the middle: the biggest box, in the accent colour. Selecting it offers "add a first-order consequence". */
export const CentreNode = memo(function CentreNode({
  box,
  name,
  metrics,
  interactive,
  selected,
  onActivate,
  onAdd,
}: {
  box: WheelBox
  /** The trend's name, as said to a screen reader (the box's lines may break a word with a hyphen). */
  name: string
  metrics: WheelMetrics
  interactive: boolean
  selected: boolean
  onActivate(id: string): void
  /** "+" adds a first-order consequence (see DiagramNode's). */
  onAdd?: (id: string) => void
}) {
  const { t } = useTranslation()
  const onKeyDown = boxKeyDown(CENTRE_ID, onActivate, onAdd)
  return (
    <g
      className={`wheel-centre${selected ? ' is-selected' : ''}`}
      transform={`translate(${box.x - box.w / 2} ${box.y - box.h / 2})`}
      data-node-id={CENTRE_ID}
      {...(interactive
        ? {
            tabIndex: 0,
            role: 'button',
            'aria-label': t('wheel.centre.label', { name }),
            'aria-pressed': selected,
            ...(onAdd ? { 'aria-keyshortcuts': 'Plus' } : {}),
            onClick: () => onActivate(CENTRE_ID),
            onKeyDown,
          }
        : { role: 'img', 'aria-label': t('wheel.centre.screenLabel', { name }) })}
    >
      <rect className="wheel-centre__box" width={box.w} height={box.h} rx={box.h / 2 > 28 ? 18 : box.h / 2} />
      <BoxText
        box={box}
        metrics={metrics}
        left={box.w / 2}
        className="wheel-centre__text"
        fontSize={metrics.centreFontSize}
        lineHeight={metrics.centreLineHeight}
      />
      {selected && <SelectionMark box={box} rx={20} />}
    </g>
  )
})

/**
 * A truncated box's whole text, drawn on top of the wheel while the box has the pointer or the
 * keyboard focus (or is selected), so nobody needs the list to read a long consequence. It keeps
 * the box's valence colour and glyph, and the focus ring when it stands in for a focused box.
 */
export function ExpandedText({
  box,
  text,
  valence,
  focused,
  metrics,
}: {
  box: WheelBox
  text: string
  valence: Valence
  focused: boolean
  metrics: WheelMetrics
}) {
  const left = metrics.padX + metrics.iconSize + metrics.iconGap
  const width = Math.max(box.w, 220)
  const { lines } = wrapText(text, width - left - metrics.padX, (line) => measureWithPageFont(line, metrics.fontSize, false), 12)
  const height = lines.length * metrics.lineHeight + 2 * metrics.padY
  return (
    <g
      className={`wheel-node wheel-node--${valenceKey(valence)} wheel-expanded`}
      transform={`translate(${box.x - width / 2} ${box.y - box.h / 2})`}
      aria-hidden="true"
      pointerEvents="none"
    >
      <rect className={`wheel-node__box wheel-expanded__box${focused ? ' is-focused' : ''}`} width={width} height={height} rx={8} />
      <ValenceGlyph valence={valence} x={metrics.padX} y={metrics.padY} size={metrics.iconSize} />
      <BoxText box={{ w: width, h: height, lines }} metrics={metrics} left={left} className="wheel-node__text" />
    </g>
  )
}

/**
 * The rings as faint ellipses through the boxes' centres, each named ("1st order") at six o'clock
 * (ringLabels.ts). `named`: the rings whose name shows, all by default (a part of the wheel on
 * the projector names only those whose place it shows; its glance at the whole wheel, crowded
 * with marks, none).
 */
export const RingGuides = memo(function RingGuides({ layout, named }: { layout: WheelLayout; named?: readonly number[] }) {
  const { t } = useTranslation()
  return (
    <g className="wheel-rings" aria-hidden="true">
      {layout.rings.map((ring) => (
        <g key={ring.ring}>
          <ellipse className="wheel-ring" rx={ring.radius * layout.aspect} ry={ring.radius} />
          {(named?.includes(ring.ring) ?? true) && (
            <text className="wheel-ring__label" x={0} y={ringLabelY(layout, ring.ring)} dominantBaseline="central" textAnchor="middle">
              {t(`wheel.ring.short${ring.ring}`)}
            </text>
          )}
        </g>
      ))}
    </g>
  )
})

/** The "+" disc's radius, and how far inside the box's corner its centre sits. */
const ADD_RADIUS = 13
const ADD_INSET = 4
/** How far the disc reaches past its box's top and right edges. */
export const ADD_OVERHANG = ADD_RADIUS - ADD_INSET
/**
 * What the layout keeps clear after a box's text for the "+" (`cornerRoom`): with only the box's
 * own padding, the disc covered the last letters of the first line.
 */
export const ADD_CORNER_ROOM = ADD_RADIUS + ADD_INSET - DEFAULT_WHEEL_METRICS.padX

/**
 * The "+" on a box's outer corner: add what follows from it. Always drawn (not only on hover), so
 * after one consequence it stays plain how to add the next; named after its box's whole text, so
 * each of the thirty on a wheel is told apart even when two begin alike ("Add what follows
 * “Loneliness drops among people who live alone”").
 */
export const AddFollowing = memo(function AddFollowing({ id, box, label, onAdd }: { id: string; box: WheelBox; label: string; onAdd(id: string): void }) {
  const r = ADD_RADIUS
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onAdd(id)
    }
  }
  return (
    <g
      className="wheel-add"
      transform={`translate(${box.x + box.w / 2 - ADD_INSET} ${box.y - box.h / 2 + ADD_INSET})`}
      role="button"
      // Out of the Tab order: after every box, thirty of them made a wheel 60 stops long, each "+"
      // far from its box. The keyboard adds with "+" on the box (or Enter, then "Add what follows").
      tabIndex={-1}
      aria-label={label}
      data-no-pan=""
      data-add-for={id}
      onClick={(event) => {
        event.stopPropagation()
        onAdd(id)
      }}
      onKeyDown={onKeyDown}
    >
      {/* A larger transparent disc: an easier target for a finger than the drawn one. */}
      <circle className="wheel-add__target" r={r + 8} />
      <circle className="wheel-add__disc" r={r} />
      <path className="wheel-add__plus" d={`M${-r / 2} 0H${r / 2}M0 ${-r / 2}V${r / 2}`} aria-hidden="true" />
    </g>
  )
})

/** Lines from each consequence to the one it follows (only to those in `shown`, when given). Decorative: the boxes' names say the ring. */
export function WheelEdges({ layout, shown }: { layout: WheelLayout; shown?: ReadonlySet<string> }) {
  const edges = shown ? layout.edges.filter((edge) => shown.has(edge.to)) : layout.edges
  return (
    <g className="wheel-edges" aria-hidden="true">
      {edges.map((edge) =>
        edge.bendX === undefined ? (
          <line key={edge.to} className="wheel-edge" x1={edge.x1} y1={edge.y1} x2={edge.x2} y2={edge.y2} />
        ) : (
          <path key={edge.to} className="wheel-edge" d={treeEdgePath(edge)} />
        ),
      )}
    </g>
  )
}

/** A tree's line (`bendX`): level to its parent's column edge, then an S-curve to the child. */
function treeEdgePath({ x1, y1, x2, y2, bendX = x1 }: WheelLayout['edges'][number]): string {
  const middle = (bendX + x2) / 2
  return `M ${x1} ${y1} H ${bendX} C ${middle} ${y1} ${middle} ${y2} ${x2} ${y2}`
}

/** Every consequence of the tree by id: the layout knows boxes, this gives back their records. */
export function useNodesById(tree: readonly WheelTreeNode[]): ReadonlyMap<string, WheelNode> {
  return useMemo(() => {
    const map = new Map<string, WheelNode>()
    const walk = (items: readonly WheelTreeNode[]) => items.forEach(({ node, children }) => (map.set(node.id, node), walk(children)))
    walk(tree)
    return map
  }, [tree])
}

/** A box's accessible name: its ring, its valence and its whole text (or "untitled"). */
export function useNodeLabel(): (box: WheelLayout['nodes'][number], record: WheelNode) => string {
  const { t } = useTranslation()
  return useCallback(
    (box, record) =>
      t('wheel.node.label', {
        order: t(`wheel.ring.${box.ring}`),
        valence: t(`wheel.valence.${valenceKey(record.valence)}`),
        text: record.text || t('wheel.node.untitled'),
      }),
    [t],
  )
}
