/**
 * Keeps keyboard focus with a card that moved. A move unmounts the card where it was and mounts
 * it in its new cluster once the snapshot arrives, so focus would fall back to the page; we find
 * the card in its new place on the next frames and focus it there.
 */

/** A card's place on the board: the same signal may sit in several clusters at once. */
export const cardKey = (signalId: string, trendId: string | null) => `${trendId ?? 'unsorted'}:${signalId}`

const MAX_FRAMES = 10

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
