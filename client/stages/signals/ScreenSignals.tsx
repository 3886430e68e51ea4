import { memo, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Signal } from '../../../shared/schema/signal.ts'
import { signalAuthors } from '../../../shared/doc/derive/wall.ts'
import { sourceDomain } from '../../../shared/util/url.ts'
import type { Participant } from '../../../shared/schema/participant.ts'
import { FitPages } from '../../ui/fit/FitPages.tsx'
import { useHyphenate, type Column } from '../../ui/hyphenate.ts'
import { useCardText, type CardText } from './cardText.ts'
import { EmptyWall } from './EmptyWall.tsx'
import { PrivateArea } from './PrivateArea.tsx'
import { useFreshIds } from './useFreshIds.ts'
import { useWallData } from './useWallData.ts'
import { themeChips } from './wallFilter.ts'
import './signals.css'
import './screenWall.css'

/** Full cards (tags, source, author) → compact (title and tags) → titles only, more columns each. */
const DENSITIES = ['full', 'compact', 'titles'] as const
type Density = (typeof DENSITIES)[number]

/**
 * The projector: the wall growing, read-only, every title legible from the back of the room. The
 * cards flow down columns; when they outgrow the screen they get denser, then turn pages by
 * themselves ("Page 2 of 3"). Above them the count per theme, so the room sees where its
 * attention goes; during a private round, the pace as face-down tiles instead of the cards.
 */
export default function ScreenSignals() {
  const { t } = useTranslation()
  const id = useId()
  const data = useWallData()
  const text = useCardText()
  const hyphenate = useHyphenate()
  const freshIds = useFreshIds(data.signals, data.loaded)
  const chips = useMemo(() => themeChips(data.signals, data.themes), [data.signals, data.themes])
  // Hyphenation changes where titles break: the fit is found again once its patterns are in.
  const contentKey = useMemo(
    () => [data.signals, data.themeLabels, data.hideNames, text, hyphenate],
    [data.signals, data.themeLabels, data.hideNames, text, hyphenate],
  )

  return (
    <div className="signals-screen fit-host">
      <h2 id={`${id}-wall`} className="visually-hidden">
        {t('signals.wall.heading')}
      </h2>
      {data.privateOn && <PrivateArea counts={data.privateCounts} selfId={null} forScreen anonymous={data.hideNames} />}
      {data.signals.length === 0 ? (
        !data.privateOn && data.loaded && <EmptyWall forScreen />
      ) : (
        <FitPages
          levels={DENSITIES}
          contentKey={contentKey}
          className="screen-wall"
          label={t('signals.wall.heading')}
          footer={<WallCounts count={data.signals.length} chips={chips} />}
        >
          {(density) =>
            data.signals.map((signal) => (
              <ScreenSignal
                key={signal.id}
                signal={signal}
                density={density}
                text={text}
                hyphenate={hyphenate}
                themeLabel={data.themeLabels.get(signal.themeId) ?? null}
                author={data.hideNames ? null : authorName(signal, data.participants, text)}
                isNew={freshIds.has(signal.id)}
              />
            ))
          }
        </FitPages>
      )}
    </div>
  )
}

/** "60 signals" and, when the workshop has themes, how many each theme has. */
function WallCounts({ count, chips }: { count: number; chips: ReturnType<typeof themeChips> }) {
  const { t } = useTranslation()
  return (
    <>
      <span className="signals-screen__count">{t('signals.wall.count', { count })}</span>
      {chips.length > 1 && (
        <ul className="screen-theme-counts ui-list" aria-label={t('signals.filters.themes')}>
          {chips.map((chip) => (
            <li key={chip.id || 'none'} className="tag tag--theme">
              {chip.label ?? t('signals.filters.noTheme')}
              <span className="screen-theme-counts__count">{chip.count}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function authorName(signal: Signal, participants: ReadonlyMap<string, Participant>, text: CardText): string {
  const names = signalAuthors(signal).map((authorId) => participants.get(authorId)?.name.trim() || text.unnamed)
  return names.join(', ')
}

interface ScreenSignalProps {
  signal: Signal
  density: Density
  text: CardText
  hyphenate(text: string, column?: Column): string
  themeLabel: string | null
  author: string | null
  isNew: boolean
}

/** One card on the projector's wall, as much of it as the density allows; the title always whole. */
const ScreenSignal = memo(function ScreenSignal({ signal, density, text, hyphenate, themeLabel, author, isNew }: ScreenSignalProps) {
  const domain = signal.sourceUrl ? sourceDomain(signal.sourceUrl) : null
  return (
    <div role="listitem" className={`screen-signal ui-frame ui-stack${isNew ? ' screen-signal--new' : ''}`} data-signal-id={signal.id}>
      {density !== 'titles' && (signal.category || themeLabel) && (
        <p className="screen-signal__tags">
          {signal.category && <span className={`tag tag--${signal.category}`}>{text.steep[signal.category]}</span>}
          {themeLabel && <span className="tag tag--theme">{themeLabel}</span>}
        </p>
      )}
      <h3 className="screen-signal__title">{hyphenate(signal.title, density === 'titles' ? 'narrow' : 'wide')}</h3>
      {density === 'full' && (domain || author) && (
        <p className="screen-signal__meta">
          {domain && <span className="screen-signal__source">{domain}</span>}
          {author && <span className="screen-signal__author">{author}</span>}
        </p>
      )}
    </div>
  )
})
