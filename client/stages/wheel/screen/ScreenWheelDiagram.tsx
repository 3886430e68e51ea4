import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useHyphenate } from '../../../ui/hyphenate.ts'
import type { WheelTreeNode } from '../../../../shared/doc/index.ts'
import { toLayoutItems, type WheelBox, type WheelColumn, type WheelLayoutItem, type WheelMetrics } from '../../../../shared/wheel/index.ts'
import type { Valence } from '../../../../shared/schema/index.ts'
import { PageIndicator } from '../../../ui/fit/PageIndicator.tsx'
import { usePageTurner } from '../../../ui/fit/usePageTurner.ts'
import { DiagramNode, ValenceGlyph } from '../diagram/DiagramNode.tsx'
import { valenceKey } from '../valence.tsx'
import { CentreNode, RingGuides, WheelEdges, useNodeLabel, useNodesById } from '../diagram/DiagramParts.tsx'
import { measureWithPageFont } from '../diagram/measureText.ts'
import { ValenceLegend } from '../ValenceLegend.tsx'
import { useBoxSize } from './useBoxSize.ts'
import { SCREEN_WHEEL_METRICS, viewOf, wheelPages } from './wheelPages.ts'

/** Consequences are drawn at least this big (24 px on a 1080p projector), and at most 1rem. */
const MIN_FONT_REM = 0.63
const MAX_FONT_REM = 1
const noop = () => {}

/**
 * The futures wheel on the projector: as large as the stage area allows, laid out for its shape,
 * with every consequence's text at projector size. A wheel too full for that is shown whole at a
 * glance first (the first-order consequences in words, the rest as marks), then part by part (see
 * wheelPages.ts), turning like the other projector pages.
 */
export function ScreenWheelDiagram({
  trendName,
  tree,
  label,
  ofWheels = null,
  onShownAll,
}: {
  trendName: string
  tree: readonly WheelTreeNode[]
  label: string
  /** "Wheel 1 of 2" while the projector shows several in turn: before the legend, on its line. */
  ofWheels?: string | null
  /** Called once its last page has had its time (see `usePageTurner`). */
  onShownAll?: () => void
}) {
  const { t } = useTranslation()
  const { ref, size } = useBoxSize<HTMLDivElement>()
  const untitled = t('wheel.node.untitled')
  // Long words (Finnish compounds above all) break at a syllable with a hyphen (the layout reads the marks).
  const hyphenate = useHyphenate()
  // Steps of 8 px, rounded down (a drawing rounded up would be cut at the stage's edge): a window
  // edge dragged across does not re-lay the wheel at every pixel.
  const width = Math.floor(size.width / 8) * 8
  const height = Math.floor(size.height / 8) * 8
  const rootPx = typeof document === 'undefined' ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
  const items = useSameItems(useMemo(() => toLayoutItems(tree, (text) => hyphenate(text) || untitled), [tree, hyphenate, untitled]))
  const pages = useMemo(
    () =>
      wheelPages(
        items,
        { centreText: hyphenate(trendName), metrics: SCREEN_WHEEL_METRICS, measure: measureWithPageFont },
        { width, height },
        MIN_FONT_REM * rootPx,
        MAX_FONT_REM * rootPx,
      ),
    [items, trendName, width, height, hyphenate, rootPx],
  )
  const { page, paused } = usePageTurner(pages.length, onShownAll)
  const shown = pages[page]
  const records = useNodesById(tree)
  const nodeLabel = useNodeLabel()

  let viewBox: string | undefined
  if (shown && width > 0 && height > 0) {
    const view = viewOf(shown, { width, height })
    viewBox = `${view.minX} ${view.minY} ${view.maxX - view.minX} ${view.maxY - view.minY}`
  }

  return (
    <div className="screen-wheel">
      <div ref={ref} className="screen-wheel__viewport" role="group" aria-label={label}>
        {viewBox && shown && (
          <svg className="screen-wheel__svg" viewBox={viewBox} width={width} height={height} preserveAspectRatio="xMidYMid meet">
            <RingGuides layout={shown.layout} named={shown.namedRings} />
            {shown.layout.columns && <ColumnNames columns={shown.layout.columns} />}
            <WheelEdges layout={shown.layout} shown={shown.nodes} />
            <CentreNode box={shown.layout.centre} name={trendName} metrics={shown.layout.metrics} interactive={false} selected={false} onActivate={noop} />
            {shown.layout.nodes
              .filter((box) => shown.nodes.has(box.id))
              .map((box) => {
                const record = records.get(box.id)
                if (!record) return null
                if (shown.overview && box.parentId !== null)
                  return <WheelMark key={box.id} id={box.id} box={box} valence={record.valence} metrics={shown.layout.metrics} label={nodeLabel(box, record)} />
                return (
                  <DiagramNode
                    key={box.id}
                    id={box.id}
                    box={box}
                    valence={record.valence}
                    metrics={shown.layout.metrics}
                    label={nodeLabel(box, record)}
                    selected={false}
                    interactive={false}
                    onActivate={noop}
                    onPeek={noop}
                    editingLabel={(name) => name}
                  />
                )
              })}
          </svg>
        )}
        {shown?.overview && <p className="screen-wheel__glance">{t('wheel.screen.glance')}</p>}
      </div>
      <div className="screen-wheel__footer">
        <div className="screen-wheel__key">
          {ofWheels && <p className="screen-wheel__of-wheels">{ofWheels}</p>}
          <ValenceLegend tree={tree} />
        </div>
        {pages.length > 1 && <PageIndicator page={page} pages={pages.length} paused={paused} />}
      </div>
    </div>
  )
}

/** Over each column of a part drawn as a tree, the order of its consequences ("2nd order"), as a ring is named on a wheel. */
function ColumnNames({ columns }: { columns: readonly WheelColumn[] }) {
  const { t } = useTranslation()
  return (
    <g className="wheel-rings" aria-hidden="true">
      {columns.map((column) => (
        <text key={column.ring} className="wheel-ring__label" x={column.left} y={column.nameY} dominantBaseline="central">
          {t(`wheel.ring.short${column.ring}`)}
        </text>
      ))}
    </g>
  )
}

/**
 * A consequence on the whole wheel at a glance (a page of `overview`): its box on its ring with the
 * mark of its valence alone; the parts that follow show its words.
 */
function WheelMark({ id, box, valence, metrics, label }: { id: string; box: WheelBox; valence: Valence; metrics: WheelMetrics; label: string }) {
  return (
    <g
      className={`wheel-node wheel-node--${valenceKey(valence)} wheel-node--mark`}
      transform={`translate(${box.x - box.w / 2} ${box.y - box.h / 2})`}
      data-node-id={id}
      role="img"
      aria-label={label}
    >
      <rect className="wheel-node__box" width={box.w} height={box.h} rx={8} />
      <ValenceGlyph valence={valence} x={(box.w - metrics.iconSize) / 2} y={(box.h - metrics.iconSize) / 2} size={metrics.iconSize} />
    </g>
  )
}

/**
 * The items as last given while they read the same: the tree is derived again whenever any
 * wheel on the board changes, and laying this one out again costs tens of milliseconds.
 */
function useSameItems(items: WheelLayoutItem[]): WheelLayoutItem[] {
  const last = useRef<{ key: string; items: WheelLayoutItem[] } | null>(null)
  const key = JSON.stringify(items)
  if (last.current?.key !== key) last.current = { key, items }
  return last.current.items
}
