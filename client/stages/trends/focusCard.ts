import { useEffect, useRef, type RefObject } from 'react'
import { useAnnounce } from '../../ui/index.ts'

/**
 * Keeps keyboard focus with a card that moved. A move unmounts the card where it was and mounts
 * it in its new cluster once the snapshot arrives, so focus would fall back to the page; we find
 * the card in its new place on the next frames and focus it there.
 */

/** A card's place on the board: the same signal may sit in several clusters at once. */
export const cardKey = (signalId: string, trendId: string | null) => `${trendId ?? 'unsorted'}:${signalId}`

const MAX_FRAMES = 10

/**
 * Cards this person moved a moment ago (`noteOwnMove`): their card follows them too, but the move
 * was already said by what made it (the drop, the menu, "moved meanwhile"), so it is not said twice.
 */
const ownMoves = new Map<string, number>()
const OWN_MOVE_MS = 2_000

/** Call before this person's own move of a card takes effect (see `useFocusFollowsCards`). */
export function noteOwnMove(signalId: string): void {
  ownMoves.set(signalId, Date.now())
}

const movedByMe = (signalId: string) => Date.now() - (ownMoves.get(signalId) ?? Number.NEGATIVE_INFINITY) < OWN_MOVE_MS

/** Focuses the card's drag handle (`grab`) or its actions button (`more`) once it is rendered. */
export function focusCardWhenShown(signalId: string, trendId: string | null, part: 'grab' | 'more', root: ParentNode = document): void {
  const selector = `[data-card="${cardKey(signalId, trendId)}"] .tcard__${part}`
  let frames = 0
  const attempt = () => {
    const element = root.querySelector<HTMLElement>(selector)
    if (element) {
      element.focus()
      element.scrollIntoView?.({ block: 'nearest' })
    } else if (++frames < MAX_FRAMES) {
      requestAnimationFrame(attempt)
    }
  }
  requestAnimationFrame(attempt)
}

/**
 * Keeps the keyboard with a card that someone else moved while it had focus. The card leaves its
 * list (its old element is gone: focus falls to the page) and shows up in another; a person
 * working by keyboard lost their place with no word of why. Focus goes to the card where it now
 * is, a place it was not in before (a card may stand in several trends), and the move is read
 * out; a card taken off the board leaves the keyboard on the card now in its place (or the
 * trends). A card of one's own moving (`noteOwnMove`) is followed without a word: what moved it said so.
 * Removals are seen by a MutationObserver: a focused element's removal sends no `focusout` in
 * every browser.
 */
export function useFocusFollowsCards(board: RefObject<HTMLElement | null>, describe: (signalId: string, trendId: string | null) => string): void {
  const announce = useAnnounce()
  const latest = useRef({ describe, announce })
  latest.current = { describe, announce }
  useEffect(() => {
    const element = board.current
    if (!element) return
    const placesOf = (signalId: string) => [...element.querySelectorAll<HTMLElement>(`[data-card$=":${CSS.escape(signalId)}"]`)]
    /** The card part with focus, and where its card stood when it got it. */
    let focused: { part: HTMLElement; key: string; signalId: string; which: 'grab' | 'more'; list: Element | null; index: number; before: Set<string> } | null =
      null
    const remember = (target: EventTarget | null) => {
      const part = target instanceof HTMLElement ? target : null
      const card = part?.closest<HTMLElement>('[data-card]')
      const key = card?.dataset.card
      if (!part || !card || !key) return void (focused = null)
      const signalId = key.slice(key.indexOf(':') + 1)
      const list = card.parentElement
      focused = {
        part,
        key,
        signalId,
        which: part.closest('.tcard__more') ? 'more' : 'grab',
        list,
        index: list ? [...list.children].indexOf(card) : -1,
        before: new Set(placesOf(signalId).map((place) => place.dataset.card ?? '')),
      }
    }
    const follow = ({ key, signalId, which, list, index, before }: NonNullable<typeof focused>) => {
      let frames = 0
      const attempt = () => {
        const active = document.activeElement
        if (active && active !== document.body) return
        const now = placesOf(signalId)
        const moved = now.find((place) => !before.has(place.dataset.card ?? ''))
        const target = now.find((place) => place.dataset.card === key) ?? moved
        if (target) {
          target.querySelector<HTMLElement>(`.tcard__${which}`)?.focus()
          if (target === moved && !movedByMe(signalId)) {
            const [trend = 'unsorted'] = (moved.dataset.card ?? '').split(':')
            latest.current.announce(latest.current.describe(signalId, trend === 'unsorted' ? null : trend))
          }
        } else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt)
        else {
          // Gone from the board: the card now in its place, else the list's last, else the trends.
          const cards = list?.isConnected ? [...list.querySelectorAll<HTMLElement>(':scope > [data-card] .tcard__grab')] : []
          ;(cards[Math.min(index, cards.length - 1)] ?? element.querySelector<HTMLElement>('.trends__main'))?.focus()
        }
      }
      requestAnimationFrame(attempt)
    }
    const onIn = (event: FocusEvent) => remember(event.target)
    // Focus leaving for somewhere else, or for nowhere (a click on empty space): forgotten. Only a
    // removal leaves the element gone once the turn ends (see the observer).
    const onOut = (event: FocusEvent) => {
      if (event.relatedTarget) focused = null
      else {
        const left = event.target
        queueMicrotask(() => {
          if (left instanceof Element && left.isConnected && focused?.part === left) focused = null
        })
      }
    }
    const observer = new MutationObserver(() => {
      if (!focused || focused.part.isConnected) return
      follow(focused)
      focused = null
    })
    remember(element.contains(document.activeElement) ? document.activeElement : null)
    element.addEventListener('focusin', onIn)
    element.addEventListener('focusout', onOut)
    observer.observe(element, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      element.removeEventListener('focusin', onIn)
      element.removeEventListener('focusout', onOut)
    }
  }, [board])
}
