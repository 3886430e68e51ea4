import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { useDndMonitor } from '@dnd-kit/core'
import { isDropTarget } from './dropDecision.ts'
import { useTargetName } from './useTargetName.ts'

/**
 * The keyboard steps on screen, for sighted keyboard users (a screen reader already hears them as
 * the card's description, so this stays out of the accessibility tree). It shows while a card has
 * keyboard focus, and during a keyboard drag it names the target the card is over, so nothing the
 * dragged card covers is needed to know where it will land.
 */
export function KeyboardHint() {
  const { t } = useTranslation()
  const focused = useKeyboardFocusOnCard()
  const [drag, setDrag] = useState<{ keyboard: boolean; over: unknown } | null>(null)
  useDndMonitor({
    onDragStart: ({ activatorEvent }) => setDrag({ keyboard: activatorEvent instanceof KeyboardEvent, over: null }),
    onDragOver: ({ over }) => setDrag((was) => (was ? { ...was, over: over?.data.current ?? null } : was)),
    onDragEnd: () => setDrag(null),
    onDragCancel: () => setDrag(null),
  })
  const overName = useTargetName(isDropTarget(drag?.over) ? drag.over : null)
  const hint = useRef<HTMLDivElement>(null)
  const room = useKeepFocusedCardClear(hint)
  if (drag ? !drag.keyboard : !focused) return null
  return (
    <>
      {/* Room under the board, so the last trend's last card can scroll up above the hint. */}
      <div className="keyboard-hint-room" style={{ height: room }} aria-hidden="true" />
      <div ref={hint} className="keyboard-hint" aria-hidden="true" data-testid="keyboard-hint">
        {drag ? (
          <>
            <p className="keyboard-hint__where">{overName ?? t('trends.dnd.hint.nowhere')}</p>
            <p className="keyboard-hint__keys">
              <Key>←</Key> <Key>→</Key> {t('trends.dnd.hint.trends')} · <Key>↑</Key> <Key>↓</Key> {t('trends.dnd.hint.cards')} ·{' '}
              <Key>{t('trends.dnd.hint.space')}</Key> {t('trends.dnd.hint.drop')} · <Key>{t('trends.dnd.hint.esc')}</Key> {t('trends.dnd.hint.cancel')}
            </p>
          </>
        ) : (
          <p className="keyboard-hint__keys">
            <Key>{t('trends.dnd.hint.space')}</Key> {t('trends.dnd.hint.pickUp')} · <Key>{t('trends.dnd.hint.tab')}</Key> {t('trends.dnd.hint.menu')}
          </p>
        )}
      </div>
    </>
  )
}

/** Space kept between the hint and a card above it, in px. */
const CLEARANCE = 8

/**
 * The hint floats over the bottom of the window: the card with keyboard focus must not sit under
 * it (a card dropped into the last trend on a phone did, its title hidden). After every render of
 * the hint and every move of focus onto a card, the page scrolls the card up above the hint; the
 * returned height is the room the page needs below the board for that (the hint's top to the
 * window's bottom).
 */
function useKeepFocusedCardClear(hint: RefObject<HTMLDivElement | null>): number {
  const [room, setRoom] = useState(0)
  const keepClear = useCallback(() => {
    const box = hint.current?.getBoundingClientRect()
    const card = document.activeElement?.closest('.tcard')?.getBoundingClientRect()
    if (!box) return
    setRoom(Math.max(0, Math.ceil(window.innerHeight - box.top + CLEARANCE)))
    if (card && card.bottom > box.top - CLEARANCE) window.scrollBy({ top: card.bottom - box.top + CLEARANCE })
  }, [hint])
  // After every render of the hint: it appears, or its words change with the target.
  useLayoutEffect(keepClear)
  // Focus moving from card to card renders nothing here: check on each move, once it has landed.
  useEffect(() => {
    let frame = 0
    const onFocus = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(keepClear)
    }
    document.addEventListener('focusin', onFocus)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('focusin', onFocus)
    }
  }, [keepClear])
  return room
}

function Key({ children }: { children: string }) {
  return <kbd className="keyboard-hint__key">{children}</kbd>
}

/** Whether keyboard focus (not a click) sits on a card's drag handle. */
function useKeyboardFocusOnCard(): boolean {
  const [focused, setFocused] = useState(false)
  useEffect(() => {
    const update = () => {
      const element = document.activeElement
      setFocused(element instanceof HTMLElement && element.classList.contains('tcard__grab') && element.matches(':focus-visible'))
    }
    document.addEventListener('focusin', update)
    document.addEventListener('focusout', update)
    return () => {
      document.removeEventListener('focusin', update)
      document.removeEventListener('focusout', update)
    }
  }, [])
  return focused
}
