import { memo, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { toggleKeyDriver, type TrendAssessment } from '../../../shared/doc/index.ts'
import type { Trend } from '../../../shared/schema/index.ts'
import type { RankedTrend, TrendSpread } from './assessModel.ts'
import { formatScale } from './gridMath.ts'
import { KeyDriverBadge } from './KeyDriverBadge.tsx'
import { useAnnounce } from '../../ui/index.ts'
import { useFitFontSize } from '../../ui/fit/useFitFontSize.ts'
import { quadrantName, trendName } from './text.ts'
import { useAssessCommands } from './useAssessData.ts'
import { Heading } from './Heading.tsx'

/** The projector's ranking names, in rem (results.css reads `--ranking-name-size`); the bottom 5 % of the wall fades out. */
const RANKING_ON_WALL = { property: '--ranking-name-size', largest: 0.63, smallest: 0.42, windowShare: 0.95 }

interface VoteRankingProps {
  ranking: readonly RankedTrend[]
  /** The middle half of each trend's placements, said in words beside its position. */
  spreads: ReadonlyMap<string, TrendSpread>
  keyDrivers: ReadonlySet<string>
  budget: number
  /** The facilitator marks key drivers here; everyone else sees the badges. */
  canMarkKeyDrivers: boolean
  /** On the projector: the names take the size that ends the list inside the window (nobody scrolls there). */
  fitToWindow?: boolean
}

/**
 * The results in words: trends by dots, each with where the group put it and how much people
 * agreed. It is also the screen-reader version of the results grid.
 */
export function VoteRanking({ ranking, spreads, keyDrivers, budget, canMarkKeyDrivers, fitToWindow = false }: VoteRankingProps) {
  const { t } = useTranslation()
  const id = useId()
  const list = useRef<HTMLOListElement>(null)
  // Eight trends with long names and a focal question of two lines ran the last row off a 1280×720 wall.
  const shown = ranking.map(({ trend, result }) => `${trend.name}|${result?.votes ?? 0}`).join('\n')
  useFitFontSize(list, shown, RANKING_ON_WALL, fitToWindow)
  const most = Math.max(1, ...ranking.map((item) => item.result?.votes ?? 0))
  return (
    <section className="assess-ranking" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="assess-section-title">
        {budget > 0 ? t('assess.ranking.titleWithDots') : t('assess.ranking.title')}
      </Heading>
      {canMarkKeyDrivers && <p className="assess-ranking__hint">{t('assess.keyDriver.hint')}</p>}
      <ol ref={list} className="assess-ranking__list ui-list">
        {ranking.map(({ trend, rank, result }) => (
          <RankingItem
            key={trend.id}
            trend={trend}
            number={rank}
            spread={spreads.get(trend.id) ?? null}
            result={result}
            showVotes={budget > 0}
            barShare={(result?.votes ?? 0) / most}
            keyDriver={keyDrivers.has(trend.id)}
            canMarkKeyDrivers={canMarkKeyDrivers}
          />
        ))}
      </ol>
    </section>
  )
}

interface RankingItemProps {
  trend: Trend
  /** Its rank: the same number as its badge on the chart. */
  number: number
  spread: TrendSpread | null
  result: TrendAssessment | null
  showVotes: boolean
  /** This trend's dots as a share of the most dots any trend got: the bar's length. */
  barShare: number
  keyDriver: boolean
  canMarkKeyDrivers: boolean
}

const RankingItem = memo(function RankingItem({ trend, number, spread, result, showVotes, barShare, keyDriver, canMarkKeyDrivers }: RankingItemProps) {
  const { t, i18n } = useTranslation()
  const announce = useAnnounce()
  const { control } = useAssessCommands()
  const name = trendName(t, trend)
  const votes = result?.votes ?? 0

  const toggle = () => {
    if (!control) return
    const marked = toggleKeyDriver(control, trend.id)
    announce(t(marked ? 'assess.keyDriver.marked' : 'assess.keyDriver.unmarked', { name }))
  }

  return (
    <li className={`assess-ranking__item ui-frame${keyDriver ? ' assess-ranking__item--key' : ''}`}>
      <span className="trend-number" aria-hidden="true">
        {number}
      </span>
      <div className="assess-ranking__body">
        <p className="assess-ranking__name">
          <span>{name}</span>
          {/* The facilitator's pressed toggle already says it. */}
          {keyDriver && !canMarkKeyDrivers && <KeyDriverBadge />}
        </p>
        {result?.impact && result.uncertainty ? (
          <p className="assess-ranking__where">
            <span>
              {t('assess.ranking.where', {
                impact: formatScale(result.impact.median, i18n.language),
                uncertainty: formatScale(result.uncertainty.median, i18n.language),
                quadrant: quadrantName(t, { impact: result.impact.median, uncertainty: result.uncertainty.median }),
              })}
            </span>
            <span className="assess-ranking__spread">
              {t('assess.ranking.spread', {
                impact: spread ? formatRange(spread.impact, i18n.language) : '',
                uncertainty: spread ? formatRange(spread.uncertainty, i18n.language) : '',
                count: result.placements,
              })}
            </span>
          </p>
        ) : (
          <p className="assess-ranking__where">{t('assess.ranking.notPlaced')}</p>
        )}
        {showVotes && (
          <p className="assess-ranking__votes">
            {votes > 0 && <span className="assess-ranking__bar" style={{ inlineSize: `${Math.round(barShare * 70)}%` }} aria-hidden="true" />}
            <span className="assess-ranking__count">{t('assess.ranking.votes', { count: votes })}</span>
          </p>
        )}
      </div>
      {canMarkKeyDrivers && (
        <button type="button" className="button button--secondary assess-ranking__toggle" aria-pressed={keyDriver} onClick={toggle}>
          <span aria-hidden="true">{keyDriver ? '★' : '☆'}</span>
          <span className="visually-hidden">{`${name}: `}</span>
          {t('assess.keyDriver.toggle')}
        </button>
      )}
    </li>
  )
})

/** "7–9", or "8" when the middle half agrees exactly. */
function formatRange([low, high]: readonly [number, number], language: string): string {
  const a = formatScale(low, language)
  const b = formatScale(high, language)
  return a === b ? a : `${a}–${b}`
}
