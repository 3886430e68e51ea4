import { useEffect, useState } from 'react'
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
  if (drag ? !drag.keyboard : !focused) return null
  return (
    <div className="keyboard-hint" aria-hidden="true" data-testid="keyboard-hint">
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
  )
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
