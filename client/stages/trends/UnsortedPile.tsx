import { memo, useEffect, useState, type ReactNode } from 'react'
import { useDroppable } from '@dnd-kit/core'
import type { Signal } from '../../../shared/schema/index.ts'
import type { DropTarget } from './dnd/dropDecision.ts'
import { SignalCard } from './SignalCard.tsx'
import { useNearViewport } from './useNearViewport.ts'
import { useBoardText } from './boardText.tsx'

interface UnsortedPileProps {
  signals: readonly Signal[]
  readOnly: boolean
  /** No signals on the board at all (as opposed to all of them sorted). */
  boardEmpty: boolean
}

/**
 * The cards no trend claims yet. Always on screen (the facilitator keeps it visible), a drop
 * target to take a card out of a trend, and each card in it a target for starting a new trend.
 */
export const UnsortedPile = memo(function UnsortedPile({ signals, readOnly, boardEmpty }: UnsortedPileProps) {
  const { t } = useBoardText()
  const [shown, setShown] = useState(FIRST_PAGE)
  const visible = signals.length > shown ? signals.slice(0, shown) : signals
  const content = (
    <>
      <header className="pile__head">
        <h2 id="trends-unsorted-title" className="pile__title">
          {t('trends.unsorted.title')}
        </h2>
        <span className="pile__count">{t('trends.count', { count: signals.length })}</span>
      </header>
      {signals.length > 0 && <SkipToTrends />}
      {!readOnly && signals.length > 0 && <p className="pile__hint">{t('trends.unsorted.hint')}</p>}
      {signals.length > 0 ? (
        <ul className="pile__cards" aria-labelledby="trends-unsorted-title">
          {visible.map((signal) => (
            <SignalCard key={signal.id} signal={signal} trendId={null} trendCount={0} readOnly={readOnly} />
          ))}
        </ul>
      ) : (
        <p className="pile__empty">{t(boardEmpty ? 'trends.unsorted.noSignals' : 'trends.unsorted.allSorted')}</p>
      )}
      {shown < signals.length && <ShowMore key={shown} remaining={signals.length - shown} onMore={() => setShown((n) => n + NEXT_PAGE)} />}
    </>
  )
  if (readOnly) {
    return (
      <section className="pile" aria-labelledby="trends-unsorted-title">
        {content}
      </section>
    )
  }
  return <PileDropZone>{content}</PileDropZone>
})

/** Where the skip link lands: the trends' own section (TrendsBoard.tsx). */
export const TRENDS_MAIN_ID = 'trends-main'

/**
 * Shown when focused: a keyboard passes sixty cards (two stops each) in one step to the trends,
 * their "New trend" and the facilitator's suggestions.
 */
function SkipToTrends() {
  const { t } = useBoardText()
  return (
    <a
      className="pile__skip visually-hidden--until-focus"
      href={`#${TRENDS_MAIN_ID}`}
      onClick={(event) => {
        // Focus moves without touching the address: its fragment holds the workshop key.
        event.preventDefault()
        document.getElementById(TRENDS_MAIN_ID)?.focus()
      }}
    >
      {t('trends.unsorted.skip')}
    </a>
  )
}

/** Cards rendered with the first paint; the rest follow as the pile is scrolled (or on request). */
const FIRST_PAGE = 30
const NEXT_PAGE = 120

/** "Show 440 more cards": a real button for keyboards and screen readers, pressed by itself when scrolled into view. */
function ShowMore({ remaining, onMore }: { remaining: number; onMore(): void }) {
  const { t } = useBoardText()
  const [ref, near] = useNearViewport(false)
  useEffect(() => {
    if (near) onMore()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- Once per mount: the parent re-keys this button after each page.
  }, [near])
  return (
    <button ref={ref} type="button" className="button button--secondary pile__more" onClick={onMore}>
      {t('trends.unsorted.more', { count: remaining })}
    </button>
  )
}

const UNSORTED: DropTarget = Object.freeze({ kind: 'unsorted' })

/** The droppable shell (re-renders on drag target changes; its children are reused). */
function PileDropZone({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: 'unsorted', data: UNSORTED })
  return (
    <section ref={setNodeRef} className={isOver ? 'pile pile--target' : 'pile'} aria-labelledby="trends-unsorted-title">
      {children}
    </section>
  )
}
