import { memo, useId, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import { useDroppable } from '@dnd-kit/core'
import type { Signal, Trend } from '../../../shared/schema/index.ts'
import { focusableOnce } from '../../ui/focusableOnce.ts'
import { EditingNote } from '../../ui/index.ts'
import { useTrendsActions } from './actions.tsx'
import type { DropTarget } from './dnd/dropDecision.ts'
import { SignalCard } from './SignalCard.tsx'
import { TrendText, TrendTextReadOnly } from './TrendText.tsx'
import { useNearViewport } from './useNearViewport.ts'
import { useBoardText } from './boardText.tsx'
import { useMovedAway } from './movedAway.ts'

export interface TrendClusterProps {
  trend: Trend
  /** Its cards, in the cluster's order. */
  signals: readonly Signal[]
  /** For each signal, how many trends it backs. */
  trendCounts: ReadonlyMap<string, readonly string[]>
  readOnly: boolean
  /** Facilitator tools (show on screen). */
  facilitator: boolean
  onScreen: boolean
  /** Render the cards at once; otherwise when the cluster nears the viewport (see useNearViewport). */
  eager: boolean
}

/**
 * One trend: its name and narrative, its cards and their count, and its actions. A drop target
 * for cards. Memoised so a drop elsewhere leaves it alone (see `sameCluster`).
 */
export const TrendCluster = memo(function TrendCluster({ trend, signals, trendCounts, readOnly, facilitator, onScreen, eager }: TrendClusterProps) {
  const { t } = useBoardText()
  const actions = useTrendsActions()
  const headingId = useId()
  const name = trend.name || t('trends.unnamed')
  const [pending, near] = useNearViewport(eager)
  const status = (
    <div className="trend__status">
      <span className="trend__count">{t('trends.count', { count: signals.length })}</span>
      {onScreen && <span className="badge badge--facilitator">{t('trends.onScreen')}</span>}
      <EditingNote itemId={trend.id} className="trend__editing" />
    </div>
  )

  // Far below the fold: the text to read and a block as tall as the cards, nothing to edit yet.
  // It becomes the full cluster one screen before it scrolls into view.
  const content = !near ? (
    <>
      <header className="trend__head">
        <TrendTextReadOnly trend={trend} headingId={headingId} />
      </header>
      {status}
      <div ref={pending} className="trend__cards-pending" style={{ minHeight: `${signals.length * PENDING_CARD_REM}rem` }} />
    </>
  ) : (
    <>
      <header className="trend__head">
        {readOnly ? (
          <TrendTextReadOnly trend={trend} headingId={headingId} />
        ) : (
          <>
            <h3 id={headingId} className="visually-hidden">
              {name}
            </h3>
            <TrendText trend={trend} />
          </>
        )}
      </header>
      {status}
      <MovedAwayNote trendId={trend.id} />
      {signals.length > 0 ? (
        <ul className="trend__cards" aria-label={t('trends.cardsOf', { trend: name })}>
          {signals.map((signal) => (
            <SignalCard key={signal.id} signal={signal} trendId={trend.id} trendCount={trendCounts.get(signal.id)?.length ?? 1} readOnly={readOnly} />
          ))}
        </ul>
      ) : (
        <p className="trend__empty">{t(readOnly ? 'trends.emptyTrendReadOnly' : 'trends.emptyTrend')}</p>
      )}
      {!readOnly && (
        <footer className="trend__actions">
          {facilitator && (
            <button type="button" className="button button--ghost trend__action" aria-pressed={onScreen} onClick={() => actions.toggleOnScreen(trend.id)}>
              {t(onScreen ? 'trends.stopShowing' : 'trends.showOnScreen')}
              {/* Eight of these on one board: each says whose it is to a screen reader. */}
              <span className="visually-hidden">{`: ${name}`}</span>
            </button>
          )}
          <button type="button" className="button button--ghost trend__action trend__action--delete" onClick={() => actions.askDelete(trend.id)}>
            {t('trends.delete.button')}
            <span className="visually-hidden">{`: ${name}`}</span>
          </button>
        </footer>
      )}
    </>
  )

  const className = ['trend', onScreen && 'trend--on-screen'].filter(Boolean).join(' ')
  if (readOnly) {
    return (
      <article className={className} aria-labelledby={headingId}>
        {content}
      </article>
    )
  }
  return (
    <TrendDropZone trendId={trend.id} className={className} labelledBy={headingId}>
      {content}
    </TrendDropZone>
  )
}, sameCluster)

/** About one compact card and its gap, for the placeholder of cards not rendered yet. */
const PENDING_CARD_REM = 3.75

/**
 * The droppable shell. dnd-kit re-renders every droppable when the drag changes target; this
 * shell re-renders alone, and `children` (made by the memoised cluster) is reused as is.
 */
function TrendDropZone({ trendId, className, labelledBy, children }: { trendId: string; className: string; labelledBy: string; children: ReactNode }) {
  const data = useMemo<DropTarget>(() => ({ kind: 'trend', trendId }), [trendId])
  const { setNodeRef, isOver } = useDroppable({ id: `trend:${trendId}`, data })
  return (
    <article ref={setNodeRef} className={isOver ? `${className} trend--target` : className} aria-labelledby={labelledBy}>
      {children}
    </article>
  )
}

/**
 * `groupSignals` builds new arrays on every change of memberships, so compare what is shown:
 * the same trend record, the same card records in the same order, the same "also in" counts.
 */
function sameCluster(a: TrendClusterProps, b: TrendClusterProps): boolean {
  if (a.trend !== b.trend || a.readOnly !== b.readOnly || a.facilitator !== b.facilitator || a.onScreen !== b.onScreen || a.eager !== b.eager) return false
  if (a.signals.length !== b.signals.length) return false
  for (let i = 0; i < a.signals.length; i++) {
    const signal = a.signals[i]!
    if (signal !== b.signals[i]) return false
    if ((a.trendCounts.get(signal.id)?.length ?? 1) !== (b.trendCounts.get(signal.id)?.length ?? 1)) return false
  }
  return true
}

/** A card this person put here went to another trend at the same moment: said here, where they look (see movedAway.ts). */
function MovedAwayNote({ trendId }: { trendId: string }) {
  const { t } = useBoardText()
  const note = useMovedAway((s) => s.notes.get(trendId))
  const dismiss = useMovedAway((s) => s.dismiss)
  const element = useRef<HTMLParagraphElement>(null)
  // Whether the keyboard is on the note: gone with it, the browser drops focus without a blur.
  const focused = useRef(false)
  // OK or the note's time up with the keyboard on it: the keyboard stays in this trend, on its
  // first card, or on the trend itself (read by its name), not thrown back to the page's top.
  useLayoutEffect(() => {
    const trend = element.current?.closest<HTMLElement>('.trend')
    if (!trend) return
    return () => {
      // A newer note in its place keeps the keyboard where it is.
      if (!focused.current || trend.querySelector('.trend__moved-away')) return
      focused.current = false
      const card = trend.querySelector<HTMLElement>('.tcard__grab[tabindex="0"]')
      if (card) return card.focus()
      focusableOnce(trend).focus()
    }
  }, [note])
  if (!note) return null
  return (
    <p
      ref={element}
      className="field-elsewhere trend__elsewhere trend__moved-away"
      onFocus={() => (focused.current = true)}
      onBlur={() => (focused.current = false)}
    >
      <span>{note.text}</span>
      <button type="button" className="button button--ghost field-elsewhere__take" onClick={() => dismiss(trendId)}>
        {t('trends.movedAway.dismiss')}
      </button>
    </p>
  )
}
