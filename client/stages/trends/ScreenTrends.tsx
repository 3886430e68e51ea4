import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrendGroup } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { FIT_CONTINUES, FIT_PIECE, FitPages } from '../../ui/fit/FitPages.tsx'
import { EmptyState } from '../../ui/index.ts'
import { useHyphenate } from '../../ui/hyphenate.ts'
import { BoardTextProvider, useBoardText } from './boardText.tsx'
import { ScreenSuggestions, useShownSuggestions } from './suggest/ScreenSuggestions.tsx'
import { TrendTextReadOnly } from './TrendText.tsx'
import { useFocusedTrendId, useSignalGroups } from './useTrendsBoard.ts'
import './trends.css'
import './card.css'
import './projector.css'

/** Full (narrative, cards with their category) → compact (cards with category) → titles only. */
const DENSITIES = ['full', 'compact', 'titles'] as const
/**
 * One trend on screen starts larger: its six cards drawn at the wall's size filled half the
 * screen, in small type, with the rest of it empty.
 */
const FOCUSED_DENSITIES = ['large', 'medium', ...DENSITIES] as const
type Density = (typeof FOCUSED_DENSITIES)[number]

/**
 * What the room sees on the projector: the trends as read-only columns, each with the cards
 * behind it, or the one trend the facilitator put on screen. The columns fill the stage area;
 * when they outgrow it they get denser (the narrative goes, then the tags), then turn pages by
 * themselves. Nothing here can be dragged or edited.
 */
export default function ScreenTrends() {
  const boardOpen = useStore((s) => s.board !== null)
  return boardOpen ? <TrendsOnScreen /> : null
}

function TrendsOnScreen() {
  const groups = useSignalGroups()
  const focusedId = useFocusedTrendId()
  const focused = focusedId === null ? undefined : groups.trends.find((g) => g.trend.id === focusedId)
  const suggestions = useShownSuggestions()
  // Suggested groups the facilitator put up take the screen until taken off (a focused trend wins).
  if (!focused && suggestions.length !== 0) return <ScreenSuggestions suggestions={suggestions} />
  return (
    <BoardTextProvider>{focused ? <FocusedTrend group={focused} /> : <AllTrends groups={groups.trends} unsorted={groups.unsorted.length} />}</BoardTextProvider>
  )
}

function AllTrends({ groups, unsorted }: { groups: readonly TrendGroup[]; unsorted: number }) {
  const { t } = useTranslation()
  // Hyphenation (ScreenCluster) changes where names break: the fit is found again once it is in.
  const hyphenate = useHyphenate()
  const contentKey = useMemo(() => [groups, hyphenate], [groups, hyphenate])
  return (
    <section className="projector-trends fit-host" aria-labelledby="projector-trends-title">
      {/* The bar above already says "Trends" large: the heading names the region for screen readers. */}
      <h2 id="projector-trends-title" className="visually-hidden">
        {t('trends.list.title')}
      </h2>
      {groups.length > 0 ? (
        <FitPages
          levels={DENSITIES}
          contentKey={contentKey}
          className="projector-trends__flow"
          footer={unsorted > 0 && <span className="projector-trends__unsorted">{t('trends.projector.unsorted', { count: unsorted })}</span>}
        >
          {(density) => groups.map((group) => <ScreenCluster key={group.trend.id} group={group} density={density} />)}
        </FitPages>
      ) : (
        <EmptyState title={t('trends.list.emptyTitle')} text={t('trends.list.emptyReadOnly')} headingLevel={3} />
      )}
    </section>
  )
}

/** One trend on screen, large: its whole text, and its cards in as many columns as they need. */
function FocusedTrend({ group }: { group: TrendGroup }) {
  const { t } = useTranslation()
  const { hyphenate } = useBoardText()
  // The patterns arriving change where titles break: the fit is found again then.
  const contentKey = useMemo(() => [group.signals, hyphenate], [group.signals, hyphenate])
  return (
    <section className="projector-trends projector-trends--focused" aria-label={t('trends.projector.focused')}>
      <article className="trend trend--projector trend--projector-large">
        <TrendTextReadOnly trend={group.trend} headingLevel={2} />
        <p className="trend__count">{t('trends.count', { count: group.signals.length })}</p>
        {group.signals.length > 0 && (
          <FitPages
            levels={FOCUSED_DENSITIES}
            contentKey={contentKey}
            className="projector-trends__cards"
            label={t('trends.cardsOf', { trend: group.trend.name || t('trends.unnamed') })}
          >
            {(density) =>
              group.signals.map((signal) => (
                <ScreenCard key={signal.id} title={hyphenate(signal.title)} category={signal.category} density={density} listItem />
              ))
            }
          </FitPages>
        )}
      </article>
    </section>
  )
}

/** A trend of this many cards or fewer is kept in one column on the projector (projector.css). */
const FEW_CARDS = 3

const ScreenCluster = memo(function ScreenCluster({ group, density }: { group: TrendGroup; density: Density }) {
  const { t } = useBoardText()
  const hyphenate = useHyphenate()
  const { trend, signals } = group
  return (
    <article
      className={signals.length <= FEW_CARDS ? 'trend trend--projector trend--few' : 'trend trend--projector'}
      data-trend-id={trend.id}
      {...{ [FIT_CONTINUES]: t('trends.projector.continued', { trend: trend.name || t('trends.unnamed') }) }}
    >
      {density === 'full' ? (
        <TrendTextReadOnly
          trend={{ ...trend, name: hyphenate(trend.name), narrative: hyphenate(trend.narrative), opportunities: '', challenges: '' }}
          headingLevel={3}
        />
      ) : (
        <h3 className={trend.name ? 'trend__title' : 'trend__title trend__title--unnamed'}>{hyphenate(trend.name) || t('trends.unnamed')}</h3>
      )}
      <p className="trend__count">{t('trends.count', { count: signals.length })}</p>
      {signals.length > 0 && (
        <ul className="trend__cards">
          {signals.map((signal) => (
            <ScreenCard
              key={signal.id}
              title={hyphenate(signal.title, density === 'titles' ? 'narrow' : 'wide')}
              category={signal.category}
              density={density}
              piece
            />
          ))}
        </ul>
      )}
    </article>
  )
})

/** A card behind a trend: its title, and its category while there is room. */
function ScreenCard({
  title,
  category,
  density,
  listItem = false,
  piece = false,
}: {
  title: string
  category: string
  density: Density
  listItem?: boolean
  /** A card of a trend in the flow of trends: labelled with the trend's name where it starts a column. */
  piece?: boolean
}) {
  const labels = useBoardText()
  const tag = density !== 'titles' && category && category in labels.category ? labels.category[category as keyof typeof labels.category] : null
  const content = (
    <>
      <span className="tcard__title">{title}</span>
      {tag && <span className={`tag tag--${category} tcard__tag`}>{tag}</span>}
    </>
  )
  return listItem ? (
    <div role="listitem" className="tcard tcard--projector">
      {content}
    </div>
  ) : (
    <li className="tcard tcard--projector" {...(piece ? { [FIT_PIECE]: '' } : {})}>
      {content}
    </li>
  )
}
