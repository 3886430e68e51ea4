import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useHyphenate } from '../../../ui/hyphenate.ts'
import type { WheelTreeNode } from '../../../../shared/doc/index.ts'
import { DEFAULT_WHEEL_METRICS, layoutWheel, toLayoutItems, type WheelLayout, type WheelLayoutItem } from '../../../../shared/wheel/index.ts'
import { DiagramNode, SELECTION_OUTSET } from './DiagramNode.tsx'
import { ADD_CORNER_ROOM, ADD_OVERHANG, AddFollowing, CentreNode, ExpandedText, RingGuides, WheelEdges, useNodeLabel, useNodesById } from './DiagramParts.tsx'
import { ringLabelY } from './ringLabels.ts'
import { oneLine } from '../wheelModel.ts'
import { MAX_RING } from '../../../../shared/schema/index.ts'
import { measureWithPageFont } from './measureText.ts'
import { OutsideHint, ZoomControls } from './ZoomControls.tsx'
import { useElementSize, useZoomPan } from './useZoomPan.ts'
import { countOutside, fitView } from './zoomMath.ts'
import { useMediaQuery } from '../../../ui/index.ts'
import { useFocusStaysIn } from '../../../ui/useFocusStaysIn.ts'
import './diagram.css'

/** The selection: a consequence's id, the trend at the centre, or nothing. */
export const CENTRE = 'centre'

export interface WheelDiagramProps {
  trendName: string
  tree: readonly WheelTreeNode[]
  /** False on the projector: no focus, no selection, no controls. */
  interactive: boolean
  selectedId: string | null
  onSelect?(id: string | null): void
  /** The details panel for the selection, laid over the diagram's right side. */
  details?: ReactNode
  /** Names the diagram for assistive technology ("Futures wheel: Care robots at home"). */
  label: string
  /** When given (someone who may write), every box up to the second ring and the trend get a "+": add what follows. */
  onAdd?(id: string): void
}

/** Room kept on the left for the zoom buttons when fitting. */
const ZOOM_BUTTONS_WIDTH = 56
const ASPECTS = [0.6, 0.8, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3]
/**
 * Below this width the zoom buttons sit in a row above the wheel instead of a strip of it: a
 * phone cannot spare the strip, and buttons floating over the wheel covered the boxes and "+"
 * buttons panned under them.
 */
const NARROW = 600
/** A phone's first view of a big wheel: its 14 px box text drawn at 11 px at least, the trend in the middle. */
const PHONE_START_SCALE = 0.8
/** Where the details panel goes below the diagram instead of over it (as diagram.css lays it out). */
const PANEL_BELOW = '(max-width: 45rem)'
const zoomInset = (width: number) => (width >= NARROW ? ZOOM_BUTTONS_WIDTH : 0)
/**
 * The least space between two boxes of a ring when each carries a "+": the disc juts out past
 * its box's corner, and the selection mark past the selected box, so the layout's own gap let a
 * selected box touch its neighbour's "+".
 */
const GAP_WITH_ADDS = ADD_OVERHANG + SELECTION_OUTSET + 4

/**
 * The wheel laid out with the ring shape (width ÷ height) that shows it biggest in this viewport:
 * wide on laptops and projectors (screens and text boxes are both wide), tall on a phone held
 * upright. Among shapes within 4 % of the best, the roundest wins, so the wheel stays a wheel
 * and its shape does not flip back and forth as it grows.
 */
function layoutToFit(items: WheelLayoutItem[], centreText: string, width: number, height: number, withAdds: boolean): WheelLayout {
  const room = withAdds ? { cornerRoom: ADD_CORNER_ROOM, metrics: { gap: GAP_WITH_ADDS, ringGap: DEFAULT_WHEEL_METRICS.ringGap + ADD_OVERHANG } } : {}
  const make = (aspect: number) => layoutWheel(items, { centreText, aspect, measure: measureWithPageFont, ...room })
  if (width <= 0 || height <= 0) return make(1.5)
  const insetLeft = zoomInset(width)
  const candidates = ASPECTS.map((aspect) => {
    const layout = make(aspect)
    return { aspect, layout, scale: fitView(layout.bounds, { width, height }, { insetLeft }).scale }
  })
  const best = Math.max(...candidates.map((c) => c.scale))
  const roundness = (aspect: number) => Math.abs(Math.log(aspect))
  return candidates.filter((c) => c.scale >= best / 1.04).sort((a, b) => roundness(a.aspect) - roundness(b.aspect))[0]!.layout
}

/**
 * The futures wheel as an SVG diagram: the trend in the middle, consequences ring by ring, laid
 * out by `layoutWheel` (no overlapping boxes), with zoom and pan. Every box is a focusable button
 * whose name carries its ring, valence and full text; the list view is the full alternative.
 */
export function WheelDiagram({ trendName, tree, interactive, selectedId, onSelect, details, label, onAdd }: WheelDiagramProps) {
  const { t } = useTranslation()
  const { ref: viewportRef, size } = useElementSize<HTMLDivElement>()
  const untitled = t('wheel.node.untitled')
  // Long words (Finnish compounds above all) break at a syllable with a hyphen (the layout reads the marks).
  const hyphenate = useHyphenate()
  const withAdds = interactive && onAdd !== undefined
  // Sizes in steps of 40 px, so dragging a window edge does not re-lay the wheel at every pixel.
  const width = Math.round(size.width / 40) * 40
  const height = Math.round(size.height / 40) * 40
  const layout: WheelLayout = useMemo(
    () =>
      layoutToFit(
        toLayoutItems(tree, (text) => hyphenate(text) || untitled),
        hyphenate(trendName),
        width,
        height,
        withAdds,
      ),
    [tree, trendName, width, height, untitled, withAdds, hyphenate],
  )
  // The outermost ring's label sits below the last ring: keep it inside "fit".
  const bounds = useMemo(() => {
    const last = layout.rings.at(-1)
    return last ? { ...layout.bounds, maxY: Math.max(layout.bounds.maxY, ringLabelY(layout, last.ring) + 10) } : layout.bounds
  }, [layout])
  const zoom = useZoomPan(viewportRef, size, bounds, interactive ? zoomInset(size.width) : 0, interactive && size.width < NARROW ? PHONE_START_SCALE : 0)
  const [peek, setPeek] = useState<string | null>(null)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  // Closing the details (Esc, "Close the details") takes the keyboard back to the box they were about.
  const diagramRef = useRef<HTMLDivElement>(null)
  const lastSelected = useRef<string | null>(null)
  useFocusStaysIn(diagramRef, (diagram) =>
    [...diagram.querySelectorAll<SVGGElement>('[data-node-id][tabindex]')].find((box) => box.dataset.nodeId === lastSelected.current),
  )
  useEffect(() => {
    if (selectedId) lastSelected.current = selectedId
  }, [selectedId])

  const records = useNodesById(tree)
  const nodeLabel = useNodeLabel()

  const boxOf = useCallback((id: string) => (id === CENTRE ? layout.centre : layout.nodes.find((n) => n.id === id)), [layout])
  const panelInset = details && size.width >= 720 ? Math.min(400, size.width * 0.4) : 0
  const { reveal, consumeDrag } = zoom

  // A newly selected box slides into the part of the viewport the details panel leaves free, with
  // the consequences that follow it when they fit there (a box at the wheel's right edge had them
  // under the panel, where "Add what follows" put the next one).
  useEffect(() => {
    const box = selectedId ? boxOf(selectedId) : undefined
    // Not for the trend in the middle: its first ring is most of the wheel.
    const following = panelInset > 0 && selectedId !== CENTRE ? layout.nodes.filter((node) => node.parentId === selectedId) : []
    if (box) reveal(box, panelInset, following)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- Only when the selection changes, not on every layout change.
  }, [selectedId])

  const activate = useCallback(
    (id: string) => {
      if (consumeDrag()) return
      onSelect?.(id)
    },
    [consumeDrag, onSelect],
  )
  const onPeek = useCallback(
    (id: string | null, by: 'focus' | 'pointer') => {
      setPeek(id)
      if (by === 'focus') setFocusedId(id)
      const box = id && by === 'focus' ? boxOf(id) : undefined
      if (box) reveal(box, panelInset)
    },
    [boxOf, reveal, panelInset],
  )
  const editingLabel = useCallback((name: string) => t('wheel.node.editing', { name: name.trim() || t('ui.person.unnamed') }), [t])

  // Only while pointed at or focused: the selection's whole text is in the details panel, and an
  // overlay left standing on it covered the neighbours and their "+" for as long as it stayed selected.
  const expanded = peek && peek !== CENTRE ? layout.nodes.find((n) => n.id === peek && n.truncated) : undefined
  const { view } = zoom
  const narrow = useMediaQuery(PANEL_BELOW)
  // The viewport's width decides, as it does the strip: moving the buttons changes only its height.
  const zoomAbove = interactive && size.width > 0 && zoomInset(size.width) === 0
  const zoomControls = <ZoomControls onZoomIn={zoom.zoomIn} onZoomOut={zoom.zoomOut} onFit={zoom.fit} fitted={zoom.fitted} />
  const outside = useMemo(() => (interactive && size.width > 0 ? countOutside(layout.nodes, view, size) : 0), [interactive, layout, view, size])

  return (
    <div ref={diagramRef} className={`wheel-diagram${interactive ? '' : ' wheel-diagram--static'}${zoomAbove ? ' wheel-diagram--zoom-above' : ''}`}>
      <div
        ref={viewportRef}
        className="wheel-diagram__viewport"
        role="group"
        aria-label={label}
        aria-roledescription={t('wheel.diagram.roleDescription')}
        tabIndex={interactive ? 0 : -1}
        {...(interactive ? zoom.handlers : {})}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && selectedId) {
            event.preventDefault()
            onSelect?.(null)
            return
          }
          if (interactive) zoom.handlers.onKeyDown(event)
        }}
      >
        {/* Before the boxes in the tab order, so zooming never means tabbing past the whole wheel. */}
        {interactive && !zoomAbove && zoomControls}
        {!zoomAbove && outside > 0 && <OutsideHint count={outside} />}
        <svg className="wheel-diagram__svg" width={size.width || '100%'} height={size.height || '100%'}>
          <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
            <RingGuides layout={layout} />
            <WheelEdges layout={layout} />
            <CentreNode
              box={layout.centre}
              name={trendName}
              metrics={layout.metrics}
              interactive={interactive}
              selected={selectedId === CENTRE}
              onActivate={activate}
              {...(withAdds ? { onAdd } : {})}
            />
            {layout.nodes.map((box) => {
              const record = records.get(box.id)
              if (!record) return null
              return (
                <DiagramNode
                  key={box.id}
                  id={box.id}
                  box={box}
                  valence={record.valence}
                  metrics={layout.metrics}
                  label={nodeLabel(box, record)}
                  selected={selectedId === box.id}
                  interactive={interactive}
                  onActivate={activate}
                  {...(withAdds && box.ring < MAX_RING ? { onAdd } : {})}
                  onPeek={onPeek}
                  editingLabel={editingLabel}
                />
              )
            })}
            {withAdds && (
              <g className="wheel-adds">
                <AddFollowing id={CENTRE} box={layout.centre} label={t('wheel.actions.addBelowNamed', { text: oneLine(trendName) })} onAdd={onAdd} />
                {layout.nodes.map((box) =>
                  box.ring < MAX_RING ? (
                    <AddFollowing
                      key={box.id}
                      id={box.id}
                      box={box}
                      label={t('wheel.actions.addBelowNamed', { text: oneLine(records.get(box.id)?.text || untitled) })}
                      onAdd={onAdd}
                    />
                  ) : null,
                )}
              </g>
            )}
            {expanded && (
              <ExpandedText
                box={expanded}
                text={records.get(expanded.id)?.text ?? ''}
                valence={records.get(expanded.id)?.valence ?? ''}
                focused={focusedId === expanded.id}
                metrics={layout.metrics}
              />
            )}
          </g>
        </svg>
        {!narrow && details}
      </div>
      {/* Under the wheel, not over its top: the wheel and its first boxes start where they did. The
          note on what lies outside goes beside them there: over the phone's first view it covered boxes and "+". */}
      {zoomAbove && (
        <div className="wheel-diagram__under">
          {outside > 0 && <OutsideHint count={outside} />}
          {zoomControls}
        </div>
      )}
      {/* On a phone the panel follows the diagram instead of covering it (and its "+" buttons). */}
      {narrow && details}
      {interactive && (
        <p className="wheel-diagram__hint">
          {t('wheel.zoom.hint')}
          {/* Shown while the keyboard is in the diagram (wheel.css): the "+" buttons are not in the Tab order. */}
          {withAdds && <span className="wheel-diagram__keys"> · {t('wheel.zoom.keysHint')}</span>}
        </p>
      )}
    </div>
  )
}
