import { memo, useEffect, useMemo, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { measureWithPageFont } from '../wheel/diagram/measureText.ts'
import { layoutChart, type Box, type ChartLayout, type TitleSpots } from './chartLayout.ts'
import type { Position } from './gridMath.ts'
import { usePlotSize, type MeasuredPlot } from './usePlotSize.ts'
import { TITLE_ATTRIBUTES, titleAttributes } from './AssessGrid.tsx'

export interface ChartTrend {
  readonly id: string
  /** Its place in the ranked list beside the chart: the badge's number. */
  readonly rank: number
  readonly name: string
  readonly keyDriver: boolean
  /** The group's median on each axis. */
  readonly median: Position
  /** The middle half of the placements on each axis (interquartile range). */
  readonly iqr: { readonly impact: readonly [number, number]; readonly uncertainty: readonly [number, number] }
  /** Each person's placement, drawn faintly with a line to the median. */
  readonly placements: readonly Position[]
}

/**
 * The group's result drawn over the grid (an SVG the size of the plot): for each trend its
 * interquartile box, each person's placement as a faint dot tied to the median, the median as a
 * badge carrying the trend's rank, and its whole name placed by `layoutChart` (never over another
 * label, badge or quadrant title; a leader line when it had to move away; the legend below when no
 * spot was free). Hidden from assistive technology: the ranked list says the same in words.
 */
export function ResultsChart({ chart, trends }: { chart: MeasuredChart; trends: readonly ChartTrend[] }) {
  const { plot, layout, compact } = chart
  if (!plot || !layout) return null
  const { width: w, height: h } = plot
  const x = (p: Position) => p.uncertainty * w
  const y = (p: Position) => (1 - p.impact) * h
  const metrics = chartMetrics(plot)
  return (
    <svg className="results-chart" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" data-legend-count={layout.legend.length}>
      {!compact && (
        <g className="results-chart__iqr">
          {trends.map((trend) => {
            const [u1, u3] = trend.iqr.uncertainty
            const [i1, i3] = trend.iqr.impact
            return <rect key={trend.id} x={u1 * w - 3} y={(1 - i3) * h - 3} width={(u3 - u1) * w + 6} height={(i3 - i1) * h + 6} rx={6} />
          })}
        </g>
      )}
      {/* Under every line: a leader to a badge in a frame must reach the badge. */}
      <g className="results-chart__ties">
        {layout.ties.map((box, index) => (
          <rect key={index} x={box.x} y={box.y} width={box.w} height={box.h} rx={metrics.badgeRadius} />
        ))}
      </g>
      {!compact && (
        <g className="results-chart__people">
          {trends.flatMap((trend) =>
            trend.placements.map((p, index) => (
              <g key={`${trend.id}:${index}`}>
                <line x1={x(p)} y1={y(p)} x2={x(trend.median)} y2={y(trend.median)} />
                <circle cx={x(p)} cy={y(p)} r={3.5} />
              </g>
            )),
          )}
        </g>
      )}
      <g className="results-chart__leaders">{layout.labels.map((label) => (label.leader ? <line key={label.id} {...label.leader} /> : null))}</g>
      {layout.badges.map((badge) => {
        const trend = trends.find((t) => t.id === badge.id)
        if (!trend) return null
        return <Badge key={trend.id} x={badge.x} y={badge.y} r={metrics.badgeRadius} rank={trend.rank} keyDriver={trend.keyDriver} fontPx={plot.fontPx} />
      })}
      {layout.labels.map((label) => (
        <g key={label.id} className={`results-chart__label${trends.find((t) => t.id === label.id)?.keyDriver ? ' results-chart__label--key' : ''}`}>
          <rect x={label.box.x} y={label.box.y} width={label.box.w} height={label.box.h} rx={5} />
          <text fontSize={plot.fontPx}>
            {label.lines.map((line, index) => (
              <tspan key={index} x={label.box.x + metrics.padX} y={label.box.y + metrics.padY + (index + 0.5) * metrics.lineHeight} dominantBaseline="central">
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </svg>
  )
}

/**
 * What the chart's marks mean, and the trends whose name had no room on the chart: above the
 * chart, so a projector never cuts it off. `names` false: the ranking beside the chart names every
 * badge's trend already (the projector, whose height the chart needs).
 */
export function ResultsChartKey({ chart, names = true }: { chart: MeasuredChart; names?: boolean }) {
  const { t } = useTranslation()
  const legend = names ? (chart.layout?.legend ?? []) : []
  return (
    <div className="results-key">
      <p className="results-key__marks">
        <span className="results-key__item">
          <span className="results-key__badge">1</span> {t('assess.results.key.badge')}
        </span>
        {!chart.compact && (
          <>
            <span className="results-key__item">
              <span className="results-key__iqr" /> {t('assess.results.key.iqr')}
            </span>
            <span className="results-key__item">
              <span className="results-key__person" /> {t('assess.results.key.person')}
            </span>
          </>
        )}
      </p>
      {legend.length > 0 && (
        <ol className="results-key__legend ui-list" aria-label={t('assess.results.key.legend')}>
          {legend.map((entry) => (
            <li key={entry.id}>
              <span className="results-key__badge">{entry.rank}</span> {entry.name}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export interface MeasuredChart {
  readonly plot: MeasuredPlot | null
  readonly layout: ChartLayout | null
  /** A phone's chart (see `COMPACT_BELOW_EM`): each trend's number at its median, the names in the list above. */
  readonly compact: boolean
}

/**
 * Below this width (in the plot's font size) the chart is drawn compact. On a phone's 300 px the
 * names placed around eight badges sat beside other badges ("Intergenerational living" next to
 * the 3, for the 2), and eight spread boxes with a line to every placement made a grey tangle:
 * easy to misread at the point of decision. The spread is read on the projector and laptops.
 */
const COMPACT_BELOW_EM = 30

/** The plot's size, its quadrant titles and the label layout for these trends; nulls until measured. */
export function useResultsChart(plotRef: RefObject<HTMLDivElement | null>, trends: readonly ChartTrend[]): MeasuredChart {
  const plot = usePlotSize(plotRef)
  const titles = useQuadrantTitles(plotRef, plot)
  const compact = plot !== null && plot.width < COMPACT_BELOW_EM * plot.fontPx
  const layout = useMemo(() => {
    if (!plot) return null
    const laidOut = chartLayoutFor(trends, plot, titles)
    if (!compact) return laidOut
    const byRank = [...trends].sort((a, b) => a.rank - b.rank)
    return { ...laidOut, labels: [], legend: byRank.map((trend) => ({ id: trend.id, rank: trend.rank, name: labelText(trend) })) }
  }, [trends, plot, titles, compact])
  return { plot, layout, compact }
}

const Badge = memo(function Badge({ x, y, r, rank, keyDriver, fontPx }: { x: number; y: number; r: number; rank: number; keyDriver: boolean; fontPx: number }) {
  return (
    <g className={`results-chart__badge${keyDriver ? ' results-chart__badge--key' : ''}`} transform={`translate(${x} ${y})`}>
      <circle r={r} />
      <text fontSize={fontPx * 0.9} textAnchor="middle" dominantBaseline="central">
        {rank}
      </text>
    </g>
  )
})

function chartMetrics(plot: MeasuredPlot) {
  const lineHeight = Math.round(plot.fontPx * 1.25)
  return { lineHeight, badgeRadius: Math.max(11, plot.fontPx * 0.85), padX: Math.round(plot.fontPx * 0.4), padY: Math.round(plot.fontPx * 0.15) }
}

function chartLayoutFor(trends: readonly ChartTrend[], plot: MeasuredPlot, titles: readonly TitleSpots[]): ChartLayout {
  const metrics = chartMetrics(plot)
  return layoutChart(
    trends.map((trend) => ({
      id: trend.id,
      rank: trend.rank,
      name: labelText(trend),
      x: trend.median.uncertainty * plot.width,
      y: (1 - trend.median.impact) * plot.height,
    })),
    {
      width: plot.width,
      height: plot.height,
      ...metrics,
      gap: 3,
      maxLabelWidth: Math.max(8 * plot.fontPx, plot.width * 0.4),
      titles,
      // Labels are set in the medium weight: measured bold, a hair wider, so they never overflow.
      measure: (text) => measureWithPageFont(text, plot.fontPx, true),
    },
  )
}

const labelText = (trend: ChartTrend) => (trend.keyDriver ? `★ ${trend.name}` : trend.name)

/**
 * Each quadrant title's box inside the plot in each way it may be drawn (see `placeTitles`),
 * measured once the plot has its size: labels keep off the one it takes.
 */
function useQuadrantTitles(plotRef: RefObject<HTMLDivElement | null>, plot: MeasuredPlot | null): readonly TitleSpots[] {
  const [titles, setTitles] = useState<readonly TitleSpots[]>([])
  // The titles' words change with the language, and the plot's size may not.
  const { language } = useTranslation().i18n
  useEffect(() => {
    const element = plotRef.current
    if (!element || !plot) return
    const origin = element.getBoundingClientRect()
    const measure = (quadrant: HTMLElement): Box | null => {
      const parts = [...quadrant.querySelectorAll('.assess-grid__quadrant-name, .assess-grid__quadrant-hint')]
        .map((part) => part.getBoundingClientRect())
        .filter((r) => r.width > 0)
      if (parts.length === 0) return null
      const left = Math.min(...parts.map((r) => r.left))
      const top = Math.min(...parts.map((r) => r.top))
      const right = Math.max(...parts.map((r) => r.right))
      const bottom = Math.max(...parts.map((r) => r.bottom))
      return { x: left - origin.left, y: top - origin.top, w: right - left, h: bottom - top }
    }
    // Each way a title may be drawn, the preferred first (see `placeTitles`), read by setting its
    // attributes in turn, then left as React set them.
    const ways = [true, false].flatMap((hint) =>
      [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ].map(([inward, across]) => ({ inward: inward!, across: across!, hint })),
    )
    const measured = [...element.querySelectorAll<HTMLElement>('.assess-grid__quadrant')].map((quadrant) => {
      const shown = TITLE_ATTRIBUTES.map((name) => quadrant.getAttribute(name))
      const set = (attributes: Partial<Record<(typeof TITLE_ATTRIBUTES)[number], string | null>>) =>
        TITLE_ATTRIBUTES.forEach((name) => {
          const value = attributes[name]
          if (value == null) quadrant.removeAttribute(name)
          else quadrant.setAttribute(name, value)
        })
      const spots = ways.flatMap((way) => {
        set(titleAttributes(way))
        const box = measure(quadrant)
        return box ? [{ box, ...way }] : []
      })
      set(Object.fromEntries(TITLE_ATTRIBUTES.map((name, index) => [name, shown[index]])))
      return { id: quadrant.dataset.quadrant ?? '', spots }
    })
    setTitles((previous) => (JSON.stringify(previous) === JSON.stringify(measured) ? previous : measured))
  }, [plotRef, plot, language])
  return titles
}
